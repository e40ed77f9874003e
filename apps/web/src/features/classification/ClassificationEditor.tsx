import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { derive, submissionIssues } from '@tillit/core/rules/classification';
import type { AspectKey } from '@tillit/core';
import { isApiError, type AssetDetailView, type ClassificationModelDefinition, type ClassificationVersionView } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AspectSection } from './AspectSection';
import { useDiscardClassification, useSubmitClassification } from './api';
import { FactsPanel } from './FactsPanel';
import { issuesByTarget, issueTarget, useIssueText, type IssueLike } from './issues';
import { useModelTexts } from './model';
import { ProfileSummary } from './ProfileSummary';
import { useClassificationDraft } from './useClassificationDraft';

interface Props {
  version: ClassificationVersionView;
  model: ClassificationModelDefinition;
  asset: AssetDetailView | undefined;
}

/** The guided classification: answer per aspect, see the profile form live, justify, submit. */
export function ClassificationEditor({ version, model, asset }: Props) {
  const { t } = useTranslation(['classification', 'common']);
  const navigate = useNavigate();
  const texts = useModelTexts(model);
  const issueText = useIssueText(texts);
  const draft = useClassificationDraft(version);
  const { content } = draft;
  const submit = useSubmitClassification();
  const discard = useDiscardClassification();
  const [showIssues, setShowIssues] = useState(false);
  const [serverIssues, setServerIssues] = useState<IssueLike[] | null>(null);
  const [confirm, setConfirm] = useState<'submit' | 'discard' | null>(null);
  const issueBox = useRef<HTMLDivElement>(null);

  // The same rules as the server, run on every change (core's derive and submissionIssues).
  const input = useMemo(
    () => ({
      personalData: version.facts.personalData,
      thirdCountryTransfer: asset?.thirdCountryTransfer,
      secrecyChapter: version.facts.secrecyChapter,
      protectedIdentity: version.facts.protectedIdentity,
      criminalOffenceData: version.facts.criminalOffenceData,
      securityProtection: version.facts.securityProtection,
      answers: content.answers,
      typeRecommended: version.facts.typeRecommended,
      inherited: version.inherited?.levels ?? null,
      raises: Object.fromEntries(
        Object.entries(content.raises).map(([a, r]) => [a, r && r.level !== null ? { level: r.level, reason: r.reason } : null]),
      ),
      justifications: content.justifications,
      typeDeviationReason: content.typeDeviationReason,
    }),
    [version, asset?.thirdCountryTransfer, content],
  );
  const derivation = useMemo(() => derive(model, input), [model, input]);
  const issues = useMemo(() => serverIssues ?? submissionIssues(model, input), [model, input, serverIssues]);
  const byTarget = useMemo(() => issuesByTarget(issues), [issues]);
  useEffect(() => setServerIssues(null), [content]);

  // A raise at or below what the answers now give says nothing: drop it rather than keep a stale one.
  useEffect(() => {
    for (const a of texts.enabledAspects) {
      const r = content.raises[a];
      const proposed = derivation.aspects[a].proposed;
      if (r && r.level !== null && proposed !== null && r.level <= proposed)
        draft.setRaise(a, r.reason ? { level: null, reason: r.reason } : null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [derivation]);

  const inheritedFrom = (a: AspectKey) => {
    const level = version.inherited?.levels[a];
    return level === null || level === undefined
      ? []
      : (version.inherited?.sets.filter((s) => s.levels[a] === level).map((s) => s.name) ?? []);
  };

  async function trySubmit() {
    const saved = await draft.flush();
    if (!saved) return;
    setShowIssues(true);
    if (issues.length) {
      window.setTimeout(() => issueBox.current?.focus(), 0);
      return;
    }
    setConfirm('submit');
  }

  function doSubmit() {
    submit.mutate(version.id, {
      onSuccess: () => {
        setConfirm(null);
        window.scrollTo({ top: 0 });
      },
      onError: (e) => {
        if (isApiError(e, 'classification_incomplete')) {
          setServerIssues(((e.details as { issues?: IssueLike[] })?.issues ?? []) as IssueLike[]);
          setConfirm(null);
          window.setTimeout(() => issueBox.current?.focus(), 0);
        }
      },
    });
  }

  // The issue links move focus to the field itself (or the first answer of a question), not only the view.
  function goTo(event: MouseEvent, id: string) {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    const focusable = target.matches('input, textarea, button, select')
      ? target
      : target.querySelector<HTMLElement>('input, textarea, button, select');
    target.scrollIntoView({ block: 'start' });
    focusable?.focus({ preventScroll: true });
  }

  const deviation = derivation.deviatesFromType;
  return (
    <Stack gap="lg">
      <ProfileSummary
        profile={derivation.profile}
        model={model}
        texts={texts}
        saveState={draft.saveState}
        onSave={() => void draft.flush()}
        onSubmit={() => void trySubmit()}
        submitting={submit.isPending}
      />
      {showIssues && issues.length > 0 && (
        <Alert
          ref={issueBox}
          tabIndex={-1}
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('classification:editor.issuesTitle', { count: issues.length })}
          data-testid="submit-issues"
        >
          <List size="sm" spacing={4} className="issue-list">
            {issues.map((issue, i) => (
              <List.Item key={i} data-code={issue.code}>
                <Anchor href={`#${issueTarget(issue)}`} underline="always" onClick={(e) => goTo(e, issueTarget(issue))}>
                  {issueText(issue)}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text>{version.assetKind === 'information_set' ? t('classification:editor.introSet') : t('classification:editor.introSystem')}</Text>
      <FactsPanel version={version} asset={asset} model={model} derivation={derivation} texts={texts} />
      <div id="classification-questions">
        <Stack gap="lg">
          {texts.enabledAspects.map((aspect) => (
            <AspectSection
              key={aspect}
              aspect={aspect}
              model={model}
              result={derivation.aspects[aspect]}
              content={content}
              assetKind={version.assetKind}
              typeName={version.facts.informationTypeName}
              inheritedFrom={inheritedFrom(aspect)}
              issues={byTarget}
              showIssues={showIssues}
              texts={texts}
              onAnswer={(category, level) => draft.setAnswer(aspect, category, level)}
              onJustification={(text) => draft.setJustification(aspect, text)}
              onRaise={(raise) => draft.setRaise(aspect, raise)}
              reservedFrom={version.facts.securityProtection ? null : model.specialAnalysisFromLevel}
            />
          ))}
        </Stack>
      </div>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="finish-heading">
        <Title order={2} size="h3" id="finish-heading" mb="sm">
          {t('classification:editor.finish')}
        </Title>
        <Stack gap="md">
          {version.facts.typeRecommended && (
            <Textarea
              id="type-deviation-reason"
              label={t('classification:editor.typeDeviation', { type: version.facts.informationTypeName ?? '' })}
              description={deviation ? t('classification:editor.typeDeviationRequired') : t('classification:editor.typeDeviationNone')}
              required={deviation}
              value={content.typeDeviationReason}
              onChange={(e) => draft.setTypeDeviationReason(e.currentTarget.value)}
              error={showIssues ? byTarget.get('type-deviation-reason')?.map(issueText).join(' ') : undefined}
              autosize
              minRows={2}
              maxLength={4000}
              data-testid="type-deviation-reason"
            />
          )}
          <Textarea
            label={t('classification:editor.notes')}
            description={t('classification:editor.notesHint')}
            value={content.notes}
            onChange={(e) => draft.setNotes(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
            data-testid="classification-notes"
          />
          <Text size="sm">{t('classification:editor.submitHint')}</Text>
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setConfirm('discard')}
              data-testid="discard-classification"
            >
              {t('classification:editor.discard')}
            </Button>
            <Button onClick={() => void trySubmit()} loading={submit.isPending} data-testid="submit-classification-bottom">
              {t('classification:editor.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <ConfirmDialog
        opened={confirm === 'submit'}
        title={t('classification:editor.confirmSubmitTitle')}
        message={t('classification:editor.confirmSubmitText', { profile: texts.profileLabel(derivation.profile), name: version.assetName })}
        confirmLabel={t('classification:editor.submit')}
        loading={submit.isPending}
        error={submit.error instanceof Error && !isApiError(submit.error, 'classification_incomplete') ? submit.error.message : null}
        onClose={() => setConfirm(null)}
        onConfirm={doSubmit}
      />
      <ConfirmDialog
        opened={confirm === 'discard'}
        title={t('classification:editor.discardTitle')}
        message={t('classification:editor.discardText')}
        confirmLabel={t('classification:editor.discard')}
        danger
        loading={discard.isPending}
        error={discard.error instanceof Error ? discard.error.message : null}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          discard.mutate(
            { id: version.id, assetId: version.assetId },
            { onSuccess: () => navigate(`/assets/${version.assetId}`, { replace: true }) },
          )
        }
      />
    </Stack>
  );
}
