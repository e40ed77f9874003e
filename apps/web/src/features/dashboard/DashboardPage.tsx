import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess, useSession } from '../../app/session';
import { formatNumber } from '../../lib/format';
import { useDashboard } from './api';
import { RecentEvents } from './RecentEvents';
import { StatCard } from './StatCard';

export function DashboardPage() {
  const { t } = useTranslation(['dashboard', 'common']);
  const session = useSession();
  const access = useAccess();
  const dashboard = useDashboard();
  const organizationName = dashboard.data?.organizationName ?? session.user.organizationName;

  return (
    <>
      <PageHeader title={t('dashboard:title')} description={t('dashboard:greeting', { name: session.user.name, organization: organizationName })} />
      <Stack gap="xl">
        <section aria-labelledby="dashboard-figures">
          <Title order={2} size="h3" id="dashboard-figures" mb="sm">
            {t('dashboard:figures.title')}
          </Title>
          {dashboard.isPending ? (
            <LoadingState />
          ) : dashboard.error ? (
            <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md" data-testid="dashboard-figures">
              <StatCard label={t('dashboard:figures.units')} hint={t('dashboard:figures.unitsHint')} value={formatNumber(dashboard.data.counts.units)} to={access.can('unit.read') ? '/units' : undefined} testId="stat-units" />
              <StatCard label={t('dashboard:figures.users')} hint={t('dashboard:figures.usersHint')} value={formatNumber(dashboard.data.counts.users)} to={access.can('user.read') ? '/users' : undefined} testId="stat-users" />
              <StatCard label={t('dashboard:figures.activeUsers')} hint={t('dashboard:figures.activeUsersHint')} value={formatNumber(dashboard.data.counts.activeUsers)} to={access.can('user.read') ? '/users?status=active' : undefined} testId="stat-active-users" />
              <StatCard label={t('dashboard:figures.auditEvents')} hint={t('dashboard:figures.auditEventsHint')} value={formatNumber(dashboard.data.counts.auditEvents30d)} to={access.can('audit.read') ? '/audit' : undefined} testId="stat-audit-events" />
            </SimpleGrid>
          )}
        </section>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <section aria-labelledby="dashboard-recent">
            <Paper withBorder p="lg" radius="md" h="100%">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h3" id="dashboard-recent">
                  {t('dashboard:recent.title')}
                </Title>
                {access.can('audit.read') && (
                  <Anchor component={Link} to="/audit" size="sm">
                    {t('dashboard:recent.all')}
                  </Anchor>
                )}
              </Group>
              {!access.can('audit.read') ? (
                <Text c="dimmed">{t('dashboard:recent.noAccess')}</Text>
              ) : dashboard.data ? (
                <RecentEvents events={dashboard.data.recentEvents} />
              ) : null}
            </Paper>
          </section>

          <section aria-labelledby="dashboard-about">
            <Paper withBorder p="lg" radius="md" h="100%">
              <Title order={2} size="h3" id="dashboard-about" mb="sm">
                {t('dashboard:about.title')}
              </Title>
              <Stack gap="sm">
                <Text>{t('dashboard:about.purpose')}</Text>
                <Text>{t('dashboard:about.now')}</Text>
                <Title order={3} size="h5" mt="xs">
                  {t('dashboard:about.nextTitle')}
                </Title>
                <List spacing={4}>
                  <List.Item>{t('dashboard:about.nextAssets')}</List.Item>
                  <List.Item>{t('dashboard:about.nextClassification')}</List.Item>
                  <List.Item>{t('dashboard:about.nextRisks')}</List.Item>
                  <List.Item>{t('dashboard:about.nextIncidents')}</List.Item>
                </List>
                <GettingStarted />
              </Stack>
            </Paper>
          </section>
        </SimpleGrid>
      </Stack>
    </>
  );
}

/** Concrete first steps, offered only to those who may take them. */
function GettingStarted() {
  const { t } = useTranslation('dashboard');
  const access = useAccess();
  const steps = [
    access.can('unit.manage') && { to: '/units', label: t('start.units') },
    access.can('user.manage') && { to: '/users', label: t('start.users') },
    access.can('audit.read') && { to: '/audit', label: t('start.audit') },
  ].filter((s): s is { to: string; label: string } => Boolean(s));
  if (!steps.length) return null;
  return (
    <>
      <Title order={3} size="h5" mt="xs">
        {t('start.title')}
      </Title>
      <List spacing={4}>
        {steps.map((s) => (
          <List.Item key={s.to}>
            <Anchor component={Link} to={s.to}>
              {s.label}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </>
  );
}
