import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AspectKey } from '@tillit/core';
import { personalDataKinds, thirdCountryTransfers, type ClassificationModelDefinition } from '../../../api';
import { parseChapters, ruleWhen, type RuleForm } from './modelEdit';

type Def = ClassificationModelDefinition;
type Rule = Def['minimumRules'][number];
type Option = { value: string; label: string };

const emptyForm: RuleForm = {
  personalData: [],
  thirdCountryTransfer: [],
  secrecy: 'none',
  chapters: '',
  protectedIdentity: false,
  criminalOffenceData: false,
  securityProtection: false,
};

/** A new floor on the facts of an information set: kind of personal data, third country, secrecy (any or named OSL chapters), protected identity, art. 10, säkerhetsskydd. */
export function NewRule({
  def,
  onAdd,
  aspectOptions,
  levelOptions,
}: {
  def: Def;
  onAdd: (rule: Rule) => void;
  aspectOptions: Option[];
  levelOptions: Option[];
}) {
  const { t } = useTranslation(['classification', 'assets']);
  const [form, setForm] = useState<RuleForm>(emptyForm);
  const [aspect, setAspect] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const set = (change: Partial<RuleForm>) => setForm({ ...form, ...change });
  const when = ruleWhen(form);
  const chaptersInvalid = form.secrecy === 'chapters' && form.chapters.trim() !== '' && !parseChapters(form.chapters);
  const ready = when && aspect && level !== null && reason.trim();

  function add(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const ids = new Set(def.minimumRules.map((r) => r.id));
    let n = def.minimumRules.length + 1;
    while (ids.has(`rule_${n}`)) n++;
    onAdd({ id: `rule_${n}`, when, aspect: aspect as AspectKey, level: Number(level), reason: { sv: reason.trim() }, references: [] });
    setForm(emptyForm);
    setAspect(null);
    setLevel(null);
    setReason('');
  }

  return (
    <form onSubmit={add} noValidate data-testid="new-rule">
      <Stack
        gap="xs"
        component="fieldset"
        style={{ border: '1px dashed var(--mantine-color-gray-5)', borderRadius: 8, padding: 12, margin: 0, minWidth: 0 }}
      >
        <Text component="legend" fw={650} px={4}>
          {t('classification:model.editor.newRule')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('classification:model.editor.newRuleHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            label={t('assets:fields.personalData')}
            data={personalDataKinds.map((p) => ({ value: p, label: t(`assets:personalData.${p}`) }))}
            value={form.personalData}
            onChange={(v) => set({ personalData: v })}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('assets:fields.thirdCountryTransfer')}
            data={thirdCountryTransfers.map((v) => ({ value: v, label: t(`assets:thirdCountry.${v}`) }))}
            value={form.thirdCountryTransfer}
            onChange={(v) => set({ thirdCountryTransfer: v })}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('classification:model.editor.secrecy')}
            data={(['none', 'any', 'chapters'] as const).map((v) => ({
              value: v,
              label: t(`classification:model.editor.secrecyMode.${v}`),
            }))}
            value={form.secrecy}
            onChange={(v) => v && set({ secrecy: v as RuleForm['secrecy'] })}
            allowDeselect={false}
            data-testid="new-rule-secrecy"
          />
          {form.secrecy === 'chapters' && (
            <TextInput
              label={t('classification:model.editor.secrecyChapters')}
              description={t('classification:model.editor.secrecyChaptersHint')}
              value={form.chapters}
              onChange={(e) => set({ chapters: e.currentTarget.value })}
              error={chaptersInvalid ? t('classification:model.editor.secrecyChaptersInvalid') : undefined}
              maxLength={200}
              data-testid="new-rule-chapters"
            />
          )}
        </SimpleGrid>
        <Group gap="lg">
          <Checkbox
            label={t('classification:facts.protectedIdentity')}
            checked={form.protectedIdentity}
            onChange={(e) => set({ protectedIdentity: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('classification:facts.criminalOffenceData')}
            checked={form.criminalOffenceData}
            onChange={(e) => set({ criminalOffenceData: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('classification:facts.securityProtectionShort')}
            checked={form.securityProtection}
            onChange={(e) => set({ securityProtection: e.currentTarget.checked })}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('classification:model.fields.aspect')}
            data={aspectOptions}
            value={aspect}
            onChange={setAspect}
            data-testid="new-rule-aspect"
          />
          <Select
            label={t('classification:model.fields.minimum')}
            data={levelOptions}
            value={level}
            onChange={setLevel}
            data-testid="new-rule-level"
          />
        </SimpleGrid>
        <TextInput
          label={t('classification:model.fields.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={4000}
          data-testid="new-rule-reason"
        />
        <Group>
          <Button
            type="submit"
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={!ready}
            data-testid="new-rule-add"
          >
            {t('classification:model.editor.addRule')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
