import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { formatDate } from '../../lib/format';
import { useMeasureBoard } from './api';
import { MeasureBadges } from './MeasureBadges';

/** Measures still to do or awaiting verification, grouped per owner or per status (a list per group, not drag and drop). */
export function MeasureBoardPage() {
  const { t } = useTranslation('measures');
  const [params, setParams] = useSearchParams();
  const groupBy = params.get('groupBy') === 'status' ? 'status' : 'owner';
  const board = useMeasureBoard({ groupBy });
  return (
    <>
      <PageHeader title={t('boardTitle')} description={t('boardIntro')} />
      <Stack gap="md">
        <Group gap="md" wrap="wrap">
          <Text component="span" id="board-group-label" size="sm" fw={500}>
            {t('board.groupBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="board-group-label"
            data={[
              { value: 'owner', label: t('board.owner') },
              { value: 'status', label: t('board.status') },
            ]}
            value={groupBy}
            onChange={(v) => setParams(v === 'owner' ? {} : { groupBy: v }, { replace: true })}
          />
          <Anchor component={Link} to="/measures">
            {t('links.list')}
          </Anchor>
        </Group>
        {board.isPending ? (
          <LoadingState />
        ) : board.error ? (
          <ErrorState error={board.error} onRetry={() => void board.refetch()} />
        ) : board.data.groups.length === 0 ? (
          <EmptyState title={t('empty.title')}>{t('empty.none')}</EmptyState>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="measure-board">
            {board.data.groups.map((g) => {
              const more =
                groupBy === 'owner'
                  ? g.key
                    ? `/measures?view=all&status=planned,in_progress,done&ownerId=${g.key}`
                    : null
                  : `/measures?view=all&status=${g.key}`;
              return (
                <Paper key={g.key || 'none'} withBorder p="md" radius="md" component="section" aria-labelledby={`group-${g.key || 'none'}`}>
                  <Title order={2} size="h4" id={`group-${g.key || 'none'}`}>
                    {g.label}
                  </Title>
                  <Text size="sm" c="dimmed" mb="xs">
                    {t('board.count', { count: g.count, overdue: g.overdue })}
                  </Text>
                  <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {g.items.map((m) => (
                      <li key={m.id}>
                        <Anchor component={Link} to={`/measures/${m.id}`} size="sm" fw={600}>
                          {m.title}
                        </Anchor>
                        <Group gap="xs" mt={2}>
                          <Text size="xs">{formatDate(m.dueDate)}</Text>
                          <MeasureBadges m={m} />
                        </Group>
                      </li>
                    ))}
                  </Stack>
                  {more && g.count > g.items.length && (
                    <Anchor component={Link} to={more} size="sm" mt="xs" display="inline-block">
                      {t('board.more', { count: g.count })}
                    </Anchor>
                  )}
                </Paper>
              );
            })}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
