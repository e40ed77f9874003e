import { useCallback, useMemo, type FormEvent } from 'react';
import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { TableScroll } from '../assets/TableScroll';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Role, RoleAssignmentView } from '@tillit/core';
import { roles } from '@tillit/core/permissions';
import type { UnitView, UserView } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { useAccess } from '../../app/session';
import { parentLookup } from '../../lib/unitTree';
import { useDialog } from '../../lib/useDialog';
import { useFormState } from '../../lib/useFormState';
import { collectErrors, selectionError } from '../../lib/validation';
import { useUnits } from '../units/api';
import { useGrantRole, useRevokeRole } from './api';

/** The roles a person holds, each on a unit; granting and revoking needs role.manage on that unit. */
export function UserRoles({ user }: { user: UserView }) {
  const { t } = useTranslation(['users', 'common']);
  const access = useAccess();
  const mayManageRoles = access.can('role.manage');
  const units = useUnits(false, mayManageRoles);
  const unitList = useMemo(() => units.data ?? [], [units.data]);
  const parentOf = useMemo(() => parentLookup(unitList), [unitList]);
  const canGrantOnId = useCallback((unitId: string) => access.canOnUnit('role.manage', unitId, parentOf), [access, parentOf]);
  const canGrantOn = useCallback((u: UnitView) => canGrantOnId(u.id), [canGrantOnId]);
  const revoke = useRevokeRole();
  const confirm = useDialog<RoleAssignmentView>('roles-heading');
  const pending = confirm.value;

  function doRevoke() {
    if (!pending) return;
    revoke.mutate(
      { id: user.id, assignmentId: pending.id },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('users:roles.revoked', { role: t(`common:roles.${pending.role}`), unit: pending.unitName }),
          });
          confirm.close();
        },
      },
    );
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="roles-heading">
      <Title order={2} size="h3" id="roles-heading" mb="xs" tabIndex={-1}>
        {t('users:roles.title')}
      </Title>
      <Text c="dimmed" mb="md">
        {t('users:roles.intro')}
      </Text>
      {user.roles.length === 0 ? (
        <Text mb="md" data-testid="user-no-roles">
          {t('users:roles.none')}
        </Text>
      ) : (
        <TableScroll minWidth={480}>
          <Table data-testid="user-roles-table">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('users:roles.caption', { name: user.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users:fields.role')}</Table.Th>
                <Table.Th scope="col">{t('users:fields.unit')}</Table.Th>
                {mayManageRoles && <Table.Th scope="col">{t('users:roles.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.roles.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{t(`common:roles.${r.role}`)}</Table.Td>
                  <Table.Td>{r.unitName}</Table.Td>
                  {mayManageRoles && (
                    <Table.Td>
                      {units.data && canGrantOnId(r.unitId) && (
                        <Button
                          variant="subtle"
                          color="red"
                          size="xs"
                          onClick={(e) => {
                            revoke.reset();
                            confirm.open(r, e.currentTarget);
                          }}
                          aria-label={t('users:roles.revokeLabel', { role: t(`common:roles.${r.role}`), unit: r.unitName })}
                          data-testid="revoke-role"
                        >
                          {t('users:roles.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {mayManageRoles && user.status !== 'disabled' && <GrantRoleForm user={user} units={unitList} canGrantOn={canGrantOn} />}
      <ConfirmDialog
        opened={confirm.opened}
        onClose={confirm.close}
        title={t('users:roles.revokeTitle')}
        message={
          pending ? t('users:roles.revokeText', { name: user.name, role: t(`common:roles.${pending.role}`), unit: pending.unitName }) : ''
        }
        confirmLabel={t('users:roles.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error?.message}
        onConfirm={doRevoke}
      />
    </Paper>
  );
}

function GrantRoleForm({ user, units, canGrantOn }: { user: UserView; units: UnitView[]; canGrantOn: (u: UnitView) => boolean }) {
  const { t } = useTranslation(['users', 'common']);
  const grant = useGrantRole();
  const form = useFormState({ role: null as Role | null, unitId: null as string | null });
  const openUnits = useMemo(() => units.filter((u) => !u.closedAt), [units]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = collectErrors({ role: selectionError(form.values.role), unitId: selectionError(form.values.unitId) });
    form.setErrors(errors);
    form.setFormError(null);
    if (Object.keys(errors).length) return;
    const role = form.values.role!;
    grant.mutate(
      { id: user.id, body: { role, unitId: form.values.unitId! } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('users:roles.granted', { role: t(`common:roles.${role}`) }) });
          form.reset();
        },
        onError: (e) => form.showError(e),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="grant-heading" data-testid="grant-role-form">
      <Title order={3} size="h5" id="grant-heading" mb="xs">
        {t('users:roles.grantTitle')}
      </Title>
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('users:fields.role')}
            data={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            value={form.values.role}
            onChange={(v) => form.setValue('role', v as Role | null)}
            error={form.errors.role}
            required
            w={{ base: '100%', sm: 300 }}
            data-testid="grant-role"
          />
          <UnitSelect
            label={t('users:fields.unit')}
            units={openUnits}
            allow={canGrantOn}
            value={form.values.unitId}
            onChange={(v) => form.setValue('unitId', v)}
            error={form.errors.unitId}
            required
            w={{ base: '100%', sm: 300 }}
            data-testid="grant-unit"
          />
          <Button
            type="submit"
            mt={{ base: 0, sm: 25 }}
            leftSection={<IconPlus size={16} aria-hidden />}
            loading={grant.isPending}
            data-testid="grant-submit"
          >
            {t('users:roles.grant')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
