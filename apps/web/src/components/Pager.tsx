import { Group, Pagination, Text } from '@mantine/core';
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
