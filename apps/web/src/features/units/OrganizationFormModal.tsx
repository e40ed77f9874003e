import type { FormEvent } from 'react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { OrganizationView, OrgKind } from '../../api';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { useFormState } from '../../lib/useFormState';
import { collectErrors, orgNumberError, requiredText } from '../../lib/validation';
import { useUpdateOrganization } from './api';

const kinds: OrgKind[] = ['region', 'municipality', 'other'];

interface Props {
  opened: boolean;
  formKey: number;
  organization: OrganizationView;
  onClose: () => void;
}

export function OrganizationFormModal({ opened, formKey, organization, onClose }: Props) {
  const { t } = useTranslation('units');
  return (
    <AppModal opened={opened} onClose={onClose} title={t('organization.editTitle')}>
      <OrganizationForm key={formKey} organization={organization} onClose={onClose} />
    </AppModal>
  );
}

function OrganizationForm({ organization, onClose }: { organization: OrganizationView; onClose: () => void }) {
  const { t } = useTranslation(['units', 'common']);
  const update = useUpdateOrganization();
  const form = useFormState({ name: organization.name, orgNumber: organization.orgNumber, kind: organization.kind as OrgKind });

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = collectErrors({ name: requiredText(form.values.name), orgNumber: orgNumberError(form.values.orgNumber) });
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    update.mutate(
      {
        body: { name: form.values.name.trim(), orgNumber: form.values.orgNumber.trim(), kind: form.values.kind },
        version: organization.rowVersion,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('common:state.saved') });
          onClose();
        },
        onError: (e) => form.showError(e),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('units:organization.name')}
          description={t('units:organization.nameHint')}
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={form.errors.name}
          required
          data-autofocus
        />
        <TextInput
          label={t('units:organization.orgNumber')}
          description={t('units:organization.orgNumberHint')}
          value={form.values.orgNumber}
          onChange={(e) => form.setValue('orgNumber', e.currentTarget.value)}
          error={form.errors.orgNumber}
          required
          inputMode="numeric"
        />
        <Select
          label={t('units:organization.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`common:orgKinds.${k}`) }))}
          value={form.values.kind}
          onChange={(v) => v && form.setValue('kind', v as OrgKind)}
          allowDeselect={false}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common:actions.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
