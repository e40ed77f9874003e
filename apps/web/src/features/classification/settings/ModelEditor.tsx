import { useState } from 'react';
import { Alert, Button, Group, List, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError, type ClassificationModelDefinition, type ClassificationModelView } from '../../../api';
import { useCreateModelVersion } from '../api';
import { useModelTexts } from '../model';
import { EditorCategories } from './EditorCategories';
import { EditorLevels } from './EditorLevels';
import { EditorMinimums } from './EditorMinimums';
import { LocalizedInput } from './LocalizedInput';
import { cleanDefinition, emptyTexts } from './modelEdit';

interface Props {
  base: ClassificationModelView;
  onCancel: () => void;
  onSaved: (model: ClassificationModelView) => void;
}

interface Issue {
  path: (string | number)[];
  message: string;
}

/** Edits a copy of the current model; saving creates a new version and leaves existing classifications on theirs. */
export function ModelEditor({ base, onCancel, onSaved }: Props) {
  const { t } = useTranslation(['classification', 'common']);
  const [def, setDef] = useState<ClassificationModelDefinition>(() => structuredClone(base.definition));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const create = useCreateModelVersion();
  const texts = useModelTexts(def);
  const maxLevel = def.levels.length - 1;
  const levelOptions = def.levels.map((l) => ({ value: String(l.value), label: texts.levelLabel(l.value) }));

  /** A path such as `questions.12.text` in words: "Fråga: Spårbarhet – Miljö". */
  function describe(path: string): string {
    const [head, index, field] = path.split('.');
    const i = Number(index);
    if (head === 'aspects') {
      const a = def.aspects[i];
      const label =
        field === 'question'
          ? t('classification:model.fields.question')
          : field === 'code'
            ? t('classification:model.fields.code')
            : t('classification:model.fields.aspect');
      return `${a ? texts.aspectName(a.key) : index} – ${label}`;
    }
    if (head === 'levels')
      return `${t('classification:model.editor.levelLegend', { level: i })} – ${field === 'description' ? t('classification:model.fields.description') : t('classification:model.fields.levelName')}`;
    if (head === 'categories')
      return `${t('classification:model.fields.category')} ${i + 1} – ${field === 'description' ? t('classification:model.fields.description') : t('classification:model.fields.name')}`;
    if (head === 'questions') {
      const q = def.questions[i];
      const category = def.categories.find((c) => c.key === q?.category);
      return `${t('classification:model.fields.question')}: ${q ? texts.aspectName(q.aspect) : ''} – ${category ? texts.text(category.name) : ''}`;
    }
    if (head === 'minimumRules' && field === 'references')
      return `${t('classification:model.references.law')} (${def.minimumRules[i]?.id ?? index})`;
    if (head === 'minimumRules') return `${t('classification:model.fields.reason')} (${def.minimumRules[i]?.id ?? index})`;
    return t('classification:model.fields.name');
  }

  function save() {
    const empty = emptyTexts(def);
    if (empty.length) {
      setProblems(empty.map((p) => t('classification:model.editor.emptyText', { what: describe(p) })));
      return;
    }
    setProblems([]);
    create.mutate(
      { definition: cleanDefinition(def), note: note.trim() || null },
      {
        onSuccess: onSaved,
        onError: (e) => {
          if (isApiError(e)) {
            const issues = ((e.details as { issues?: Issue[] })?.issues ?? []).map((i) => `${i.path.slice(2).join('.')}: ${i.message}`);
            setProblems(issues.length ? issues : [e.message]);
          } else setProblems([e instanceof Error ? e.message : String(e)]);
        },
      },
    );
  }

  return (
    <Stack gap="lg" data-testid="model-editor">
      <Alert color="tillit" variant="light">
        {t('classification:model.editor.keepsVersions', { count: base.usageCount, version: base.version })}
      </Alert>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="editor-basics-heading">
        <Title order={2} size="h3" id="editor-basics-heading" mb="sm">
          {t('classification:model.editor.basics')}
        </Title>
        <Stack gap="sm">
          <LocalizedInput
            label={t('classification:model.fields.name')}
            value={def.name}
            onChange={(name) => setDef({ ...def, name })}
            required
            testId="model-name"
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput
              label={t('classification:model.fields.reviewMonths')}
              description={t('classification:model.editor.reviewMonthsHint')}
              min={1}
              max={60}
              clampBehavior="strict"
              allowDecimal={false}
              value={def.reviewMonths}
              onChange={(v) => setDef({ ...def, reviewMonths: typeof v === 'number' ? v : def.reviewMonths })}
              data-testid="model-review-months"
            />
            <Select
              label={t('classification:model.fields.justificationFromLevel')}
              description={t('classification:model.editor.justificationHint')}
              data={levelOptions}
              value={String(Math.min(def.justificationFromLevel, maxLevel))}
              onChange={(v) => v !== null && setDef({ ...def, justificationFromLevel: Number(v) })}
              allowDeselect={false}
              data-testid="model-justification-level"
            />
            <Select
              label={t('classification:model.fields.specialAnalysisFromLevel')}
              description={t('classification:model.editor.specialAnalysisHint')}
              data={[{ value: '', label: t('classification:model.never') }, ...levelOptions]}
              value={def.specialAnalysisFromLevel === null ? '' : String(def.specialAnalysisFromLevel)}
              onChange={(v) => setDef({ ...def, specialAnalysisFromLevel: v ? Number(v) : null })}
              allowDeselect={false}
              data-testid="model-special-level"
            />
          </SimpleGrid>
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="editor-aspects-heading">
        <Title order={2} size="h3" id="editor-aspects-heading" mb="xs">
          {t('classification:model.aspectsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('classification:model.editor.aspectsIntro')}
        </Text>
        <Stack gap="lg">
          {def.aspects.map((a, i) => (
            <Stack
              key={a.key}
              gap="xs"
              component="fieldset"
              style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: 12, margin: 0, minWidth: 0 }}
            >
              <Text component="legend" fw={650} px={4}>
                {texts.aspectName(a.key)}
              </Text>
              {a.key === 'T' && (
                <Switch
                  label={t('classification:model.editor.traceabilityOn')}
                  description={t('classification:model.editor.traceabilityHint')}
                  checked={a.enabled}
                  onChange={(e) =>
                    setDef({ ...def, aspects: def.aspects.map((x, j) => (j === i ? { ...x, enabled: e.currentTarget.checked } : x)) })
                  }
                  data-testid="model-traceability"
                />
              )}
              <LocalizedInput
                label={t('classification:model.fields.aspect')}
                value={a.name}
                onChange={(name) => setDef({ ...def, aspects: def.aspects.map((x, j) => (j === i ? { ...x, name } : x)) })}
                required
              />
              <LocalizedInput
                label={t('classification:model.fields.code')}
                value={{ sv: a.code.sv, ...(a.code.en ? { en: a.code.en } : {}) }}
                onChange={(code) =>
                  setDef({
                    ...def,
                    aspects: def.aspects.map((x, j) =>
                      j === i ? { ...x, code: { sv: code.sv.slice(0, 3), ...(code.en ? { en: code.en.slice(0, 3) } : {}) } } : x,
                    ),
                  })
                }
                required
              />
              <LocalizedInput
                label={t('classification:model.fields.question')}
                value={a.question}
                multiline
                onChange={(question) => setDef({ ...def, aspects: def.aspects.map((x, j) => (j === i ? { ...x, question } : x)) })}
                required
              />
            </Stack>
          ))}
        </Stack>
      </Paper>

      <EditorLevels def={def} onChange={setDef} />
      <EditorCategories def={def} onChange={setDef} />
      <EditorMinimums def={def} onChange={setDef} />

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="editor-save-heading">
        <Title order={2} size="h3" id="editor-save-heading" mb="sm">
          {t('classification:model.editor.saveTitle')}
        </Title>
        <Stack gap="sm">
          <Textarea
            label={t('classification:model.fields.note')}
            description={t('classification:model.editor.noteHint')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            data-testid="model-note"
          />
          {problems.length > 0 && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('classification:model.editor.problemsTitle')}
              role="alert"
              data-testid="model-problems"
            >
              <List size="sm" spacing={2}>
                {problems.slice(0, 30).map((p, i) => (
                  <List.Item key={i}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
            <Button onClick={save} loading={create.isPending} data-testid="model-save">
              {t('classification:model.editor.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
