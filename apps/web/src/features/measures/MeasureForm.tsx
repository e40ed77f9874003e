import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { measurePriorities, type MeasurePriority } from '@tillit/core/modules/measures/rules';
import type { MeasureDetailView } from '@tillit/core/modules/measures/schemas';
import type { UnitView } from '../../api';
import { AppModal } from '../../components/AppModal';
import { DateField } from '../../components/DateField';
import { FormAlert } from '../../components/FormAlert';
import { PersonSelect } from '../../components/PersonSelect';
import { UnitSelect } from '../../components/UnitSelect';
import { useAccess } from '../../app/session';
import { useFormState } from '../../lib/useFormState';
import { parentLookup } from '../../lib/unitTree';
import { collectErrors, optionalTextError, requiredText, selectionError } from '../../lib/validation';
import { useUnits } from '../units/api';
import { useCreateMeasure } from './api';
import { useMeasureLabels } from './labels';

type Values = {
  title: string;
  description: string;
  unitId: string | null;
  ownerId: string | null;
  startDate: string | null;
  dueDate: string | null;
  priority: MeasurePriority;
  estimatedCost: number | string;
  estimatedHours: number | string;
};
const initial: Values = {
  title: '',
  description: '',
  unitId: null,
  ownerId: null,
  startDate: null,
  dueDate: null,
  priority: 'medium',
  estimatedCost: '',
  estimatedHours: '',
};
const num = (v: number | string) => (v === '' ? null : Number(v));

interface Props {
  opened: boolean;
  formKey: number;
  onClose: () => void;
  onSaved: (m: MeasureDetailView) => void;
}

export function MeasureFormModal({ opened, formKey, onClose, onSaved }: Props) {
  const { t } = useTranslation('measures');
  return (
    <AppModal opened={opened} onClose={onClose} title={t('form.createTitle')} size="xl">
      <MeasureForm key={formKey} onCancel={onClose} onSaved={onSaved} />
    </AppModal>
  );
}

function MeasureForm({ onCancel, onSaved }: { onCancel: () => void; onSaved: (m: MeasureDetailView) => void }) {
  const { t } = useTranslation(['measures', 'common']);
  const access = useAccess();
  const labels = useMeasureLabels();
  const units = useUnits(false);
  const create = useCreateMeasure();
  const form = useFormState<Values>(initial);
  const v = form.values;
  const unitList = useMemo(() => units.data ?? [], [units.data]);
  const parentOf = useMemo(() => parentLookup(unitList), [unitList]);
  const mayWriteOn = useMemo(() => (u: UnitView) => access.canOnUnit('measure.write', u.id, parentOf), [access, parentOf]);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = collectErrors({
      title: requiredText(v.title, 300),
      description: optionalTextError(v.description, 4000),
      unitId: selectionError(v.unitId),
      dueDate:
        selectionError(v.dueDate) ?? (v.startDate && v.dueDate && v.dueDate < v.startDate ? t('measures:form.dueBeforeStart') : undefined),
    });
    form.setErrors(errors);
    if (Object.keys(errors).length) return setFocusRequest((n) => n + 1);
    create.mutate(
      {
        title: v.title.trim(),
        description: v.description.trim() || null,
        unitId: v.unitId!,
        ownerId: v.ownerId,
        startDate: v.startDate,
        dueDate: v.dueDate!,
        priority: v.priority,
        estimatedCost: num(v.estimatedCost),
        estimatedHours: num(v.estimatedHours),
      },
      {
        onSuccess: onSaved,
        onError: (e) => {
          form.showError(e);
          setFocusRequest((n) => n + 1);
        },
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="measure-form">
      <Stack gap="sm">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('measures:fields.title')}
          value={v.title}
          onChange={(e) => form.setValue('title', e.currentTarget.value)}
          error={form.errors.title}
          required
          data-testid="measure-title"
        />
        <Textarea
          label={t('measures:fields.description')}
          value={v.description}
          onChange={(e) => form.setValue('description', e.currentTarget.value)}
          error={form.errors.description}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <UnitSelect
            label={t('measures:fields.unit')}
            units={unitList}
            allow={mayWriteOn}
            value={v.unitId}
            onChange={(u) => form.setValue('unitId', u)}
            error={form.errors.unitId}
            required
            data-testid="measure-unit"
          />
          <PersonSelect
            label={t('measures:fields.owner')}
            value={v.ownerId}
            onChange={(p) => form.setValue('ownerId', p)}
            error={form.errors.ownerId}
            clearable
            data-testid="measure-owner"
          />
          <DateField
            label={t('measures:fields.startDate')}
            value={v.startDate}
            onChange={(d) => form.setValue('startDate', d)}
            error={form.errors.startDate}
            testId="measure-start"
          />
          <DateField
            label={t('measures:fields.dueDate')}
            value={v.dueDate}
            onChange={(d) => form.setValue('dueDate', d)}
            error={form.errors.dueDate}
            required
            testId="measure-due"
          />
          <Select
            label={t('measures:fields.priority')}
            data={measurePriorities.map((p) => ({ value: p, label: labels.priority(p) }))}
            value={v.priority}
            onChange={(p) => p && form.setValue('priority', p as MeasurePriority)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label={t('measures:fields.estimatedHours')}
            value={v.estimatedHours}
            onChange={(n) => form.setValue('estimatedHours', n)}
            min={0}
            allowDecimal={false}
            error={form.errors.estimatedHours}
          />
          <NumberInput
            label={t('measures:fields.estimatedCost')}
            value={v.estimatedCost}
            onChange={(n) => form.setValue('estimatedCost', n)}
            min={0}
            allowDecimal={false}
            thousandSeparator=" "
            error={form.errors.estimatedCost}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('measures:form.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="measure-save">
            {t('measures:form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
