import { Alert, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AspectKey, AspectResult } from '@tillit/core';
import type { AssetKind, ClassificationModelDefinition } from '../../api';
import { ExplanationList } from './ExplanationList';
import { useExplain } from './explain';
import { useIssueText, type IssueLike } from './issues';
import type { ModelTexts } from './model';
import { LevelBadge } from './ProfileBadges';
import { QuestionFieldset } from './QuestionFieldset';
import type { DraftContent } from './useClassificationDraft';

interface Props {
  aspect: AspectKey;
  model: ClassificationModelDefinition;
  result: AspectResult;
  content: DraftContent;
  assetKind: AssetKind;
  typeName: string | null;
  inheritedFrom: string[];
  /** Issues for this aspect's fields; shown once the person has tried to submit. */
  issues: Map<string, IssueLike[]>;
  showIssues: boolean;
  texts: ModelTexts;
  onAnswer: (category: string, level: number | 'not_relevant' | null) => void;
  /** Levels from here up are for säkerhetsskydd only (null: the set is marked so, or none reserved). */
  reservedFrom: number | null;
  onJustification: (text: string) => void;
  onRaise: (raise: { level: number | null; reason: string } | null) => void;
}

/** One aspect: its questions, the level they give and why, the justification and (systems) a raise. */
export function AspectSection({
  aspect,
  model,
  result,
  content,
  assetKind,
  typeName,
  inheritedFrom,
  issues,
  showIssues,
  texts,
  onAnswer,
  onJustification,
  onRaise,
  reservedFrom,
}: Props) {
  const { t } = useTranslation('classification');
  const explain = useExplain(texts);
  const issueText = useIssueText(texts);
  const def = model.aspects.find((a) => a.key === aspect)!;
  const answers = content.answers[aspect] ?? {};
  const raise = content.raises[aspect] ?? null;
  const fieldError = (target: string) => (showIssues ? issues.get(target)?.map(issueText).join(' ') : undefined);
  const justificationRequired = result.requiresJustification;
  const raiseOptions = model.levels.filter(
    (l) => (result.proposed === null || l.value > result.proposed) && (reservedFrom === null || l.value < reservedFrom),
  );
  // "Ej relevant" is an answer too: a category counts as assessed once it has either.
  const remaining = model.categories.filter((c) => answers[c.key] === undefined || answers[c.key] === null);
  const answeredCount = model.categories.length - remaining.length;

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      id={`aspect-${aspect}`}
      aria-labelledby={`aspect-${aspect}-heading`}
      data-testid={`aspect-${aspect}`}
      style={{ scrollMarginTop: 200 }}
    >
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs">
        <Title order={2} size="h3" id={`aspect-${aspect}-heading`}>
          {t('questions.aspectHeading', { code: texts.code(aspect), name: texts.aspectName(aspect) })}
        </Title>
        <Group gap="xs" data-testid={`aspect-${aspect}-result`} data-level={result.final ?? ''}>
          <Text size="sm" fw={600}>
            {t('questions.aspectResult')}
          </Text>
          <LevelBadge aspect={aspect} level={result.final} texts={texts} size="lg" />
          <Text size="sm">{texts.levelName(result.final)}</Text>
        </Group>
      </Group>
      <Text mb="xs">{texts.text(def.question)}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('questions.progress', { answered: answeredCount, total: model.categories.length })}
        {remaining.length > 0 &&
          answeredCount > 0 &&
          ` ${t('questions.remaining', { categories: remaining.map((c) => texts.text(c.name)).join(', ') })}`}
      </Text>
      {fieldError(`aspect-${aspect}`) && (
        <Text c="red.8" size="sm" mb="sm" role="alert">
          {fieldError(`aspect-${aspect}`)}
        </Text>
      )}

      <Stack gap="md">
        {model.categories.map((category) => (
          <QuestionFieldset
            key={category.key}
            aspect={aspect}
            category={category}
            question={model.questions.find((q) => q.aspect === aspect && q.category === category.key)}
            levels={model.levels}
            value={answers[category.key]}
            onChange={(level) => onAnswer(category.key, level)}
            texts={texts}
            reservedFrom={reservedFrom}
          />
        ))}

        <Paper withBorder p="md" radius="md" bg="gray.0" aria-labelledby={`aspect-${aspect}-why`} component="section">
          <Title order={3} size="h5" id={`aspect-${aspect}-why`} mb="xs">
            {t('questions.why', { code: texts.code(aspect) })}
          </Title>
          <ExplanationList lines={explain.aspect(result, { raiseReason: raise?.reason, typeName, inheritedFrom })} />
        </Paper>

        {result.specialAnalysis && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('specialAnalysis.title')}
            data-testid={`special-analysis-${aspect}`}
          >
            {t('specialAnalysis.aspectText', { level: texts.levelLabel(result.final) })}
          </Alert>
        )}

        <Textarea
          id={`justification-${aspect}`}
          label={t('questions.justification', { name: texts.aspectName(aspect) })}
          description={
            justificationRequired
              ? t('questions.justificationRequired', { level: texts.levelLabel(model.justificationFromLevel) })
              : t('questions.justificationOptional', { level: texts.levelLabel(model.justificationFromLevel) })
          }
          required={justificationRequired}
          value={content.justifications[aspect] ?? ''}
          onChange={(e) => onJustification(e.currentTarget.value)}
          error={fieldError(`justification-${aspect}`)}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={4000}
          data-testid={`justification-${aspect}`}
        />

        {assetKind !== 'information_set' && (
          <Stack gap="xs" component="section" aria-labelledby={`raise-${aspect}-heading`}>
            <Title order={3} size="h5" id={`raise-${aspect}-heading`}>
              {t('raise.title', { code: texts.code(aspect) })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('raise.intro')}
            </Text>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select
                id={`raise-level-${aspect}`}
                label={t('raise.level')}
                data={raiseOptions.map((l) => ({ value: String(l.value), label: texts.levelLabel(l.value) }))}
                value={raise?.level !== null && raise?.level !== undefined ? String(raise.level) : null}
                onChange={(v) =>
                  onRaise(
                    v === null
                      ? raise?.reason
                        ? { level: null, reason: raise.reason }
                        : null
                      : { level: Number(v), reason: raise?.reason ?? '' },
                  )
                }
                placeholder={t('raise.none')}
                clearable
                clearButtonProps={{ 'aria-label': t('raise.clear') }}
                disabled={!raiseOptions.length}
                error={fieldError(`raise-level-${aspect}`)}
                w={{ base: '100%', sm: 260 }}
                data-testid={`raise-level-${aspect}`}
              />
              {raise && (
                <Textarea
                  id={`raise-reason-${aspect}`}
                  label={t('raise.reason')}
                  description={t('raise.reasonHint')}
                  required={raise.level !== null}
                  value={raise.reason}
                  onChange={(e) => onRaise({ level: raise.level, reason: e.currentTarget.value })}
                  error={fieldError(`raise-reason-${aspect}`)}
                  autosize
                  minRows={2}
                  maxLength={4000}
                  style={{ flex: 1, minWidth: 260 }}
                  data-testid={`raise-reason-${aspect}`}
                />
              )}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
