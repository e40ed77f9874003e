import { useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconRefresh, IconArrowsRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanProgress } from '@tillit/core/modules/action-plans/rules';
import { PageHeader } from '../../components/PageHeader';
import { FormAlert } from '../../components/FormAlert';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { TableScroll } from '../assets/TableScroll';
import { useCurrentModel } from '../classification/api';
import { ProfileBadges } from '../classification/ProfileBadges';
import { useGenerate, useOverview, usePlans } from './api';
import { MigrationModal } from './MigrationModal';

/** The share bar of a plan or unit: met, partly, not met; the label says it in words for everyone. */
export function ProgressBar({ progress, testId }: { progress: PlanProgress; testId?: string }) {
  const { t } = useTranslation('actionPlans');
  const label = t('plan.progress', {
    met: progress.metShare,
    partly: progress.partlyMetShare,
    unmet: progress.notMetShare,
    unassessed: progress.unassessedShare,
  });
  return (
    <Stack gap={2} data-testid={testId}>
      <Progress.Root size="md" aria-hidden>
        <Progress.Section value={progress.metShare} color="teal.8" />
        <Progress.Section value={progress.partlyMetShare} color="yellow.6" />
        <Progress.Section value={progress.notMetShare} color="red.8" />
      </Progress.Root>
      <Text size="xs">{label}</Text>
    </Stack>
  );
}

export function PlansPage() {
  const { t } = useTranslation(['actionPlans', 'common']);
  const access = useAccess();
  const canWrite = access.can('plan.write');
  const plans = usePlans();
  const overview = useOverview(true);
  const model = useCurrentModel();
  const generate = useGenerate();
  const [migrating, setMigrating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          canWrite && (
            <>
              <Button
                leftSection={<IconRefresh size={18} aria-hidden />}
                loading={generate.isPending}
                onClick={() => generate.mutate()}
                data-testid="generate-plans"
              >
                {t('generate')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconArrowsRight size={18} aria-hidden />}
                onClick={() => setMigrating(true)}
                data-testid="open-migration"
              >
                {t('migration.open')}
              </Button>
            </>
          )
        }
      />
      {generate.data && (
        <Alert color="teal" mb="md" role="status" data-testid="generate-result">
          {t('generated', generate.data)}
        </Alert>
      )}
      <FormAlert message={generate.error?.message} />
      {overview.data && overview.data.plans > 0 && (
        <Paper withBorder p="md" mb="lg">
          <Title order={2} size="h3" mb="sm">
            {t('overview.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="xs">
              <Text>
                {t('overview.plans')}: {overview.data.plans}
              </Text>
              <ProgressBar progress={overview.data.progress} testId="overview-progress" />
              <Group gap="md">
                <Anchor component={Link} to="/measures?view=open&linkType=plan_requirement">
                  {t('overview.openMeasures')}
                </Anchor>
                <Anchor component={Link} to="/measures?view=overdue&linkType=plan_requirement">
                  {t('overview.overdueMeasures')}
                </Anchor>
              </Group>
            </Stack>
            <div>
              <Title order={3} size="h4" mb="xs">
                {t('overview.mostUnmet')}
              </Title>
              <TableScroll minWidth={480}>
                <Table data-testid="most-unmet">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('overview.requirement')}</Table.Th>
                      <Table.Th>{t('overview.notMetCount')}</Table.Th>
                      <Table.Th>{t('overview.partlyCount')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {overview.data.mostUnmet.slice(0, 8).map((r) => (
                      <Table.Tr key={r.key}>
                        <Table.Td>
                          {r.key} {r.title}
                        </Table.Td>
                        <Table.Td>{r.notMet}</Table.Td>
                        <Table.Td>{r.partlyMet}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </div>
          </SimpleGrid>
          <Title order={3} size="h4" mt="md" mb="xs">
            {t('overview.perUnit')}
          </Title>
          <TableScroll minWidth={480}>
            <Table data-testid="unit-progress">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('overview.unit')}</Table.Th>
                  <Table.Th>{t('overview.plans')}</Table.Th>
                  <Table.Th>{t('list.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {overview.data.units.map((u) => (
                  <Table.Tr key={u.unitId}>
                    <Table.Td>{u.unitName}</Table.Td>
                    <Table.Td>{u.plans}</Table.Td>
                    <Table.Td miw={200}>
                      <ProgressBar progress={u.progress} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Paper>
      )}
      <Title order={2} size="h3" mb="sm">
        {t('list.title')}
      </Title>
      {plans.isLoading ? (
        <LoadingState />
      ) : plans.error ? (
        <ErrorState error={plans.error} />
      ) : !plans.data?.length ? (
        <EmptyState title={t('list.empty')} />
      ) : (
        <TableScroll minWidth={480}>
          <Table striped data-testid="plans-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.asset')}</Table.Th>
                <Table.Th>{t('list.unit')}</Table.Th>
                <Table.Th>{t('list.profile')}</Table.Th>
                <Table.Th>{t('list.catalogue')}</Table.Th>
                <Table.Th>{t('list.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/plans/${p.id}`} data-testid="plan-link">
                      {p.assetName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.unitName}</Table.Td>
                  <Table.Td>
                    <ProfileBadges profile={p.levels} model={model.data?.definition} size="sm" />
                  </Table.Td>
                  <Table.Td>{p.catalogueLabel}</Table.Td>
                  <Table.Td miw={200}>
                    <ProgressBar progress={p.progress} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {migrating && <MigrationModal onClose={() => setMigrating(false)} />}
    </>
  );
}
