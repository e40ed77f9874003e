import { useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@tillit/core';
import { roles } from '@tillit/core/permissions';
import type { UserStatus } from '../../api';

export interface UserFilterValues {
  q: string;
  status: UserStatus | null;
  role: Role | null;
}

const statuses: UserStatus[] = ['invited', 'active', 'disabled'];

export function UserFilters({ value, onChange }: { value: UserFilterValues; onChange: (next: Partial<UserFilterValues>) => void }) {
  const { t } = useTranslation(['users', 'common']);
  const [search, setSearch] = useState(value.q);
  // Typing searches after a short pause, without a search button and without a request per key.
  const commitSearch = useDebouncedCallback((text: string) => {
    if (text.trim() !== value.q) onChange({ q: text.trim() });
  }, 300);

  const hasFilters = Boolean(value.q || value.status || value.role);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('users:filters.label')}>
      <TextInput
        label={t('users:filters.search')}
        description={t('users:filters.searchHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          commitSearch(e.currentTarget.value);
        }}
        type="search"
        w={{ base: '100%', sm: 280 }}
        data-testid="users-search"
      />
      <Select
        label={t('users:fields.status')}
        data={[{ value: '', label: t('common:select.all') }, ...statuses.map((s) => ({ value: s, label: t(`common:userStatus.${s}`) }))]}
        value={value.status ?? ''}
        onChange={(v) => onChange({ status: (v || null) as UserStatus | null })}
        allowDeselect={false}
        w={{ base: '100%', sm: 180 }}
        data-testid="users-status-filter"
      />
      <Select
        label={t('users:fields.role')}
        data={[{ value: '', label: t('common:select.all') }, ...roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))]}
        value={value.role ?? ''}
        onChange={(v) => onChange({ role: (v || null) as Role | null })}
        allowDeselect={false}
        w={{ base: '100%', sm: 280 }}
        data-testid="users-role-filter"
      />
      {hasFilters && (
        <Button
          variant="subtle"
          onClick={() => {
            setSearch('');
            onChange({ q: '', status: null, role: null });
          }}
        >
          {t('common:actions.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
