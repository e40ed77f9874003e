import { useCallback } from 'react';
import { Anchor, Button, Chip, Group, Paper, Select, Stack } from '@mantine/core';
import { IconLayoutKanban, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ListPager, useListTotal } from '../../components/Pager';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { useDialog } from '../../lib/useDialog';
import { useUnits } from '../units/api';
import { useMeasures } from './api';
import { MeasureFilters, type FilterChanges } from './MeasureFilters';
import { MeasureFormModal } from './MeasureForm';
import { MeasuresTable } from './MeasuresTable';

const VIEWS = ['open', 'overdue', 'unverified', 'all'] as const;
const SORTS = ['dueDate', '-dueDate', 'title', '-updatedAt'] as const;
const FILTER_KEYS = ['q', 'unitId', 'ownerId', 'status', 'priority', 'linkType', 'dueFrom', 'dueTo'];

/** The organisation's measures (`/measures`) or the reader's own (`/measures/mine`, Mina åtgärder). */
export function MeasuresPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation('measures');
  const access = useAccess();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? params.get('view')! : 'open';
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? params.get('sort')! : 'dueDate';
  const query: Record<string, string | number | undefined> = {
    view,
    sort,
    pageSize: 50,
    cursor: params.get('cursor') ?? undefined,
    mine: mine ? 'true' : undefined,
  };
  for (const k of FILTER_KEYS) if (params.get(k) && !(mine && k === 'ownerId')) query[k] = params.get(k)!;
  const measures = useMeasures(query);
  const total = useListTotal(measures.data ?? { total: 0, totalCapped: false });
  const units = useUnits(false);
  const create = useDialog<true>();
  const canCreate = access.can('measure.write');

  const update = useCallback(
    (changes: FilterChanges, resetPage = true) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          if (resetPage) next.delete('cursor');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const filtered = FILTER_KEYS.some((k) => params.get(k));

  return (
    <>
      <PageHeader
        title={mine ? t('mineTitle') : t('title')}
        description={mine ? t('mineIntro') : t('intro')}
        actions={
          canCreate && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={(e) => create.open(true, e.currentTarget)}
              disabled={!units.data?.length}
              data-testid="create-measure"
            >
              {t('create')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Anchor component={Link} to="/measures/board" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <IconLayoutKanban size={16} aria-hidden />
          {t('links.board')}
        </Anchor>
        <Chip.Group multiple={false} value={view} onChange={(v) => update({ view: v === 'open' ? null : v })}>
          <Group gap="xs" role="radiogroup" aria-label={t('views.label')} data-testid="measure-views">
            {VIEWS.map((v) => (
              <Chip
                key={v}
                value={v}
                type="radio"
                styles={{ label: { whiteSpace: 'normal', height: 'auto', minHeight: 'var(--chip-size)' } }}
              >
                {t(`views.${v}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <MeasureFilters params={params} onChange={update} units={units.data ?? []} mine={mine} />
        <Paper withBorder p="md" radius="md">
          <Group justify="flex-end" mb="xs">
            <Select
              label={t('filters.sort')}
              data={SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
              value={sort}
              onChange={(v) => update({ sort: v && v !== 'dueDate' ? v : null })}
              allowDeselect={false}
              w={{ base: '100%', sm: 280 }}
            />
          </Group>
          {measures.isPending ? (
            <LoadingState />
          ) : measures.error ? (
            <ErrorState error={measures.error} onRetry={() => void measures.refetch()} />
          ) : measures.data.items.length === 0 ? (
            <EmptyState title={t('empty.title')}>{filtered ? t('empty.filtered') : t('empty.none')}</EmptyState>
          ) : (
            <>
              <MeasuresTable items={measures.data.items} caption={t('table.caption', { count: measures.data.total, formatted: total })} />
              <ListPager page={measures.data} onNavigate={(c) => update({ cursor: c }, false)} />
            </>
          )}
        </Paper>
      </Stack>
      {canCreate && (
        <MeasureFormModal
          opened={create.opened}
          formKey={create.key}
          onClose={create.close}
          onSaved={(m) => {
            create.close();
            navigate(`/measures/${m.id}`);
          }}
        />
      )}
    </>
  );
}

export function MyMeasuresPage() {
  return <MeasuresPage mine />;
}
