import { Anchor, Progress, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CoverageView } from '../../api';
import { formatNumber } from '../../lib/format';
import { coverageLink, percent } from './coverageLinks';
import { TableScroll } from './TableScroll';

type Row = CoverageView['rows'][number];

/** One row per förvaltning; every number opens the inventory list filtered to what it counts. */
export function CoverageTable({ rows, scopeName, onDrill }: { rows: Row[]; scopeName: string; onDrill: (unitId: string) => void }) {
  const { t } = useTranslation('assets');
  const num = (row: Row, key: keyof Omit<Row, 'unitId' | 'unitName'>, label: string) => (
    <Anchor
      component={Link}
      underline="always"
      to={coverageLink(key, row.unitId)}
      aria-label={t('coverage.cellLabel', { count: row[key], value: formatNumber(row[key]), label, unit: row.unitName })}
      data-testid={`coverage-${key}`}
    >
      {formatNumber(row[key])}
    </Anchor>
  );
  return (
    <TableScroll minWidth={980}>
      <Table data-testid="coverage-table">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('coverage.caption', { unit: scopeName })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('coverage.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('coverage.columns.systemsValid')}</Table.Th>
            <Table.Th scope="col">{t('coverage.columns.systemsMissing')}</Table.Th>
            <Table.Th scope="col">{t('coverage.columns.setsClassified')}</Table.Th>
            <Table.Th scope="col">{t('coverage.columns.awaitingApproval')}</Table.Th>
            <Table.Th scope="col">{t('coverage.columns.dueWithin30Days')}</Table.Th>
            <Table.Th scope="col">{t('coverage.columns.overdue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const share = percent(row.systemsValid, row.systemsInUse);
            const text =
              share === null
                ? t('coverage.shareNone')
                : t('coverage.share', { part: formatNumber(row.systemsValid), whole: formatNumber(row.systemsInUse), percent: share });
            const setsShare = percent(row.setsClassified, row.setsTotal);
            return (
              <Table.Tr key={row.unitId} data-testid="coverage-row" data-unit-id={row.unitId}>
                <Table.Th scope="row">
                  <UnstyledButton
                    onClick={() => onDrill(row.unitId)}
                    fw={600}
                    td="underline"
                    c="tillit.8"
                    title={t('coverage.drill', { unit: row.unitName })}
                  >
                    {row.unitName}
                  </UnstyledButton>
                </Table.Th>
                <Table.Td>
                  <Stack gap={4} miw={180}>
                    <Text size="sm">
                      {num(row, 'systemsValid', t('coverage.columns.systemsValid'))} {t('coverage.of')}{' '}
                      {num(row, 'systemsInUse', t('coverage.figures.systemsInUse'))}
                      {share !== null && ` (${share} %)`}
                    </Text>
                    <Progress.Root size="sm" aria-hidden={share === null}>
                      <Progress.Section value={share ?? 0} color="tillit" aria-label={`${row.unitName}: ${text}`} aria-valuetext={text} />
                    </Progress.Root>
                  </Stack>
                </Table.Td>
                <Table.Td>{num(row, 'systemsMissing', t('coverage.columns.systemsMissing'))}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {num(row, 'setsClassified', t('coverage.columns.setsClassified'))} {t('coverage.of')}{' '}
                    {num(row, 'setsTotal', t('coverage.figures.setsTotal'))}
                    {setsShare !== null && ` (${setsShare} %)`}
                  </Text>
                </Table.Td>
                <Table.Td>{num(row, 'awaitingApproval', t('coverage.columns.awaitingApproval'))}</Table.Td>
                <Table.Td>{num(row, 'dueWithin30Days', t('coverage.columns.dueWithin30Days'))}</Table.Td>
                <Table.Td>{num(row, 'overdue', t('coverage.columns.overdue'))}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
