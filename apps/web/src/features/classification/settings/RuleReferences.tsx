import { ActionIcon, Button, Group, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatReference } from '@tillit/core';
import type { ClassificationModelDefinition } from '../../../api';
import { addReference, REFERENCE_FIELDS, removeReference, setReference } from './modelEdit';

type Def = ClassificationModelDefinition;
const MAX_LENGTH = { law: 200, number: 40, chapter: 10, section: 20, article: 20 } as const;

/** The paragraphs a floor rests on (law, SFS number, chapter, paragraph, article), editable one by one. */
export function RuleReferences({ def, rule, onChange }: { def: Def; rule: number; onChange: (def: Def) => void }) {
  const { t } = useTranslation('classification');
  const r = def.minimumRules[rule]!;
  return (
    <Stack gap="xs" data-testid={`rule-references-edit-${r.id}`}>
      <Text size="sm" fw={600}>
        {t('model.references.title')}
      </Text>
      {r.references.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('model.references.none')}
        </Text>
      )}
      {r.references.map((ref, k) => (
        <Stack key={k} gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Text component="legend" size="sm" px={0}>
            {ref.law.trim() ? formatReference(ref) : t('model.references.legend', { n: k + 1 })}
          </Text>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="xs" style={{ flex: 1 }}>
              {REFERENCE_FIELDS.map((field) => (
                <TextInput
                  key={field}
                  label={t(`model.references.${field}`)}
                  required={field === 'law'}
                  value={ref[field] ?? ''}
                  maxLength={MAX_LENGTH[field]}
                  onChange={(e) => onChange(setReference(def, rule, k, field, e.currentTarget.value))}
                  data-testid={`reference-${r.id}-${k}-${field}`}
                />
              ))}
            </SimpleGrid>
            <Tooltip label={t('model.references.remove')}>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('model.references.removeNamed', { name: ref.law.trim() ? formatReference(ref) : k + 1 })}
                onClick={() => onChange(removeReference(def, rule, k))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Stack>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange(addReference(def, rule))}
          disabled={r.references.length >= 10}
          data-testid={`add-reference-${r.id}`}
        >
          {t('model.references.add')}
        </Button>
      </Group>
    </Stack>
  );
}
