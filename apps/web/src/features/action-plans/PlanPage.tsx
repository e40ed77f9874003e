import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { formatDate } from '../../lib/format';
import { useCurrentModel } from '../classification/api';
import { ProfileBadges } from '../classification/ProfileBadges';
import { usePlan } from './api';
import { ProgressBar } from './PlansPage';
import { RequirementCard } from './RequirementCard';

const aspectLetters = { C: 'K', I: 'R', A: 'T', T: 'S' } as const;

/** One action plan: its profile, triggers and progress, and every requirement to self-assess, grouped by theme. */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['actionPlans', 'common']);
  const access = useAccess();
  const plan = usePlan(id);
  const model = useCurrentModel();
  if (plan.isLoading) return <LoadingState />;
  if (plan.error || !plan.data) return <ErrorState error={plan.error} />;
  const p = plan.data;
  const current = p.history.find((h) => h.current);
  const editable = p.current && access.can('plan.write');
  return (
    <>
      <PageHeader title={t('plan.title', { name: p.assetName })} description={t('plan.catalogue', { label: p.catalogueLabel })} />
      <Stack gap="md">
        {!p.current && (
          <Alert color="gray" data-testid="plan-old">
            {t('plan.old')}{' '}
            {current && (
              <Anchor component={Link} to={`/plans/${current.id}`}>
                {t('plan.openCurrent')}
              </Anchor>
            )}
          </Alert>
        )}
        {p.outdated.catalogue && <Alert color="blue">{t('plan.outdatedCatalogue')}</Alert>}
        {p.outdated.profile && <Alert color="yellow">{t('plan.outdatedProfile')}</Alert>}
        {p.securityAnalysisAspects.length > 0 && (
          <Alert color="red" data-testid="security-analysis">
            {t('plan.securityAnalysis', { aspects: p.securityAnalysisAspects.map((a) => aspectLetters[a]).join(', ') })}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Group gap="lg" wrap="wrap" align="flex-start">
            <ProfileBadges profile={p.levels} model={model.data?.definition} />
            <Text size="sm">
              {t('plan.triggers')}: {p.triggers.length ? p.triggers.map((x) => x.label).join(', ') : t('plan.noTriggers')}
            </Text>
          </Group>
          <div style={{ maxWidth: 480, marginTop: 12 }}>
            <ProgressBar progress={p.progress} testId="plan-progress" />
          </div>
        </Paper>
        {p.themes.map((theme) => (
          <section key={theme.theme} aria-labelledby={`theme-${theme.theme}`}>
            <Title order={2} size="h3" id={`theme-${theme.theme}`} mb="xs">
              {theme.label}
            </Title>
            <Stack gap="sm">
              {theme.requirements.map((r) => (
                <RequirementCard key={r.id} requirement={r} editable={editable} />
              ))}
            </Stack>
          </section>
        ))}
        {p.removed.length > 0 && (
          <Paper withBorder p="md">
            <Title order={2} size="h3" mb="xs">
              {t('plan.removed')}
            </Title>
            <ul>
              {p.removed.map((r) => (
                <li key={r.key}>
                  {r.key} {r.title} ({t(`status.${r.status ?? 'none'}`)})
                </li>
              ))}
            </ul>
          </Paper>
        )}
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="xs">
            {t('plan.history')}
          </Title>
          <ul>
            {p.history.map((h) => (
              <li key={h.id}>
                <Anchor component={Link} to={`/plans/${h.id}`}>
                  {formatDate(h.createdAt)} – {h.catalogueLabel}
                </Anchor>{' '}
                {h.current && (
                  <Badge size="sm" variant="outline" color="dark.6">
                    {t('plan.current')}
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        </Paper>
      </Stack>
    </>
  );
}
