import { useState, type FormEvent } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AspectKey, Profile } from '@tillit/core';
import {
  isApiError,
  personalDataKinds,
  type ClassificationModelDefinition,
  type InformationTypeView,
  type PersonalDataKind,
} from '../../api';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { optionalTextError, requiredText } from '../../lib/validation';
import { useModelTexts } from '../classification/model';
import { useCreateInformationType, useUpdateInformationType } from './api';

interface Props {
  opened: boolean;
  formKey: number;
  type: InformationTypeView | null;
  model: ClassificationModelDefinition | undefined;
  onClose: () => void;
}

export function InformationTypeFormModal({ opened, formKey, type, model, onClose }: Props) {
  const { t } = useTranslation('informationTypes');
  return (
    <AppModal opened={opened} onClose={onClose} title={type ? t('form.editTitle', { name: type.name }) : t('form.createTitle')} size="lg">
      <TypeForm key={formKey} type={type} model={model} onClose={onClose} />
    </AppModal>
  );
}

const KEY = /^[a-z0-9][a-z0-9_-]{0,59}$/;

function TypeForm({ type, model, onClose }: Omit<Props, 'opened' | 'formKey'>) {
  const { t } = useTranslation(['informationTypes', 'common', 'assets']);
  const texts = useModelTexts(model);
  const create = useCreateInformationType();
  const update = useUpdateInformationType();
  const [key, setKey] = useState(type?.key ?? '');
  const [name, setName] = useState(type?.name ?? '');
  const [description, setDescription] = useState(type?.description ?? '');
  const [personalData, setPersonalData] = useState<PersonalDataKind>(type?.personalData ?? 'none');
  const [recommended, setRecommended] = useState<Profile>(type?.recommended ?? { C: null, I: null, A: null, T: null });
  const [justification, setJustification] = useState(type?.justification ?? '');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      name: requiredText(name, 200),
      key: !type && key.trim() && !KEY.test(key.trim()) ? t('informationTypes:form.keyInvalid') : undefined,
      description: optionalTextError(description, 4000),
      justification: optionalTextError(justification, 4000),
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    const body = {
      name: name.trim(),
      description: description.trim() || null,
      personalData,
      recommended,
      justification: justification.trim() || null,
    };
    const onError = (e: unknown) => {
      if (isApiError(e)) {
        setErrors(e.fieldErrors);
        setFormError(e.message);
      } else setFormError(e instanceof Error ? e.message : String(e));
    };
    if (type) update.mutate({ id: type.id, body, version: type.rowVersion }, { onSuccess: onClose, onError });
    else create.mutate({ ...body, key: key.trim() || undefined }, { onSuccess: onClose, onError });
  }

  const levelOptions = [
    { value: '', label: t('informationTypes:form.noRecommendation') },
    ...Array.from({ length: texts.levelCount }, (_, l) => ({ value: String(l), label: texts.levelLabel(l) })),
  ];
  return (
    <form onSubmit={submit} noValidate data-testid="information-type-form">
      <Stack gap="md">
        <FormAlert message={formError} />
        <TextInput
          label={t('informationTypes:fields.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          data-autofocus
          data-testid="type-name"
        />
        {!type && (
          <TextInput
            label={t('informationTypes:fields.key')}
            description={t('informationTypes:form.keyHint')}
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={errors.key}
            data-testid="type-key"
          />
        )}
        <Textarea
          label={t('informationTypes:fields.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
          data-testid="type-description"
        />
        <Select
          label={t('informationTypes:fields.personalData')}
          description={t('informationTypes:form.personalDataHint')}
          data={personalDataKinds.map((p) => ({ value: p, label: t(`assets:personalData.${p}`) }))}
          value={personalData}
          onChange={(v) => setPersonalData((v as PersonalDataKind) ?? 'none')}
          allowDeselect={false}
          data-testid="type-personal-data"
        />
        <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Text component="legend" fw={650} mb={4}>
            {t('informationTypes:fields.recommended')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('informationTypes:form.recommendedHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {texts.enabledAspects.map((a: AspectKey) => (
              <Select
                key={a}
                label={`${texts.code(a)} – ${texts.aspectName(a)}`}
                data={levelOptions}
                value={recommended[a] === null ? '' : String(recommended[a])}
                onChange={(v) => setRecommended((r) => ({ ...r, [a]: v ? Number(v) : null }))}
                error={errors[`recommended.${a}`]}
                allowDeselect={false}
                data-testid={`type-recommended-${a}`}
              />
            ))}
          </SimpleGrid>
        </Stack>
        <Textarea
          label={t('informationTypes:fields.justification')}
          description={t('informationTypes:form.justificationHint')}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          error={errors.justification}
          autosize
          minRows={2}
          data-testid="type-justification"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="type-submit">
            {type ? t('common:actions.saveChanges') : t('informationTypes:form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
