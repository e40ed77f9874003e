import { useState } from 'react';
import { List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportField, ImportReport } from '../../api';
import { Pager } from '../../components/Pager';
import { formatNumber } from '../../lib/format';
import { TableScroll } from '../assets/TableScroll';

const PAGE = 50;

/** The dry run's summary and, row by row, every problem that stops the import. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation(['assetImport', 'assets']);
  const [page, setPage] = useState(1);
  const figures: [string, number, string][] = [
    [t('assetImport:report.rows'), report.rows, 'report-rows'],
    [t('assetImport:report.toCreate'), report.toCreate, 'report-create'],
    [t('assetImport:report.toUpdate'), report.toUpdate, 'report-update'],
    [t('assetImport:report.unchanged'), report.unchanged ?? 0, 'report-unchanged'],
    [t('assetImport:report.links'), report.links, 'report-links'],
    [t('assetImport:report.problems'), report.problemCount, 'report-problems'],
  ];
  const shown = report.problems.slice((page - 1) * PAGE, page * PAGE);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 6 }} spacing="sm" component="dl" style={{ margin: 0 }}>
        {figures.map(([label, value, testId]) => (
          <div key={testId}>
            <Text component="dt" size="sm" fw={600}>
              {label}
            </Text>
            <Text
              component="dd"
              m={0}
              fz={24}
              fw={700}
              c={testId === 'report-problems' && value > 0 ? 'red.8' : undefined}
              data-testid={testId}
            >
              {formatNumber(value)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm">
        {t('assetImport:report.byKind', {
          sets: formatNumber(report.byKind.information_set),
          systems: formatNumber(report.byKind.system),
          processes: formatNumber(report.byKind.process),
        })}
      </Text>
      {(report.matches ?? []).length > 0 && (
        <div data-testid="import-matches">
          <Text size="sm">{t('assetImport:report.matches', { count: report.matches.length })}</Text>
          <List size="sm">
            {report.matches.slice(0, 20).map((m) => (
              <List.Item key={m.row}>{t('assetImport:report.match', { row: m.row, name: m.name, unit: m.unitName })}</List.Item>
            ))}
          </List>
        </div>
      )}
      {report.problemCount > 0 && (
        <div>
          {report.problemCount > report.problems.length && (
            <Text size="sm" mb="xs">
              {t('assetImport:report.truncated', { shown: formatNumber(report.problems.length), total: formatNumber(report.problemCount) })}
            </Text>
          )}
          <TableScroll minWidth={720}>
            <Table data-testid="import-problems" striped>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('assetImport:report.problemsCaption', { count: report.problemCount })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assetImport:report.row')}</Table.Th>
                  <Table.Th scope="col">{t('assetImport:report.field')}</Table.Th>
                  <Table.Th scope="col">{t('assetImport:report.message')}</Table.Th>
                  <Table.Th scope="col">{t('assetImport:report.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((p, i) => (
                  <Table.Tr key={`${p.row}-${p.field}-${i}`} data-testid="import-problem" data-row={p.row} data-code={p.code}>
                    <Table.Td>{p.row}</Table.Td>
                    <Table.Td>
                      {p.field ? t(`assetImport:fields.${p.field as ImportField}`) : t('assetImport:report.wholeRow')}
                      {p.column && (
                        <Text size="xs" c="dimmed">
                          {t('assetImport:report.column', { column: p.column })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>{p.value ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Pager page={page} pageSize={PAGE} total={report.problems.length} onChange={setPage} />
        </div>
      )}
    </Stack>
  );
}
