import { ActionIcon, Group, Paper, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AspectKey } from '@tillit/core';
import type { ClassificationModelDefinition } from '../../../api';
import { useModelTexts } from '../model';
import { useRuleCondition } from './ruleCondition';
import { LocalizedInput } from './LocalizedInput';
import { NewRule } from './NewRule';
import { RuleReferences } from './RuleReferences';

type Def = ClassificationModelDefinition;
type Rule = Def['minimumRules'][number];

/** Legal and policy minimums: when an asset's facts match, an aspect is at least a level, with the reason shown to users. */
export function EditorMinimums({ def, onChange }: { def: Def; onChange: (def: Def) => void }) {
  const { t } = useTranslation(['classification', 'assets', 'common']);
  const texts = useModelTexts(def);
  const levelOptions = def.levels.map((l) => ({ value: String(l.value), label: texts.levelLabel(l.value) }));
  const aspectOptions = def.aspects.map((a) => ({ value: a.key, label: `${texts.code(a.key)} – ${texts.aspectName(a.key)}` }));
  const setRule = (i: number, change: Partial<Rule>) =>
    onChange({ ...def, minimumRules: def.minimumRules.map((r, j) => (j === i ? { ...r, ...change } : r)) });
  const condition = useRuleCondition();

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="editor-minimums-heading" data-testid="editor-minimums">
      <Title order={2} size="h3" id="editor-minimums-heading" mb="xs">
        {t('classification:model.minimumsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('classification:model.minimumsIntro')}
      </Text>
      <Stack gap="md">
        {def.minimumRules.map((r, i) => (
          <Stack
            key={r.id}
            gap="xs"
            component="fieldset"
            style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: 12, margin: 0, minWidth: 0 }}
          >
            <Text component="legend" fw={650} px={4}>
              {condition(r) || r.id}
            </Text>
            <Group align="flex-end" gap="sm">
              <Select
                label={t('classification:model.fields.aspect')}
                data={aspectOptions}
                value={r.aspect}
                onChange={(v) => v && setRule(i, { aspect: v as AspectKey })}
                allowDeselect={false}
                w={240}
              />
              <Select
                label={t('classification:model.fields.minimum')}
                data={levelOptions}
                value={String(r.level)}
                onChange={(v) => v !== null && setRule(i, { level: Number(v) })}
                allowDeselect={false}
                w={260}
              />
              <Tooltip label={t('classification:model.editor.removeRule')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('classification:model.editor.removeRuleNamed', { name: condition(r) || r.id })}
                  onClick={() => onChange({ ...def, minimumRules: def.minimumRules.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
            <LocalizedInput
              label={t('classification:model.fields.reason')}
              value={r.reason}
              multiline
              required
              onChange={(reason) => setRule(i, { reason })}
            />
            <RuleReferences def={def} rule={i} onChange={onChange} />
          </Stack>
        ))}
        <NewRule
          def={def}
          onAdd={(rule) => onChange({ ...def, minimumRules: [...def.minimumRules, rule] })}
          aspectOptions={aspectOptions}
          levelOptions={levelOptions}
        />
      </Stack>
    </Paper>
  );
}
