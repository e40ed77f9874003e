import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from '../../api';
import { useAuditLabels } from '../../lib/auditLabels';
import { formatDateTime } from '../../lib/format';

type RecentEvent = DashboardView['recentEvents'][number];

export function RecentEvents({ events }: { events: DashboardView['recentEvents'] }) {
  const { t } = useTranslation('dashboard');
  // Only readers of the audit log get events, and only they may read its vocabulary.
  const { actionLabel, entityTypeLabel } = useAuditLabels(events.length > 0);
  if (!events.length) return <Text c="dimmed">{t('recent.empty')}</Text>;

  // Someone signing in or out is described by the action and the person alone.
  const describe = (e: RecentEvent) =>
    e.entityType === 'session'
      ? actionLabel(e.action)
      : e.entityLabel
        ? t('recent.eventWithLabel', { action: actionLabel(e.action), type: entityTypeLabel(e.entityType), label: e.entityLabel })
        : t('recent.event', { action: actionLabel(e.action), type: entityTypeLabel(e.entityType) });

  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="recent-events">
      {events.map((e, i) => (
        <li key={`${e.occurredAt}-${i}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <div>
              <Text size="sm" fw={600}>
                {describe(e)}
              </Text>
              <Text size="sm" c="dimmed">
                {e.actorName}
              </Text>
            </div>
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
            </Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
