import { Button, Group, Pagination, Text } from '@mantine/core';
import { LIST_COUNT_CAP } from '@tillit/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** The server stops counting at this number and reports one more ("10 000+"). */
  countCap?: number;
}

/** Numbered pages of a list held in the browser (e.g. an import's problems). Server lists use ListPager. */
export function Pager({ page, pageSize, total, onChange, countCap }: Props) {
  const { t } = useTranslation();
  const capped = countCap !== undefined && total > countCap;
  const shownTotal = capped ? countCap : total;
  const pages = Math.max(1, Math.ceil((capped ? total : shownTotal) / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  const summaryValues = { from: formatNumber(from), to: formatNumber(to), total: formatNumber(shownTotal) };
  return (
    <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {capped ? t('pagination.summaryCapped', summaryValues) : t('pagination.summary', summaryValues)}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('pagination.label')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            siblings={1}
            withEdges
            getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
            getControlProps={(control) => ({
              'aria-label': {
                first: t('pagination.first'),
                previous: t('pagination.previous'),
                next: t('pagination.next'),
                last: t('pagination.last'),
              }[control],
            })}
          />
        </nav>
      )}
    </Group>
  );
}

/** What a server list answers besides its items (core's `pageOf`). */
export interface ListPageInfo {
  items: readonly unknown[];
  total: number;
  totalCapped: boolean;
  pageSize: number;
  offset: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
}

/**
 * A list's total as people read it, under the one rule of every list: exact, or "fler än 10 000" when the
 * count stopped at its cap, or "minst N" when a search counted only part of the list.
 */
export function useListTotal(page: Pick<ListPageInfo, 'total' | 'totalCapped'>): string {
  const { t } = useTranslation();
  if (!page.totalCapped) return formatNumber(page.total);
  if (page.total > LIST_COUNT_CAP) return t('pagination.moreThan', { total: formatNumber(LIST_COUNT_CAP) });
  return t('pagination.atLeast', { total: formatNumber(page.total) });
}

/**
 * Paging of a server list by cursor: the first, previous, next and last page cost the same however deep
 * (keyset), so there are no page numbers to jump to. `onNavigate(null)` is the first page.
 */
export function ListPager({ page, onNavigate }: { page: ListPageInfo; onNavigate: (cursor: string | null) => void }) {
  const { t } = useTranslation();
  const total = useListTotal(page);
  const n = page.items.length;
  const summary =
    page.offset === null
      ? t('pagination.summaryEnd', { count: n, formatted: formatNumber(n), total })
      : t('pagination.summaryOf', { from: formatNumber(n ? page.offset + 1 : 0), to: formatNumber(page.offset + n), total });
  const atStart = page.prevCursor === null;
  const atEnd = page.nextCursor === null;
  return (
    <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {summary}
      </Text>
      {!(atStart && atEnd) && (
        <nav aria-label={t('pagination.label')}>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={atStart} onClick={() => onNavigate(null)}>
              {t('pagination.first')}
            </Button>
            <Button variant="default" size="xs" disabled={atStart} onClick={() => onNavigate(page.prevCursor)}>
              {t('pagination.previous')}
            </Button>
            <Button variant="default" size="xs" disabled={atEnd} onClick={() => onNavigate(page.nextCursor)}>
              {t('pagination.next')}
            </Button>
            <Button variant="default" size="xs" disabled={atEnd} onClick={() => onNavigate('last')}>
              {t('pagination.last')}
            </Button>
          </Group>
        </nav>
      )}
    </Group>
  );
}
