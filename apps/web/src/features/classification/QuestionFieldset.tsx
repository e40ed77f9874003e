import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AspectKey } from '@tillit/core';
import type { ClassificationModelDefinition } from '../../api';
import type { ModelTexts } from './model';

type Question = ClassificationModelDefinition['questions'][number];
type Category = ClassificationModelDefinition['categories'][number];

interface Props {
  aspect: AspectKey;
  category: Category;
  question: Question | undefined;
  levels: ClassificationModelDefinition['levels'];
  value: number | 'not_relevant' | null | undefined;
  onChange: (level: number | 'not_relevant' | null) => void;
  texts: ModelTexts;
  /** Levels from here up are for säkerhetsskydd only; null when the information set is marked so (or the model reserves none). */
  reservedFrom: number | null;
}

/**
 * One consequence question as a fieldset: the legend is the category and the plain-language
 * question; each level is a radio with the level's name and the model's example for it.
 */
export function QuestionFieldset({ aspect, category, question, levels, value, onChange, texts, reservedFrom }: Props) {
  const { t } = useTranslation('classification');
  const name = `answer-${aspect}-${category.key}`;
  const example = (level: number) => question?.examples.find((e) => e.level === level);
  return (
    <fieldset
      id={`question-${aspect}-${category.key}`}
      className="question-fieldset"
      data-testid={`question-${aspect}-${category.key}`}
      data-answered={value ?? ''}
    >
      <legend className="question-legend">
        <Text component="span" fw={700} display="block">
          {texts.text(category.name)}
        </Text>
        <Text component="span" display="block">
          {question ? texts.text(question.text) : texts.text(category.description)}
        </Text>
      </legend>
      <Stack gap={8} mt="xs">
        {levels.map((level) => {
          const ex = example(level.value);
          const reserved = reservedFrom !== null && level.value >= reservedFrom;
          return (
            <Radio
              key={level.value}
              name={name}
              value={String(level.value)}
              checked={value === level.value}
              onChange={() => onChange(level.value)}
              disabled={reserved && value !== level.value}
              label={`${level.value} – ${texts.text(level.name)}`}
              description={reserved ? t('questions.securityOnly') : ex ? texts.text(ex.text) : undefined}
              data-testid={`answer-${aspect}-${category.key}-${level.value}`}
              styles={{ label: { fontWeight: value === level.value ? 650 : 500 } }}
            />
          );
        })}
        <Radio
          name={name}
          value="not_relevant"
          checked={value === 'not_relevant'}
          onChange={() => onChange('not_relevant')}
          label={t('questions.notRelevant')}
          description={t('questions.notRelevantHint')}
          data-testid={`answer-${aspect}-${category.key}-not_relevant`}
          styles={{ label: { fontWeight: value === 'not_relevant' ? 650 : 500 } }}
        />
      </Stack>
      <Group justify="space-between" mt="xs" gap="xs">
        <Text size="sm">
          {value === null || value === undefined
            ? t('questions.unanswered')
            : value === 'not_relevant'
              ? t('questions.answeredNotRelevant')
              : t('questions.answered', { level: texts.levelLabel(value) })}
        </Text>
        {value !== null && value !== undefined && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => onChange(null)}
            aria-label={t('questions.clearFor', { category: texts.text(category.name) })}
          >
            {t('questions.clear')}
          </Button>
        )}
      </Group>
    </fieldset>
  );
}
