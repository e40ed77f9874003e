import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useUser, useUsers } from '../users/api';

interface Props {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}

/** Picks one person by searching the server, so it works with thousands of users. */
export function UserPicker({ label, value, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useUsers({ q: debounced.trim() || undefined, pageSize: 20, sort: 'name' });
  const selected = useUser(value ?? '');
  const selectedUser = value ? selected.data : undefined;

  const data = useMemo(() => {
    const options = (results.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
    // The chosen person stays an option even when the latest search does not include them.
    if (selectedUser && !options.some((o) => o.value === selectedUser.id)) options.unshift({ value: selectedUser.id, label: `${selectedUser.name} (${selectedUser.email})` });
    return options;
  }, [results.data, selectedUser]);

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
      w={{ base: '100%', sm: 240 }}
      data-testid="audit-user-filter"
    />
  );
}
