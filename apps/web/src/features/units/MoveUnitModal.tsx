import { useMemo, type FormEvent } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../../api';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { buildTree, findNode, subtreeIds } from '../../lib/unitTree';
import { useFormState } from '../../lib/useFormState';
import { selectionError } from '../../lib/validation';
import { useMoveUnit } from './api';

interface FormProps {
  unit: UnitView;
  units: UnitView[];
  canManage: (unit: UnitView) => boolean;
  onClose: () => void;
}

export function MoveUnitModal({
  opened,
  formKey,
  unit,
  ...props
}: Omit<FormProps, 'unit'> & { opened: boolean; formKey: number; unit: UnitView | null }) {
  const { t } = useTranslation('units');
  return (
    <AppModal opened={opened} onClose={props.onClose} title={t('move.title', { name: unit?.name ?? '' })}>
      {unit && <MoveUnitForm key={formKey} unit={unit} {...props} />}
    </AppModal>
  );
}

function MoveUnitForm({ unit, units, canManage, onClose }: FormProps) {
  const { t } = useTranslation(['units', 'common']);
  const move = useMoveUnit();
  const form = useFormState({ parentId: null as string | null });
  const openUnits = useMemo(() => units.filter((u) => !u.closedAt), [units]);

  // A unit cannot go under itself or its own sub-units (the server refuses it too), and moving it
  // to where it already is would change nothing.
  const excluded = useMemo(() => {
    const node = findNode(buildTree(units), unit.id);
    const ids = node ? subtreeIds(node) : new Set([unit.id]);
    if (unit.parentId) ids.add(unit.parentId);
    return ids;
  }, [unit, units]);
  const currentParent = unit.parentId ? units.find((u) => u.id === unit.parentId) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const error = selectionError(form.values.parentId);
    form.setErrors(error ? { parentId: error } : {});
    if (error) return;
    move.mutate(
      { id: unit.id, body: { parentId: form.values.parentId! } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('units:move.done', { name: unit.name }) });
          onClose();
        },
        onError: (e) => form.showError(e),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="move-unit-form">
      <Stack gap="md">
        {currentParent && <Text>{t('units:move.intro', { parent: currentParent.name })}</Text>}
        <FormAlert message={form.formError} />
        <UnitSelect
          label={t('units:move.newParent')}
          description={t('units:move.newParentHint')}
          units={openUnits}
          exclude={excluded}
          allow={canManage}
          value={form.values.parentId}
          onChange={(v) => form.setValue('parentId', v)}
          error={form.errors.parentId}
          required
          data-autofocus
          data-testid="move-unit-parent"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending} data-testid="move-unit-submit">
            {t('units:move.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
