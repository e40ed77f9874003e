import { useCallback, useState } from 'react';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  assetKinds,
  classificationStatuses,
  type AssetKind,
  type ClassificationListItem,
  type ClassificationListQuery,
  type ClassificationStatus,
} from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ListPager, useListTotal } from '../../components/Pager';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { UnitSelect } from '../../components/UnitSelect';
import { useAccess } from '../../app/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { useUnits } from '../units/api';
import { useClassifications, useCurrentModel } from './api';
import { ProfileBadges } from './ProfileBadges';
import { VersionStatusBadge } from './StatusBadges';
import { TableScroll } from '../assets/TableScroll';

const PAGE_SIZE = 50;

/** The classification work list: what waits for my decision first, then all versions by status. */
export function ClassificationListPage() {
  const { t } = useTranslation(['classification', 'common', 'assets']);
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const access = useAccess();
  const [params, setParams] = useSearchParams();
  const status = classificationStatuses.find((s) => s === params.get('status'));
  const assetKind = assetKinds.find((k) => k === params.get('assetKind'));
  const unitId = params.get('unitId') ?? undefined;
  const q = params.get('q') ?? '';
  const cursor = params.get('cursor') ?? undefined;
  // Lists for the coordinator: open versions that cannot be decided (no named owner), and level-4
  // versions decided before level 4 was reserved for säkerhetsskydd.
  const ownerMissing = params.get('ownerMissing') === 'true';
  const levelReview = params.get('levelReview') === 'true';
  // Decided classifications whose facts changed afterwards, or that got a new integration (issue 9, item 5).
  const reviewReasons = params.get('reviewReasons') === 'true';
  const isApprover = access.can('classification.approve');
  const query: ClassificationListQuery = {
    status,
    assetKind,
    unitId,
    q: q || undefined,
    ...(ownerMissing ? { ownerMissing: 'true' as const } : {}),
    ...(levelReview ? { levelReview: 'true' as const } : {}),
    ...(reviewReasons ? { reviewReasons: 'true' as const } : {}),
    ...(cursor ? { cursor } : {}),
    pageSize: PAGE_SIZE,
  };
  const list = useClassifications(query);
  const totalLabel = useListTotal(list.data ?? { total: 0, totalCapped: false });
  const mine = useClassifications({ awaitingMyDecision: 'true', pageSize: 100 }, isApprover);
  const units = useUnits(false);
  const model = useCurrentModel();
  const [search, setSearch] = useState(q);

  const update = useCallback(
    (changes: Record<string, string | null>, resetPage = true) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          if (resetPage) next.delete('cursor');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const commitSearch = useDebouncedCallback((text: string) => update({ q: text.trim() || null }), 300);
  const definition = model.data?.definition;

  return (
    <>
      <PageHeader title={t('classification:list.title')} description={t('classification:list.intro')} />
      <Stack gap="lg">
        {isApprover && (
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="awaiting-heading" data-testid="awaiting-my-decision">
            <Title order={2} size="h3" id="awaiting-heading" mb="sm">
              {t('classification:list.awaitingTitle')}
            </Title>
            {mine.isPending ? (
              <LoadingState />
            ) : mine.error ? (
              <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
            ) : mine.data.items.length === 0 ? (
              <Text>{t('classification:list.awaitingEmpty')}</Text>
            ) : (
              <VersionsTable
                items={mine.data.items}
                caption={t('classification:list.awaitingCaption', { count: mine.data.total })}
                model={definition}
                testId="awaiting-table"
              />
            )}
          </Paper>
        )}

        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="all-versions-heading">
          <Title order={2} size="h3" id="all-versions-heading" mb="sm">
            {t('classification:list.allTitle')}
          </Title>
          <Stack gap="sm" mb="md">
            <div role="group" aria-labelledby="status-filter-label">
              <Text id="status-filter-label" size="sm" fw={500} mb={4}>
                {t('classification:fields.status')}
              </Text>
              <SegmentedControl
                data={[
                  { value: '', label: t('classification:list.allStatuses') },
                  ...classificationStatuses.map((s) => ({ value: s, label: t(`classification:statuses.${s}`) })),
                ]}
                value={status ?? ''}
                onChange={(v) => update({ status: v || null })}
                // Six choices do not fit side by side on a phone (WCAG 1.4.10).
                orientation={narrow ? 'vertical' : 'horizontal'}
                fullWidth={narrow}
                data-testid="status-filter"
              />
            </div>
            <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('classification:list.filters')}>
              <TextInput
                label={t('classification:list.search')}
                leftSection={<IconSearch size={16} aria-hidden />}
                type="search"
                value={search}
                onChange={(e) => {
                  setSearch(e.currentTarget.value);
                  commitSearch(e.currentTarget.value);
                }}
                w={{ base: '100%', sm: 260 }}
                data-testid="classifications-search"
              />
              <Select
                label={t('assets:fields.kind')}
                data={[
                  { value: '', label: t('common:select.all') },
                  ...assetKinds.map((k) => ({ value: k, label: t(`assets:kinds.${k}`) })),
                ]}
                value={assetKind ?? ''}
                onChange={(v) => update({ assetKind: (v as AssetKind) || null })}
                allowDeselect={false}
                w={{ base: '100%', sm: 200 }}
              />
              <UnitSelect
                label={t('assets:filters.unit')}
                units={units.data ?? []}
                value={unitId ?? null}
                onChange={(v) => update({ unitId: v })}
                clearable
                clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assets:filters.unit') }) }}
                w={{ base: '100%', sm: 280 }}
              />
              <Checkbox
                label={t('classification:list.ownerMissing')}
                checked={ownerMissing}
                onChange={(e) => update({ ownerMissing: e.currentTarget.checked ? 'true' : null })}
                data-testid="filter-owner-missing"
              />
              <Checkbox
                label={t('classification:list.levelReview')}
                checked={levelReview}
                onChange={(e) => update({ levelReview: e.currentTarget.checked ? 'true' : null })}
                data-testid="filter-level-review"
              />
              <Checkbox
                label={t('classification:list.reviewReasons')}
                checked={reviewReasons}
                onChange={(e) => update({ reviewReasons: e.currentTarget.checked ? 'true' : null })}
                data-testid="filter-review-reasons"
              />
              {(status || assetKind || unitId || q || ownerMissing || levelReview || reviewReasons) && (
                <Button
                  variant="subtle"
                  onClick={() => {
                    setSearch('');
                    update({
                      status: null,
                      assetKind: null,
                      unitId: null,
                      q: null,
                      ownerMissing: null,
                      levelReview: null,
                      reviewReasons: null,
                    });
                  }}
                >
                  {t('common:actions.clearFilters')}
                </Button>
              )}
            </Group>
          </Stack>
          {list.isPending ? (
            <LoadingState />
          ) : list.error ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : list.data.items.length === 0 ? (
            <EmptyState title={t('classification:list.emptyTitle')}>
              {status || assetKind || unitId || q ? t('classification:list.emptyFiltered') : t('classification:list.emptyText')}
            </EmptyState>
          ) : (
            <>
              <VersionsTable
                items={list.data.items}
                caption={t('classification:list.caption', { count: list.data.total, formatted: totalLabel })}
                model={definition}
                testId="classifications-table"
              />
              <ListPager page={list.data} onNavigate={(c) => update({ cursor: c }, false)} />
            </>
          )}
        </Paper>
      </Stack>
    </>
  );
}

