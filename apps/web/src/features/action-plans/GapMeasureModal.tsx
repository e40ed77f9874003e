import { useState } from 'react';
import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanRequirementView } from '@tillit/core/modules/action-plans/schemas';
import { AppModal } from '../../components/AppModal';
import { DateField } from '../../components/DateField';
import { FormAlert } from '../../components/FormAlert';
import { PersonSelect } from '../../components/PersonSelect';
import { isApiError } from '../../api/client';
import { useCreateMeasure } from './api';

const priorities = ['low', 'medium', 'high', 'critical'] as const;

/** A measure for a gap, with owner, due date and priority; created through the one measures table. */
export function GapMeasureModal({ requirement, onClose }: { requirement: PlanRequirementView; onClose: () => void }) {
  const { t } = useTranslation(['actionPlans', 'common']);
  const create = useCreateMeasure();
  const [title, setTitle] = useState(requirement.title);
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [startDate, setStartDate] = useState<string | null>(null);
  const [priority, setPriority] = useState<(typeof priorities)[number]>('medium');
  const errors = isApiError(create.error) ? create.error.fieldErrors : {};

  function submit() {
    if (!ownerId || !dueDate) return;
    create.mutate(
      {
        requirementId: requirement.id,
        body: { title, description: description || null, ownerId, dueDate, ...(startDate ? { startDate } : {}), priority },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <AppModal opened onClose={onClose} title={t('measure.title')}>
      <Stack>
        <TextInput
          label={t('measure.name')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          error={errors.title}
          data-testid="gap-measure-title"
        />
        <Textarea
          label={t('measure.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <PersonSelect
          label={t('measure.owner')}
          value={ownerId}
          onChange={setOwnerId}
          required
          error={errors.ownerId}
          data-testid="gap-measure-owner"
        />
        <DateField label={t('measure.start')} value={startDate} onChange={setStartDate} />
        <DateField label={t('measure.due')} value={dueDate} onChange={setDueDate} testId="gap-measure-due" />
        <Select
          label={t('measure.priority')}
          value={priority}
          onChange={(v) => v && setPriority(v as typeof priority)}
          data={priorities.map((p) => ({ value: p, label: t(`measure.priorities.${p}`) }))}
          allowDeselect={false}
        />
        <FormAlert message={create.error && !Object.keys(errors).length ? create.error.message : (errors.dueDate ?? null)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            onClick={submit}
            disabled={!ownerId || !dueDate || !title.trim()}
            loading={create.isPending}
            data-testid="gap-measure-create"
          >
            {t('measure.create')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
