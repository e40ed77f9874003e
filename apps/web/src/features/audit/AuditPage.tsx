import { Paper, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListPager, useListTotal } from '../../components/Pager';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { stockholmDayBoundary } from '../../lib/format';
import { useAuditEvents, useVerifyAudit } from './api';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyChainButton, VerifyChainResult } from './VerifyChain';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function AuditPage() {
  const { t } = useTranslation(['audit', 'common']);
  const access = useAccess();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilterValues = {
    user: params.get('user'),
    type: params.get('type'),
    action: params.get('action'),
    from: DAY.test(params.get('from') ?? '') ? params.get('from') : null,
    to: DAY.test(params.get('to') ?? '') ? params.get('to') : null,
  };
  const cursor = params.get('cursor') ?? undefined;

  const events = useAuditEvents({
    actorUserId: filters.user ?? undefined,
    entityType: filters.type ?? undefined,
    action: filters.action ?? undefined,
    from: filters.from ? stockholmDayBoundary(filters.from, 'start') : undefined,
    to: filters.to ? stockholmDayBoundary(filters.to, 'end') : undefined,
    ...(cursor ? { cursor } : {}),
    pageSize: PAGE_SIZE,
  });
  const totalLabel = useListTotal(events.data ?? { total: 0, totalCapped: false });
  const verify = useVerifyAudit();

  const update = (changes: Partial<AuditFilterValues> & { cursor?: string | null }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('cursor' in changes)) next.delete('cursor');
        return next;
      },
      { replace: true },
    );

  const filtered = Object.values(filters).some(Boolean);
  const total = events.data?.total ?? 0;
  const caption = t('audit:caption', { count: total, formatted: totalLabel });

  return (
    <>
      <PageHeader title={t('audit:title')} description={t('audit:intro')} actions={<VerifyChainButton verify={verify} />} />
      <Stack gap="md">
        <VerifyChainResult verify={verify} />
        <AuditFilters value={filters} onChange={update} canPickUser={access.can('user.read')} />
        <Paper withBorder p="md" radius="md">
          {events.isPending ? (
            <LoadingState />
          ) : events.error ? (
            <ErrorState error={events.error} onRetry={() => void events.refetch()} />
          ) : events.data.items.length === 0 ? (
            <EmptyState title={filtered ? t('audit:empty.filteredTitle') : t('audit:empty.title')}>
              {filtered ? t('audit:empty.filteredText') : t('audit:empty.text')}
            </EmptyState>
          ) : (
            <>
              <AuditTable events={events.data.items} caption={caption} />
              <ListPager page={events.data} onNavigate={(c) => update({ cursor: c })} />
            </>
          )}
        </Paper>
      </Stack>
    </>
  );
}
