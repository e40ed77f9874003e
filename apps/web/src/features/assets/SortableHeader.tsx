import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A column header that sorts; aria-sort tells screen readers which column sorts and which way. */
export function SortableHeader({
  column,
  sort,
  onSort,
  label,
}: {
  column: string;
  sort: string;
  onSort: (s: string) => void;
  label: string;
}) {
  const { t } = useTranslation('assets');
  const active = sort.replace(/^-/, '') === column;
  const descending = active && sort.startsWith('-');
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(active && !descending ? `-${column}` : column)}
        fw={700}
        fz="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        title={t('table.sortBy', { column: label })}
        data-testid={`sort-${column}`}
      >
        {label}
        <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}
