import { useState, type FormEvent } from 'react';
import { Accordion, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClassificationModelDefinition } from '../../../api';
import { useModelTexts } from '../model';
import { LocalizedInput } from './LocalizedInput';
import { addCategory, removeCategory, setExample, updateQuestion } from './modelEdit';

type Def = ClassificationModelDefinition;

/** Consequence categories, and for each the question per aspect with an example per level. */
export function EditorCategories({ def, onChange }: { def: Def; onChange: (def: Def) => void }) {
  const { t } = useTranslation('classification');
  const texts = useModelTexts(def);
  const [newName, setNewName] = useState('');
  const [opened, setOpened] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    if (!newName.trim()) return;
    const next = addCategory(def, newName.trim());
    onChange(next);
    setOpened(next.categories[next.categories.length - 1]!.key);
    setNewName('');
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="editor-categories-heading" data-testid="editor-categories">
      <Title order={2} size="h3" id="editor-categories-heading" mb="xs">
        {t('model.categoriesTitle', { count: def.categories.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('model.editor.categoriesIntro')}
      </Text>
      <Accordion variant="separated" order={3} value={opened} onChange={setOpened}>
        {def.categories.map((c, ci) => (
          <Accordion.Item key={c.key} value={c.key}>
            <Accordion.Control>{texts.text(c.name) || t('model.editor.unnamed')}</Accordion.Control>
            <Accordion.Panel>
              {opened === c.key && (
                <Stack gap="md">
                  <LocalizedInput
                    label={t('model.fields.category')}
                    value={c.name}
                    onChange={(name) => onChange({ ...def, categories: def.categories.map((x, j) => (j === ci ? { ...x, name } : x)) })}
                    required
                  />
                  <LocalizedInput
                    label={t('model.fields.description')}
                    value={c.description}
                    multiline
                    onChange={(description) =>
                      onChange({
                        ...def,
                        categories: def.categories.map((x, j) =>
                          j === ci ? { ...x, description: description.sv.trim() || description.en ? description : undefined } : x,
                        ),
                      })
                    }
                  />
                  {def.aspects
                    .filter((a) => a.enabled)
                    .map((a) => {
                      const q = def.questions.find((x) => x.aspect === a.key && x.category === c.key);
                      return (
                        <Stack
                          key={a.key}
                          gap="xs"
                          component="fieldset"
                          style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: 12, margin: 0, minWidth: 0 }}
                        >
                          <Text component="legend" fw={650} px={4}>
                            {t('model.editor.questionLegend', { aspect: texts.aspectName(a.key), category: texts.text(c.name) })}
                          </Text>
                          <LocalizedInput
                            label={t('model.fields.question')}
                            value={q?.text}
                            multiline
                            required
                            onChange={(text) => onChange(updateQuestion(def, a.key, c.key, (x) => ({ ...x, text })))}
                          />
                          {def.levels.map((l) => (
                            <LocalizedInput
                              key={l.value}
                              label={t('model.editor.exampleFor', { level: texts.levelLabel(l.value) })}
                              value={q?.examples.find((e) => e.level === l.value)?.text}
                              multiline
                              onChange={(text) =>
                                onChange(
                                  updateQuestion(def, a.key, c.key, (x) => {
                                    const withSv = setExample(x, l.value, 'sv', text.sv);
                                    return setExample(withSv, l.value, 'en', text.en ?? '');
                                  }),
                                )
                              }
                            />
                          ))}
                        </Stack>
                      );
                    })}
                  <Group>
                    <Button
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={16} aria-hidden />}
                      disabled={def.categories.length <= 1}
                      onClick={() => onChange(removeCategory(def, c.key))}
                    >
                      {t('model.editor.removeCategory', { name: texts.text(c.name) })}
                    </Button>
                  </Group>
                </Stack>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <form onSubmit={add} noValidate>
        <Group align="flex-end" gap="sm" mt="md">
          <TextInput
            label={t('model.editor.newCategory')}
            value={newName}
            onChange={(e) => setNewName(e.currentTarget.value)}
            maxLength={200}
            w={{ base: '100%', sm: 320 }}
            data-testid="new-category-name"
          />
          <Button
            type="submit"
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={!newName.trim() || def.categories.length >= 20}
            data-testid="add-category"
          >
            {t('model.editor.addCategory')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
