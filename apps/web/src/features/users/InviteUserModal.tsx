import { useMemo, useState, type FormEvent } from 'react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '@tillit/core';
import { roles } from '@tillit/core/permissions';
import type { LinkResponse, UnitView } from '../../api';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { useFormState } from '../../lib/useFormState';
import { collectErrors, emailError, requiredText, selectionError } from '../../lib/validation';
import { useInviteUser } from './api';
import { LinkResult } from '../../components/LinkResult';

interface Props {
  opened: boolean;
  formKey: number;
  units: UnitView[];
  canGrantOn: (unit: UnitView) => boolean;
  onClose: () => void;
}

export function InviteUserModal({ opened, formKey, onClose, ...props }: Props) {
  const { t } = useTranslation('users');
  return (
    <AppModal opened={opened} onClose={onClose} title={t('invite.title')}>
      <InviteUserForm key={formKey} onClose={onClose} {...props} />
    </AppModal>
  );
}

function InviteUserForm({ units, canGrantOn, onClose }: Omit<Props, 'opened' | 'formKey'>) {
  const { t } = useTranslation(['users', 'common']);
  const invite = useInviteUser();
  const [result, setResult] = useState<LinkResponse | null>(null);
  const form = useFormState({ email: '', name: '', role: null as Role | null, unitId: null as string | null });
  const openUnits = useMemo(() => units.filter((u) => !u.closedAt), [units]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { email, name, role, unitId } = form.values;
    const errors = collectErrors({
      email: emailError(email),
      name: requiredText(name),
      role: selectionError(role),
      unitId: selectionError(unitId),
    });
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    invite.mutate(
      { email: email.trim(), name: name.trim(), role: role!, unitId: unitId! },
      { onSuccess: setResult, onError: (e) => form.showError(e) },
    );
  }

  if (result) {
    return (
      <Stack gap="md">
        <LinkResult
          link={result.link}
          mailed={result.mailed}
          email={result.user.email}
          lead={t('users:invite.created', { name: result.user.name })}
        />
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="invite-done">
            {t('common:actions.done')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const role = form.values.role;
  return (
    <form onSubmit={submit} noValidate data-testid="invite-form">
      <Stack gap="md">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('users:fields.email')}
          type="email"
          value={form.values.email}
          onChange={(e) => form.setValue('email', e.currentTarget.value)}
          error={form.errors.email}
          required
          data-autofocus
          data-testid="invite-email"
        />
        <TextInput
          label={t('users:fields.name')}
          description={t('users:invite.nameHint')}
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={form.errors.name}
          required
          data-testid="invite-name"
        />
        <Select
          label={t('users:fields.role')}
          description={role ? t(`common:roleDescriptions.${role}`) : t('users:invite.roleHint')}
          data={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          value={role}
          onChange={(v) => form.setValue('role', v as Role | null)}
          error={form.errors.role}
          required
          data-testid="invite-role"
        />
        <UnitSelect
          label={t('users:fields.unit')}
          description={t('users:invite.unitHint')}
          units={openUnits}
          allow={canGrantOn}
          value={form.values.unitId}
          onChange={(v) => form.setValue('unitId', v)}
          error={form.errors.unitId}
          required
          data-testid="invite-unit"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending} data-testid="invite-submit">
            {t('users:invite.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
