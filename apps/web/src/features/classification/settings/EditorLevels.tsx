import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMinus, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClassificationModelDefinition } from '../../../api';
import { LocalizedInput } from './LocalizedInput';
import { addLevel, MAX_LEVELS, MIN_LEVELS, removeTopLevel } from './modelEdit';

type Def = ClassificationModelDefinition;

/** Levels 0…n-1 (2–7): names and descriptions; levels are added or removed at the top. */
export function EditorLevels({ def, onChange }: { def: Def; onChange: (def: Def) => void }) {
  const { t } = useTranslation('classification');
  const setLevel = (i: number, change: Partial<Def['levels'][number]>) =>
    onChange({ ...def, levels: def.levels.map((l, j) => (j === i ? { ...l, ...change } : l)) });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="editor-levels-heading" data-testid="editor-levels">
      <Title order={2} size="h3" id="editor-levels-heading" mb="xs">
        {t('model.levelsTitle', { count: def.levels.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('model.editor.levelsIntro', { min: MIN_LEVELS, max: MAX_LEVELS })}
      </Text>
      <Stack gap="md">
        {def.levels.map((l, i) => (
          <Stack
            key={l.value}
            gap="xs"
            component="fieldset"
            style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: 12, margin: 0, minWidth: 0 }}
          >
            <Text component="legend" fw={650} px={4}>
              {t('model.editor.levelLegend', { level: l.value })}
            </Text>
            <LocalizedInput
              label={t('model.fields.levelName')}
              value={l.name}
              onChange={(name) => setLevel(i, { name })}
              required
              testId={`level-${l.value}-name`}
            />
            <LocalizedInput
              label={t('model.fields.description')}
              value={l.description}
              multiline
              onChange={(description) => setLevel(i, { description: description.sv.trim() || description.en ? description : undefined })}
            />
          </Stack>
        ))}
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={def.levels.length >= MAX_LEVELS}
            onClick={() => onChange(addLevel(def, t('model.editor.newLevel', { level: def.levels.length })))}
            data-testid="add-level"
          >
            {t('model.editor.addLevel')}
          </Button>
          <Button
            variant="default"
            color="red"
            leftSection={<IconMinus size={16} aria-hidden />}
            disabled={def.levels.length <= MIN_LEVELS}
            onClick={() => onChange(removeTopLevel(def))}
            data-testid="remove-level"
          >
            {t('model.editor.removeLevel', { level: def.levels.length - 1 })}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('model.editor.removeLevelHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
