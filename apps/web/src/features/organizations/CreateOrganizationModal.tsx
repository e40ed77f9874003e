import { useState, type FormEvent } from 'react';
import { Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CreatedOrganization, OrgKind } from '../../api';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { useFormState } from '../../lib/useFormState';
import { collectErrors, emailError, orgNumberError, requiredText } from '../../lib/validation';
import { LinkResult } from '../../components/LinkResult';
import { useCreateOrganization } from './api';

const kinds: OrgKind[] = ['region', 'municipality', 'other'];

export function CreateOrganizationModal({ opened, formKey, onClose }: { opened: boolean; formKey: number; onClose: () => void }) {
  const { t } = useTranslation('organizations');
  return (
    <AppModal opened={opened} onClose={onClose} title={t('create.title')}>
      <CreateOrganizationForm key={formKey} onClose={onClose} />
    </AppModal>
  );
}

function CreateOrganizationForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['organizations', 'common']);
  const create = useCreateOrganization();
  const [created, setCreated] = useState<{ result: CreatedOrganization; email: string } | null>(null);
  const form = useFormState({ name: '', orgNumber: '', kind: 'region' as OrgKind, adminEmail: '', adminName: '' });

  function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const errors = collectErrors({
      name: requiredText(v.name),
      orgNumber: orgNumberError(v.orgNumber),
      adminEmail: emailError(v.adminEmail),
      adminName: requiredText(v.adminName),
    });
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    const email = v.adminEmail.trim();
    create.mutate(
      { name: v.name.trim(), orgNumber: v.orgNumber.trim(), kind: v.kind, admin: { email, name: v.adminName.trim() } },
      // The server reports the admin's fields as admin.email / admin.name.
      {
        onSuccess: (result) => setCreated({ result, email }),
        onError: (e) => form.showError(e, { 'admin.email': 'adminEmail', 'admin.name': 'adminName' }),
      },
    );
  }

  if (created) {
    return (
      <Stack gap="md">
        <LinkResult
          link={created.result.adminLink}
          mailed={created.result.mailed ?? false}
          email={created.email}
          lead={t('organizations:create.created', { name: created.result.organization.name })}
        />
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="organization-done">
            {t('common:actions.done')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="organization-form">
      <Stack gap="md">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('organizations:fields.name')}
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={form.errors.name}
          required
          data-autofocus
          data-testid="organization-name-input"
        />
        <TextInput
          label={t('organizations:fields.orgNumber')}
          description={t('organizations:create.orgNumberHint')}
          value={form.values.orgNumber}
          onChange={(e) => form.setValue('orgNumber', e.currentTarget.value)}
          error={form.errors.orgNumber}
          required
          inputMode="numeric"
          data-testid="organization-number-input"
        />
        <Select
          label={t('organizations:fields.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`common:orgKinds.${k}`) }))}
          value={form.values.kind}
          onChange={(v) => v && form.setValue('kind', v as OrgKind)}
          allowDeselect={false}
          required
        />
        <Title order={3} size="h5" mt="xs">
          {t('organizations:create.adminTitle')}
        </Title>
        <TextInput
          label={t('organizations:fields.adminName')}
          value={form.values.adminName}
          onChange={(e) => form.setValue('adminName', e.currentTarget.value)}
          error={form.errors.adminName}
          required
          data-testid="organization-admin-name"
        />
        <TextInput
          label={t('organizations:fields.adminEmail')}
          description={t('organizations:create.adminHint')}
          type="email"
          value={form.values.adminEmail}
          onChange={(e) => form.setValue('adminEmail', e.currentTarget.value)}
          error={form.errors.adminEmail}
          required
          data-testid="organization-admin-email"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="organization-submit">
            {t('organizations:create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
