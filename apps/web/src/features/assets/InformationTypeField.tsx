import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InformationTypeView } from '../../api';
import { useAccess } from '../../app/session';
import { useCurrentModel } from '../classification/api';
import { ProfileBadges } from '../classification/ProfileBadges';
import { useInformationTypes } from '../information-types/api';

interface Props {
  value: string | null;
  error?: string;
  onChange: (id: string | null, type: InformationTypeView | null) => void;
}

/** "Starta från typ": an information set may start from a type in the organisation's library. */
export function InformationTypeField({ value, error, onChange }: Props) {
  const { t } = useTranslation(['assets', 'common']);
  const access = useAccess();
  const canRead = access.can('classification.read');
  const types = useInformationTypes(canRead);
  const model = useCurrentModel(canRead);
  const chosen = types.data?.find((it) => it.id === value) ?? null;
  if (!canRead) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="asset-form-type">
      <Title order={3} size="h5" id="asset-form-type">
        {t('assets:form.type')}
      </Title>
      <Select
        label={t('assets:fields.informationType')}
        description={t('assets:help.informationType')}
        data={(types.data ?? []).map((it) => ({ value: it.id, label: it.name }))}
        value={value}
        onChange={(id) => onChange(id, types.data?.find((it) => it.id === id) ?? null)}
        error={error}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assets:fields.informationType') }) }}
        nothingFoundMessage={types.isPending ? t('common:state.loading') : t('assets:form.noTypes')}
        comboboxProps={{ withinPortal: true }}
        data-testid="asset-information-type"
      />
      {chosen && (
        <Paper withBorder p="sm" radius="sm" bg="gray.0" data-testid="asset-type-summary">
          <Group gap="sm" wrap="wrap">
            <Text size="sm" fw={600}>
              {t('assets:form.typeRecommended')}
            </Text>
            <ProfileBadges profile={chosen.recommended} model={model.data?.definition} size="sm" testId="type-recommended-profile" />
          </Group>
          {chosen.description && (
            <Text size="sm" mt={4}>
              {chosen.description}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
