import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CoverageCounts } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useCoverage } from '../classification/api';
import { useUnits } from '../units/api';
import { coverageLink, percent } from './coverageLinks';
import { CoverageTable } from './CoverageTable';

/** How much of the inventory has a valid classification, for the organisation and per förvaltning. */
export function CoveragePage() {
  const { t } = useTranslation(['assets', 'common']);
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId');
  const coverage = useCoverage(unitId);
  const units = useUnits(false);

  return (
    <>
      <PageHeader title={t('assets:coverage.title')} description={t('assets:coverage.intro')} />
      <Stack gap="lg">
        <Group align="flex-end" gap="sm">
          <UnitSelect
            label={t('assets:coverage.scope')}
            description={t('assets:coverage.scopeHint')}
            units={units.data ?? []}
            value={unitId ?? coverage.data?.scope.unitId ?? null}
            onChange={(v) => setParams(v ? { unitId: v } : {}, { replace: true })}
            w={{ base: '100%', sm: 360 }}
            data-testid="coverage-scope"
          />
        </Group>
        {coverage.isPending ? (
          <LoadingState />
        ) : coverage.error ? (
          <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />
        ) : (
          <>
            <section aria-labelledby="coverage-total-heading">
              <Title order={2} size="h3" id="coverage-total-heading" mb={4}>
                {t('assets:coverage.totalTitle', { unit: coverage.data.scope.unitName })}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('assets:coverage.asOf', { date: formatDateTime(coverage.data.asOf) })}
              </Text>
              <Figures counts={coverage.data.total} unitId={unitId} />
            </section>
            <section aria-labelledby="coverage-rows-heading">
              <Paper withBorder p="lg" radius="md">
                <Title order={2} size="h3" id="coverage-rows-heading" mb="sm">
                  {t('assets:coverage.rowsTitle')}
                </Title>
                {coverage.data.rows.length === 0 ? (
                  <Text>{t('assets:coverage.noRows')}</Text>
                ) : (
                  <CoverageTable
                    rows={coverage.data.rows}
                    scopeName={coverage.data.scope.unitName}
                    onDrill={(id) => setParams({ unitId: id }, { replace: false })}
                  />
                )}
              </Paper>
            </section>
          </>
        )}
      </Stack>
    </>
  );
}

function Figures({ counts, unitId }: { counts: CoverageCounts; unitId: string | null }) {
  const { t } = useTranslation('assets');
  const systemsShare = percent(counts.systemsValid, counts.systemsInUse);
  const setsShare = percent(counts.setsClassified, counts.setsTotal);
  const simple: (keyof CoverageCounts)[] = [
    'systemsMissing',
    'awaitingApproval',
    'drafts',
    'dueWithin30Days',
    'overdue',
    'specialAnalysis',
  ];
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ShareCard
          title={t('coverage.figures.systemsValid')}
          part={counts.systemsValid}
          whole={counts.systemsInUse}
          share={systemsShare}
          partLink={coverageLink('systemsValid', unitId)}
          wholeLink={coverageLink('systemsInUse', unitId)}
          wholeLabel={t('coverage.figures.systemsInUse')}
          testId="kpi-systems-valid"
        />
        <ShareCard
          title={t('coverage.figures.setsClassified')}
          part={counts.setsClassified}
          whole={counts.setsTotal}
          share={setsShare}
          partLink={coverageLink('setsClassified', unitId)}
          wholeLink={coverageLink('setsTotal', unitId)}
          wholeLabel={t('coverage.figures.setsTotal')}
          testId="kpi-sets-classified"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
        {simple.map((key) => (
          <Paper key={key} withBorder p="md" radius="md">
            <Text fw={600}>{t(`coverage.figures.${key as 'overdue'}`)}</Text>
            <Anchor
              component={Link}
              to={coverageLink(key, unitId)}
              fz={30}
              fw={700}
              lh={1.2}
              data-testid={`kpi-${key}`}
              aria-label={t('coverage.openList', {
                count: counts[key],
                value: formatNumber(counts[key]),
                label: t(`coverage.figures.${key as 'overdue'}`),
              })}
            >
              {formatNumber(counts[key])}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t(`coverage.hints.${key as 'overdue'}`)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

interface ShareProps {
  title: string;
  part: number;
  whole: number;
  share: number | null;
  partLink: string;
  wholeLink: string;
  wholeLabel: string;
  testId: string;
}

function ShareCard({ title, part, whole, share, partLink, wholeLink, wholeLabel, testId }: ShareProps) {
  const { t } = useTranslation('assets');
  const text =
    share === null
      ? t('coverage.shareNone')
      : t('coverage.share', { part: formatNumber(part), whole: formatNumber(whole), percent: share });
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text fw={600}>{title}</Text>
      <Group gap={6} align="baseline" wrap="wrap">
        <Anchor component={Link} to={partLink} fz={30} fw={700} lh={1.2} data-testid={`${testId}-part`}>
          {formatNumber(part)}
        </Anchor>
        <Text>{t('coverage.of')}</Text>
        <Anchor
          component={Link}
          to={wholeLink}
          fz={22}
          fw={600}
          data-testid={`${testId}-whole`}
          aria-label={`${formatNumber(whole)} ${wholeLabel}`}
        >
          {formatNumber(whole)}
        </Anchor>
        {share !== null && <Text fw={600}>({share} %)</Text>}
      </Group>
      <Progress.Root size="lg" mt="xs" aria-hidden={share === null}>
        <Progress.Section value={share ?? 0} color="tillit" aria-label={`${title}: ${text}`} aria-valuetext={text} />
      </Progress.Root>
      {share === null && (
        <Text size="sm" c="dimmed" mt={4}>
          {text}
        </Text>
      )}
    </Paper>
  );
}
