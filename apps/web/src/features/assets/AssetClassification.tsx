import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssetDetailView, ClassificationModelDefinition } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { useAccess } from '../../app/session';
import { formatDate } from '../../lib/format';
import { useClassification, useStartClassification } from '../classification/api';
import { ExplanationTable } from '../classification/ExplanationTable';
import { useExplain } from '../classification/explain';
import { useModelTexts } from '../classification/model';
import { ProfileBadges } from '../classification/ProfileBadges';
import { DecisionDelegateField } from '../classification/DecisionDelegateField';
import { ReviewStateBadge, WorkStatusBadge } from '../classification/StatusBadges';

interface Props {
  asset: AssetDetailView;
  model: ClassificationModelDefinition | undefined;
  parentOf: (id: string) => string | null | undefined;
}

/** The asset's levels, where each comes from, and the way into classifying it. */
export function AssetClassification({ asset, model, parentOf }: Props) {
  const { t } = useTranslation(['assets', 'classification']);
  const access = useAccess();
  const navigate = useNavigate();
  const texts = useModelTexts(model);
  const explain = useExplain(texts);
  const summary = asset.classification;
  const approved = useClassification(summary.currentVersionId ?? '');
  const start = useStartClassification();
  const canWrite = access.canOnUnit('classification.write', asset.unitId, parentOf);
  const isSet = asset.kind === 'information_set';
  const stale = Object.values(asset.levelSources ?? {}).some((s) => s.inheritedAboveApproved);
  // Facts changed after approval, or a new integration: the classification is to be reviewed before its date.
  const reasons = summary.reviewReasons ?? [];
  const factReasons = reasons.filter((r) => r.reason !== 'integration').map((r) => t(`classification:facts.reviewReason.${r.reason}`));

  const rows = texts.enabledAspects.map((aspect) => {
    const level = asset.levels[aspect];
    let lines;
    if (!isSet && asset.levelSources?.[aspect]) {
      lines = explain.systemLevel(aspect, asset.levelSources[aspect], approved.data?.raises[aspect]?.reason);
    } else if (approved.data) {
      const r = approved.data.derivation.aspects[aspect];
      lines = r
        ? explain.aspect(r, { raiseReason: approved.data.raises[aspect]?.reason, typeName: approved.data.facts.informationTypeName })
        : [];
    } else {
      lines = [{ kind: 'none' as const, decisive: false, text: t('classification:explain.noApproved') }];
    }
    return { aspect, level, lines };
  });

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby="asset-classification-heading"
      data-testid="asset-classification"
    >
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Title order={2} size="h3" id="asset-classification-heading">
          {isSet ? t('assets:classification.titleSet') : t('assets:classification.titleSystem')}
        </Title>
        <Group gap="xs">
          {summary.openVersionId ? (
            <Button component={Link} to={`/classifications/${summary.openVersionId}`} data-testid="continue-classification">
              {summary.workStatus === 'submitted'
                ? t('assets:classification.openSubmitted')
                : !canWrite
                  ? t('assets:classification.openWork')
                  : summary.workStatus === 'returned'
                    ? t('assets:classification.fixReturned')
                    : t('assets:classification.continue')}
            </Button>
          ) : (
            canWrite && (
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                loading={start.isPending}
                onClick={() => start.mutate(asset.id, { onSuccess: (v) => navigate(`/classifications/${v.id}`) })}
                data-testid="start-classification"
              >
                {summary.currentVersionId ? t('assets:classification.startNew') : t('assets:classification.start')}
              </Button>
            )
          )}
          {summary.currentVersionId && (
            <Button
              component={Link}
              variant="default"
              to={`/classifications/${summary.currentVersionId}`}
              data-testid="open-approved-classification"
            >
              {t('assets:classification.openApproved')}
            </Button>
          )}
        </Group>
      </Group>
      <Stack gap="md">
        <FormAlert message={start.error instanceof Error ? start.error.message : null} />
        <Group gap="lg" align="center" wrap="wrap">
          <div>
            <Text size="sm" fw={600} mb={4}>
              {isSet ? t('assets:classification.approvedProfile') : t('assets:classification.effectiveProfile')}
            </Text>
            <ProfileBadges profile={asset.levels} model={model} size="lg" testId="effective-profile" />
          </div>
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('assets:fields.reviewState')}
            </Text>
            <Group gap="xs">
              <ReviewStateBadge state={summary.reviewState} />
              {summary.reviewDueAt && (
                <Text size="sm">{t('assets:classification.reviewDue', { date: formatDate(summary.reviewDueAt) })}</Text>
              )}
            </Group>
          </div>
          {summary.workStatus && (
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t('assets:fields.workStatus')}
              </Text>
              <WorkStatusBadge status={summary.workStatus} />
            </div>
          )}
        </Group>
        {asset.specialAnalysis && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('classification:specialAnalysis.title')}
            data-testid="special-analysis"
          >
            {t('classification:specialAnalysis.text')}
          </Alert>
        )}
        {factReasons.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="review-reasons">
            {t('classification:facts.reviewReasons', { reasons: factReasons.join(', ') })}
          </Alert>
        )}
        {reasons.some((r) => r.reason === 'integration') && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="integration-prompt">
            {t('classification:facts.integrationPrompt')}
          </Alert>
        )}
        {stale && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('assets:classification.staleTitle')}
            data-testid="inherited-above-approved"
          >
            {t('assets:classification.staleText')}
          </Alert>
        )}
        {!isSet && !asset.informationSets.length && <Text c="dimmed">{t('assets:classification.noSetsHint')}</Text>}
        <ExplanationTable
          caption={isSet ? t('assets:classification.sourcesCaptionSet') : t('assets:classification.sourcesCaptionSystem')}
          rows={rows}
          texts={texts}
          testId="level-sources"
        />
        {access.canOnUnit('classification.approve', asset.unitId, parentOf) && <DecisionDelegateField asset={asset} />}
      </Stack>
    </Paper>
  );
}
