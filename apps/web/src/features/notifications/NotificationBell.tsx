import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useUnreadCount } from './api';

/** The header's bell: the number of unread notifications, and the way to them. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const unread = useUnreadCount().data?.unread ?? 0;
  const label = unread ? t('bellUnread', { count: unread }) : t('bell');
  return (
    <Indicator label={formatNumber(unread)} size={18} disabled={!unread} offset={6} color="red.8" aria-hidden={false}>
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={label}
        title={label}
        data-testid="notification-bell"
      >
        <IconBell size={22} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
