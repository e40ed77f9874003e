import { useState } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useMarkAllRead, useNotifications } from './api';
import { NotificationList } from './NotificationList';
import { NotificationSettings } from './NotificationSettings';

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [page, setPage] = useState(1);
  const [unread, setUnread] = useState(false);
  const list = useNotifications({ page, unread });
  const markAll = useMarkAllRead();

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="xl">
        <section aria-labelledby="notification-list-title">
          <Paper withBorder p="lg" radius="md">
            <Group justify="space-between" mb="md" wrap="wrap">
              <div>
                <Title order={2} size="h3" id="notification-list-title">
                  {t('title')}
                </Title>
                {list.data && (
                  <Text size="sm" c="dimmed" data-testid="unread-summary">
                    {t('unreadSummary', { count: list.data.unread })}
                  </Text>
                )}
              </div>
              <Group gap="sm">
                <SegmentedControl
                  aria-label={t('filter.label')}
                  value={unread ? 'unread' : 'all'}
                  onChange={(v) => {
                    setUnread(v === 'unread');
                    setPage(1);
                  }}
                  data={[
                    { value: 'all', label: t('filter.all') },
                    { value: 'unread', label: t('filter.unread') },
                  ]}
                />
                <Button
                  variant="default"
                  disabled={!list.data?.unread}
                  loading={markAll.isPending}
                  onClick={() => markAll.mutate(undefined, { onSuccess: () => toast.show({ message: t('markedAllRead') }) })}
                >
                  {t('markAllRead')}
                </Button>
              </Group>
            </Group>
            {list.isPending ? (
              <LoadingState />
            ) : list.error ? (
              <ErrorState error={list.error} onRetry={() => void list.refetch()} />
            ) : list.data.items.length === 0 ? (
              <EmptyState title={unread ? t('emptyUnread') : t('empty')}>{t('emptyHint')}</EmptyState>
            ) : (
              <>
                <NotificationList items={list.data.items} />
                <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
              </>
            )}
          </Paper>
        </section>
        <NotificationSettings />
      </Stack>
    </>
  );
}
