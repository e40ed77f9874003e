import { useMemo, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '@tillit/core';
import { useUser, useUsers } from '../features/users/api';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** The person already chosen, when known, so the field shows the name without another request. */
  known?: PersonRef | null;
  /** Offer only active users (forms); filters of history (the audit log) need disabled ones too. */
  activeOnly?: boolean;
};

/** Picks one person of the organisation by searching the server (works with thousands of users). */
export function PersonSelect({ label, value, onChange, known, activeOnly = true, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useUsers({
    q: debounced.trim() || undefined,
    pageSize: 20,
    sort: 'name',
    ...(activeOnly ? { status: 'active' as const } : {}),
  });
  const needLookup = Boolean(value) && known?.id !== value;
  const selected = useUser(needLookup ? (value ?? '') : '');

  const data = useMemo(() => {
    const options = (results.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
    // The chosen person stays an option even when the latest search does not include them.
    const chosen =
      known && known.id === value
        ? { value: known.id, label: known.name }
        : selected.data
          ? { value: selected.data.id, label: `${selected.data.name} (${selected.data.email})` }
          : null;
    if (value && chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
    return options;
  }, [results.data, selected.data, known, value]);

  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched name and e-mail; filtering again here would hide e-mail matches.
      filter={({ options }) => options}
      clearable
      clearButtonProps={{ 'aria-label': t('actions.clearField', { label }) }}
      nothingFoundMessage={results.isFetching ? t('state.loading') : t('select.noResults')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
