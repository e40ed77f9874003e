import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../api';
import { formatDateTime } from '../../lib/format';
import { useMarkRead } from './api';

/** Notifications, newest first; opening one marks it read, and so does its own button. */
export function NotificationList({ items, compact = false }: { items: NotificationView[]; compact?: boolean }) {
  const { t } = useTranslation('notifications');
  const markRead = useMarkRead();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="notification-list">
      {items.map((n) => (
        <li key={n.id}>
          <Paper withBorder={!compact} p={compact ? 0 : 'sm'} radius="md" bg={n.readAt || compact ? undefined : 'tillit.0'}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <div>
                <Text size="xs" c="dimmed">
                  {n.kindLabel} · {formatDateTime(n.createdAt)}
                </Text>
                {n.link ? (
                  <Anchor component={Link} to={n.link} fw={n.readAt ? 400 : 600} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                    {n.title}
                  </Anchor>
                ) : (
                  <Text fw={n.readAt ? 400 : 600}>{n.title}</Text>
                )}
              </div>
              {!compact &&
                (n.readAt ? (
                  <Badge variant="light" color="gray">
                    {t('read')}
                  </Badge>
                ) : (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => markRead.mutate(n.id)}
                    loading={markRead.isPending && markRead.variables === n.id}
                    aria-label={t('markReadOf', { title: n.title })}
                  >
                    {t('markRead')}
                  </Button>
                ))}
            </Group>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}
