import { Anchor, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { TableScroll } from '../assets/TableScroll';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api';
import { formatDateTime } from '../../lib/format';
import { StatusBadges } from './StatusBadges';

export type SortKey = 'name' | 'email' | 'lastLoginAt';

interface Props {
  users: UserView[];
  sort: string;
  onSort: (sort: string) => void;
  caption: string;
}

export function UsersTable({ users, sort, onSort, caption }: Props) {
  const { t } = useTranslation(['users', 'common']);
  return (
    <TableScroll minWidth={760}>
      <Table data-testid="users-table">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortableHeader column="name" sort={sort} onSort={onSort} label={t('users:fields.name')} />
            <SortableHeader column="email" sort={sort} onSort={onSort} label={t('users:fields.email')} />
            <Table.Th scope="col">{t('users:fields.roles')}</Table.Th>
            <Table.Th scope="col">{t('users:fields.status')}</Table.Th>
            <SortableHeader column="lastLoginAt" sort={sort} onSort={onSort} label={t('users:fields.lastLogin')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row">
              <Table.Td>
                <Anchor component={Link} to={`/users/${user.id}`} fw={600}>
                  {user.name}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
              <Table.Td>
                {user.roles.length ? (
                  <Stack gap={2}>
                    {user.roles.map((r) => (
                      <Text key={r.id} size="sm">
                        {t('users:roleOnUnit', { role: t(`common:roles.${r.role}`), unit: r.unitName })}
                      </Text>
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('users:noRoles')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadges user={user} />
              </Table.Td>
              <Table.Td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('common:dates.never')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** A column header that sorts; aria-sort tells screen readers which column sorts and which way. */
function SortableHeader({ column, sort, onSort, label }: { column: SortKey; sort: string; onSort: (s: string) => void; label: string }) {
  const { t } = useTranslation('users');
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
        title={t('sortBy', { column: label })}
      >
        {label}
        <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}
