// The notification centre (docs/api-notifications.md).
import type { z } from 'zod';
import type {
  notificationList,
  notificationPreferences,
  notificationView,
  NotificationDigest,
  readAllResult,
  unreadCount,
} from '@tillit/core';
import { request } from './client';

export type NotificationView = z.infer<typeof notificationView>;
export type NotificationList = z.infer<typeof notificationList>;
export type NotificationPreferences = z.infer<typeof notificationPreferences>;
export type { NotificationDigest };
export interface UpdateNotificationPreferences {
  digest?: NotificationDigest;
  inApp?: Record<string, boolean>;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (query: { page: number; unread: boolean }) => ['notifications', 'list', query] as const,
  unread: ['notifications', 'unread'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export const notificationsApi = {
  list: (query: { page: number; pageSize?: number; unread?: boolean }) =>
    request<NotificationList>('GET', '/notifications', {
      query: {
        page: String(query.page),
        pageSize: query.pageSize ? String(query.pageSize) : undefined,
        unread: query.unread ? 'true' : undefined,
      },
    }),
  unreadCount: () => request<z.infer<typeof unreadCount>>('GET', '/notifications/unread-count'),
  markRead: (notificationId: string) => request<void>('POST', `/notifications/${encodeURIComponent(notificationId)}/read`),
  markAllRead: () => request<z.infer<typeof readAllResult>>('POST', '/notifications/read-all'),
  preferences: () => request<NotificationPreferences>('GET', '/notifications/preferences'),
  updatePreferences: (body: UpdateNotificationPreferences) =>
    request<NotificationPreferences>('PATCH', '/notifications/preferences', { body }),
};
