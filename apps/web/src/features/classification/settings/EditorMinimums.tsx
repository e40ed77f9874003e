import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatReference, type AspectKey } from '@tillit/core';
import { personalDataKinds, thirdCountryTransfers, type ClassificationModelDefinition, type PersonalDataKind, type ThirdCountryTransfer } from '../../../api';
import { useModelTexts } from '../model';
import { useRuleCondition } from './ruleCondition';
import { LocalizedInput } from './LocalizedInput';

type Def = ClassificationModelDefinition;
type Rule = Def['minimumRules'][number];

/** Legal and policy minimums: when an asset's facts match, an aspect is at least a level, with the reason shown to users. */
export function EditorMinimums({ def, onChange }: { def: Def; onChange: (def: Def) => void }) {
  const { t } = useTranslation(['classification', 'assets', 'common']);
  const texts = useModelTexts(def);
  const levelOptions = def.levels.map((l) => ({ value: String(l.value), label: texts.levelLabel(l.value) }));
  const aspectOptions = def.aspects.map((a) => ({ value: a.key, label: `${texts.code(a.key)} – ${texts.aspectName(a.key)}` }));
  const setRule = (i: number, change: Partial<Rule>) => onChange({ ...def, minimumRules: def.minimumRules.map((r, j) => (j === i ? { ...r, ...change } : r)) });
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
          <Stack key={r.id} gap="xs" component="fieldset" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: 12, margin: 0, minWidth: 0 }}>
            <Text component="legend" fw={650} px={4}>
              {condition(r) || r.id}
            </Text>
            <Group align="flex-end" gap="sm">
              <Select label={t('classification:model.fields.aspect')} data={aspectOptions} value={r.aspect} onChange={(v) => v && setRule(i, { aspect: v as AspectKey })} allowDeselect={false} w={240} />
              <Select label={t('classification:model.fields.minimum')} data={levelOptions} value={String(r.level)} onChange={(v) => v !== null && setRule(i, { level: Number(v) })} allowDeselect={false} w={260} />
              <Tooltip label={t('classification:model.editor.removeRule')}>
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('classification:model.editor.removeRuleNamed', { name: condition(r) || r.id })} onClick={() => onChange({ ...def, minimumRules: def.minimumRules.filter((_, j) => j !== i) })}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
            <LocalizedInput label={t('classification:model.fields.reason')} value={r.reason} multiline required onChange={(reason) => setRule(i, { reason })} />
            {r.references.length > 0 && (
              <Text size="sm" data-testid={`rule-references-${r.id}`}>
                {t('classification:explain.references', { refs: r.references.map(formatReference).join('; ') })}
              </Text>
            )}
          </Stack>
        ))}
        <NewRule def={def} onAdd={(rule) => onChange({ ...def, minimumRules: [...def.minimumRules, rule] })} aspectOptions={aspectOptions} levelOptions={levelOptions} />
      </Stack>
    </Paper>
  );
}

function NewRule({ def, onAdd, aspectOptions, levelOptions }: { def: Def; onAdd: (rule: Rule) => void; aspectOptions: { value: string; label: string }[]; levelOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation(['classification', 'assets']);
  const [personalData, setPersonalData] = useState<string[]>([]);
  const [third, setThird] = useState<string[]>([]);
  const [aspect, setAspect] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const ready = (personalData.length > 0 || third.length > 0) && aspect && level !== null && reason.trim();

  function add(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const ids = new Set(def.minimumRules.map((r) => r.id));
    let n = def.minimumRules.length + 1;
    while (ids.has(`rule_${n}`)) n++;
    onAdd({
      id: `rule_${n}`,
      when: { ...(personalData.length ? { personalData: personalData as PersonalDataKind[] } : {}), ...(third.length ? { thirdCountryTransfer: third as ThirdCountryTransfer[] } : {}) },
      aspect: aspect as AspectKey,
      level: Number(level),
      reason: { sv: reason.trim() },
      references: [],
    });
    setPersonalData([]);
    setThird([]);
    setAspect(null);
    setLevel(null);
    setReason('');
  }

  return (
    <form onSubmit={add} noValidate>
      <Stack gap="xs" component="fieldset" style={{ border: '1px dashed var(--mantine-color-gray-5)', borderRadius: 8, padding: 12, margin: 0, minWidth: 0 }}>
        <Text component="legend" fw={650} px={4}>
          {t('classification:model.editor.newRule')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect label={t('assets:fields.personalData')} data={personalDataKinds.map((p) => ({ value: p, label: t(`assets:personalData.${p}`) }))} value={personalData} onChange={setPersonalData} comboboxProps={{ withinPortal: true }} />
          <MultiSelect label={t('assets:fields.thirdCountryTransfer')} data={thirdCountryTransfers.map((v) => ({ value: v, label: t(`assets:thirdCountry.${v}`) }))} value={third} onChange={setThird} comboboxProps={{ withinPortal: true }} />
          <Select label={t('classification:model.fields.aspect')} data={aspectOptions} value={aspect} onChange={setAspect} />
          <Select label={t('classification:model.fields.minimum')} data={levelOptions} value={level} onChange={setLevel} />
        </SimpleGrid>
        <TextInput label={t('classification:model.fields.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={4000} />
        <Group>
          <Button type="submit" variant="default" leftSection={<IconPlus size={16} aria-hidden />} disabled={!ready}>
            {t('classification:model.editor.addRule')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
