import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess, useSession } from '../../app/session';
import type { DashboardView } from '../../api';
import { formatNumber } from '../../lib/format';
import { NotificationList } from '../notifications/NotificationList';
import { useDashboard } from './api';
import { RecentEvents } from './RecentEvents';
import { StatCard } from './StatCard';

type Figure = DashboardView['sections'][number]['figures'][number];

export function DashboardPage() {
  const { t } = useTranslation(['dashboard', 'common']);
  const session = useSession();
  const access = useAccess();
  const dashboard = useDashboard();
  const organizationName = dashboard.data?.organizationName ?? session.user.organizationName;
  const value = (f: Figure) =>
    f.value === null ? t('dashboard:figures.notAvailable') : f.format === 'percent' ? `${formatNumber(f.value)} %` : formatNumber(f.value);

  return (
    <>
      <PageHeader
        title={t('dashboard:title')}
        description={t('dashboard:greeting', { name: session.user.name, organization: organizationName })}
      />
      {dashboard.isPending ? (
        <LoadingState />
      ) : dashboard.error ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <section aria-labelledby="dashboard-awaiting">
              <Paper withBorder p="lg" radius="md" h="100%">
                <Title order={2} size="h3" id="dashboard-awaiting" mb="sm">
                  {t('dashboard:awaiting.title')}
                </Title>
                {dashboard.data.awaiting.some((a) => a.count > 0) ? (
                  <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="dashboard-awaiting">
                    {dashboard.data.awaiting
                      .filter((a) => a.count > 0)
                      .map((a) => (
                        <li key={a.key}>
                          <Group justify="space-between" wrap="nowrap">
                            {a.link ? (
                              <Anchor component={Link} to={a.link}>
                                {a.label}
                              </Anchor>
                            ) : (
                              <Text>{a.label}</Text>
                            )}
                            <Badge size="lg" variant="light">
                              {formatNumber(a.count)}
                            </Badge>
                          </Group>
                        </li>
                      ))}
                  </Stack>
                ) : (
                  <Text c="dimmed">{t('dashboard:awaiting.empty')}</Text>
                )}
              </Paper>
            </section>
            <section aria-labelledby="dashboard-notifications">
              <Paper withBorder p="lg" radius="md" h="100%">
                <Group justify="space-between" mb="sm">
                  <Title order={2} size="h3" id="dashboard-notifications">
                    {t('dashboard:notifications.title')}
                  </Title>
                  <Anchor component={Link} to="/notifications" size="sm">
                    {t('dashboard:notifications.all')}
                  </Anchor>
                </Group>
                {dashboard.data.notifications.latest.length ? (
                  <NotificationList items={dashboard.data.notifications.latest} compact />
                ) : (
                  <Text c="dimmed">{t('dashboard:notifications.empty')}</Text>
                )}
              </Paper>
            </section>
          </SimpleGrid>

          {dashboard.data.sections.map((s) => (
            <section key={s.module} aria-labelledby={`dashboard-${s.module}`} data-testid={`dashboard-section-${s.module}`}>
              <Title order={2} size="h3" id={`dashboard-${s.module}`} mb="sm">
                {s.title}
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
                {s.figures.map((f) => (
                  <StatCard
                    key={f.key}
                    label={f.label}
                    hint={f.hint}
                    value={value(f)}
                    to={f.link ?? undefined}
                    attention={f.tone === 'attention'}
                    testId={`stat-${s.module}-${f.key}`}
                  />
                ))}
              </SimpleGrid>
            </section>
          ))}

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
                ) : (
                  <RecentEvents events={dashboard.data.recentEvents} />
                )}
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
                  <GettingStarted />
                </Stack>
              </Paper>
            </section>
          </SimpleGrid>
        </Stack>
      )}
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
    access.can('asset.write') && { to: '/assets', label: t('start.assets') },
    access.can('classification.write') && { to: '/assets?kind=system&reviewState=missing', label: t('start.classification') },
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
