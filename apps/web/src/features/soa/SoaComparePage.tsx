import { useState } from 'react';
import { Paper, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SoaComparison } from '@tillit/core/modules/soa/schemas';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { TableScroll } from '../assets/TableScroll';
import { useSoaCompare } from './api';

type Side = SoaComparison['rows'][number]['from'];

/** Two years of the statement side by side; changed answers are marked in words, not only by colour. */
export function SoaComparePage() {
  const { t, i18n } = useTranslation(['soa', 'common']);
  const [params] = useSearchParams();
  const cmp = useSoaCompare(params.get('from'), params.get('to'));
  const [onlyChanged, setOnlyChanged] = useState(true);
  // Opened without two years (e.g. from an old bookmark): say how to choose them instead of waiting.
  if (!params.get('from') || !params.get('to'))
    return (
      <>
        <PageHeader title={t('soa:compare')} />
        <EmptyState title={t('soa:compareChoose')} />
      </>
    );
  if (cmp.isPending) return <LoadingState />;
  if (cmp.error) return <ErrorState error={cmp.error} onRetry={() => void cmp.refetch()} />;
  const { from, to, rows } = cmp.data;
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const changed = rows.filter((r) => r.changed.length > 0);
  const shown = onlyChanged ? changed : rows;
  const describe = (s: Side) =>
    !s
      ? ''
      : [
          s.applicable === null ? t('soa:undecided') : s.applicable ? t('soa:yes') : t('soa:no'),
          s.implementation ? t(`soa:impl.${s.implementation}`) : null,
          s.gapSeverity ? t(`soa:gap.${s.gapSeverity}`) : null,
        ]
          .filter(Boolean)
          .join(' · ');
  return (
    <>
      <PageHeader title={`${t('soa:compare')}: ${from.year} – ${to.year}`} description={t('soa:changedCount', { count: changed.length })} />
      <Paper withBorder p="md" radius="md">
        <Switch
          label={t('soa:onlyChanged')}
          checked={onlyChanged}
          onChange={(e) => setOnlyChanged(e.currentTarget.checked)}
          mb="md"
          data-testid="soa-only-changed"
        />
        <TableScroll minWidth={640}>
          <Table data-testid="soa-compare-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('soa:control')}</Table.Th>
                <Table.Th>{from.year}</Table.Th>
                <Table.Th>{to.year}</Table.Th>
                <Table.Th>{t('soa:changedFields')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={r.control}>
                  <Table.Td>
                    <Text fw={600} span>
                      {r.control}
                    </Text>{' '}
                    {lang === 'en' ? (r.title.en ?? r.title.sv) : r.title.sv}
                  </Table.Td>
                  <Table.Td>{describe(r.from)}</Table.Td>
                  <Table.Td>{describe(r.to)}</Table.Td>
                  <Table.Td>{r.changed.map((f) => t(`soa:fields.${f as 'implementation'}`)).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Paper>
    </>
  );
}
