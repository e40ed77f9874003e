import { useMemo, type FormEvent } from 'react';
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '@tillit/core';
import type { UnitView } from '../../api';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { suggestedChildKind } from '../../lib/unitTree';
import { useFormState } from '../../lib/useFormState';
import { collectErrors, optionalTextError, requiredText, selectionError } from '../../lib/validation';
import { useCreateUnit, useUpdateUnit } from './api';

type ChildKind = Exclude<UnitKind, 'organization'>;
const childKinds: ChildKind[] = ['administration', 'operation', 'unit'];

export type UnitFormMode = { type: 'create'; parentId: string | null } | { type: 'edit'; unit: UnitView };

interface FormProps {
  mode: UnitFormMode;
  units: UnitView[];
  canManage: (unit: UnitView) => boolean;
  onClose: () => void;
  onCreated: (unit: UnitView) => void;
}

export function UnitFormModal({
  opened,
  formKey,
  mode,
  ...props
}: Omit<FormProps, 'mode'> & { opened: boolean; formKey: number; mode: UnitFormMode | null }) {
  const { t } = useTranslation('units');
  return (
    <AppModal opened={opened} onClose={props.onClose} title={mode?.type === 'edit' ? t('form.editTitle') : t('form.createTitle')}>
      {mode && <UnitForm key={formKey} mode={mode} {...props} />}
    </AppModal>
  );
}

function initialValues(mode: UnitFormMode, byId: Map<string, UnitView>) {
  if (mode.type === 'edit') {
    const { unit } = mode;
    return {
      parentId: unit.parentId,
      name: unit.name,
      kind: (unit.kind === 'organization' ? 'administration' : unit.kind) as ChildKind,
      description: unit.description ?? '',
    };
  }
  return {
    parentId: mode.parentId,
    name: '',
    kind: suggestedChildKind(mode.parentId ? byId.get(mode.parentId) : undefined) as ChildKind,
    description: '',
  };
}

function UnitForm({ mode, units, canManage, onClose, onCreated }: FormProps) {
  const { t } = useTranslation(['units', 'common']);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const form = useFormState(initialValues(mode, byId));
  const parentChoices = useMemo(() => units.filter((u) => !u.closedAt), [units]);
  const isCreate = mode.type === 'create';

  function submit(event: FormEvent) {
    event.preventDefault();
    const { parentId, name, kind, description } = form.values;
    const errors = collectErrors({
      parentId: isCreate ? selectionError(parentId) : undefined,
      name: requiredText(name),
      description: optionalTextError(description),
    });
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    const body = { name: name.trim(), kind, description: description.trim() || null };
    if (mode.type === 'create') {
      create.mutate(
        { ...body, parentId: parentId! },
        {
          onSuccess: (unit) => {
            notifications.show({ color: 'green', message: t('units:form.created', { name: unit.name }) });
            onCreated(unit);
            onClose();
          },
          onError: (e) => form.showError(e),
        },
      );
    } else {
      update.mutate(
        { id: mode.unit.id, body, version: mode.unit.rowVersion },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('common:state.saved') });
            onClose();
          },
          onError: (e) => form.showError(e),
        },
      );
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="unit-form">
      <Stack gap="md">
        <FormAlert message={form.formError} />
        {isCreate && (
          <UnitSelect
            label={t('units:form.parent')}
            description={t('units:form.parentHint')}
            units={parentChoices}
            allow={canManage}
            value={form.values.parentId}
            onChange={(v) => {
              form.setValue('parentId', v);
              form.setValue('kind', suggestedChildKind(v ? byId.get(v) : undefined));
            }}
            error={form.errors.parentId}
            required
            data-testid="unit-parent"
          />
        )}
        <TextInput
          label={t('units:form.name')}
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={form.errors.name}
          required
          maxLength={200}
          data-autofocus
          data-testid="unit-name"
        />
        <Select
          label={t('units:form.kind')}
          description={t('units:form.kindHint')}
          data={childKinds.map((k) => ({ value: k, label: t(`common:unitKinds.${k}`) }))}
          value={form.values.kind}
          onChange={(v) => v && form.setValue('kind', v as ChildKind)}
          error={form.errors.kind}
          allowDeselect={false}
          required
          data-testid="unit-kind"
        />
        <Textarea
          label={t('units:form.description')}
          description={t('units:form.descriptionHint')}
          value={form.values.description}
          onChange={(e) => form.setValue('description', e.currentTarget.value)}
          error={form.errors.description}
          autosize
          minRows={2}
          maxRows={6}
          data-testid="unit-description"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="unit-submit">
            {isCreate ? t('units:form.create') : t('common:actions.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
