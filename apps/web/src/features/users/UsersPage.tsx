import { useCallback, useMemo } from 'react';
import { Button, Paper, Stack } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '@tillit/core';
import { roles } from '@tillit/core/permissions';
import type { UnitView, UserStatus } from '../../api';
import { ListPager, useListTotal } from '../../components/Pager';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { parentLookup } from '../../lib/unitTree';
import { useDialog } from '../../lib/useDialog';
import { useUnits } from '../units/api';
import { useUsers } from './api';
import { InviteUserModal } from './InviteUserModal';
import { UserFilters, type UserFilterValues } from './UserFilters';
import { UsersTable } from './UsersTable';

const PAGE_SIZE = 50;
const statuses: UserStatus[] = ['invited', 'active', 'disabled'];

export function UsersPage() {
  const { t } = useTranslation(['users', 'common']);
  const access = useAccess();
  // Filters live in the address, so a filtered list can be bookmarked and Back works.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = statuses.find((s) => s === params.get('status')) ?? null;
  const role = roles.find((r) => r === params.get('role')) ?? null;
  const sort = params.get('sort') ?? 'name';
  const cursor = params.get('cursor') ?? undefined;

  const users = useUsers({
    q: q || undefined,
    status: status ?? undefined,
    role: role ?? undefined,
    sort,
    ...(cursor ? { cursor } : {}),
    pageSize: PAGE_SIZE,
  });
  const totalLabel = useListTotal(users.data ?? { total: 0, totalCapped: false });
  const canInvite = access.can('user.manage') && access.can('role.manage');
  const units = useUnits(false, canInvite);
  const unitList = useMemo(() => units.data ?? [], [units.data]);
  const parentOf = useMemo(() => parentLookup(unitList), [unitList]);
  const canGrantOn = useCallback((u: UnitView) => access.canOnUnit('role.manage', u.id, parentOf), [access, parentOf]);
  const invite = useDialog<true>();

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

  const filters: UserFilterValues = { q, status, role: role as Role | null };
  const filtered = Boolean(q || status || role);

  return (
    <>
      <PageHeader
        title={t('users:title')}
        description={t('users:intro')}
        actions={
          canInvite && (
            <Button
              leftSection={<IconUserPlus size={18} aria-hidden />}
              onClick={(e) => invite.open(true, e.currentTarget)}
              disabled={!unitList.length}
              data-testid="invite-user"
            >
              {t('users:invite.open')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <UserFilters value={filters} onChange={(changes) => update(changes as Record<string, string | null>)} />
        <Paper withBorder p="md" radius="md">
          {users.isPending ? (
            <LoadingState />
          ) : users.error ? (
            <ErrorState error={users.error} onRetry={() => void users.refetch()} />
          ) : users.data.items.length === 0 ? (
            <EmptyState title={filtered ? t('users:empty.filteredTitle') : t('users:empty.title')}>
              {filtered ? t('users:empty.filteredText') : canInvite ? t('users:empty.manage') : t('users:empty.read')}
            </EmptyState>
          ) : (
            <>
              <UsersTable
                users={users.data.items}
                sort={sort}
                onSort={(s) => update({ sort: s === 'name' ? null : s })}
                caption={t('users:caption', { count: users.data.total, formatted: totalLabel })}
              />
              <ListPager page={users.data} onNavigate={(c) => update({ cursor: c }, false)} />
            </>
          )}
        </Paper>
      </Stack>
      {canInvite && (
        <InviteUserModal opened={invite.opened} formKey={invite.key} units={unitList} canGrantOn={canGrantOn} onClose={invite.close} />
      )}
    </>
  );
}