function VersionsTable({
  items,
  caption,
  model,
  testId,
}: {
  items: ClassificationListItem[];
  caption: string;
  model: Parameters<typeof ProfileBadges>[0]['model'];
  testId: string;
}) {
  const { t } = useTranslation(['classification', 'assets']);
  return (
    <TableScroll minWidth={900}>
      <Table data-testid={testId}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('classification:fields.asset')}</Table.Th>
            <Table.Th scope="col">{t('assets:fields.unit')}</Table.Th>
            <Table.Th scope="col">{t('classification:fields.status')}</Table.Th>
            <Table.Th scope="col">{t('classification:fields.profile')}</Table.Th>
            <Table.Th scope="col">{t('classification:fields.author')}</Table.Th>
            <Table.Th scope="col">{t('classification:fields.updatedAt')}</Table.Th>
            <Table.Th scope="col">{t('classification:fields.reviewDueAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.id} data-testid="classification-row" data-status={v.status}>
              <Table.Td>
                <Anchor component={Link} to={`/classifications/${v.id}`} fw={600}>
                  {v.assetName}
                  <VisuallyHidden>{`, ${t('classification:history.versionLink', { version: v.versionNo })}`}</VisuallyHidden>
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('classification:list.kindAndVersion', { kind: t(`assets:kinds.${v.assetKind}`), version: v.versionNo })}
                </Text>
              </Table.Td>
              <Table.Td>{v.unitName}</Table.Td>
              <Table.Td>
                <VersionStatusBadge status={v.status as ClassificationStatus} superseded={v.superseded} />
              </Table.Td>
              <Table.Td>
                <ProfileBadges profile={v.profile} model={model} size="sm" />
              </Table.Td>
              <Table.Td>{v.author?.name ?? ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.updatedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(v.reviewDueAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
