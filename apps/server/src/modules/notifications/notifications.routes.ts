import {
  idParams,
  notificationList,
  notificationListQuery,
  notificationPreferences,
  readAllResult,
  unreadCount,
  updateNotificationPreferencesBody,
} from '@tillit/core';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'notifications';

export const notificationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/notifications',
    permission: 'authenticated',
    tag,
    summary: 'Mina aviseringar, nyast först, med antal olästa',
    query: notificationListQuery,
    response: notificationList,
    handler: ({ actor, query, services }) => services.notifications.list(actor, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/notifications/unread-count',
    permission: 'authenticated',
    tag,
    summary: 'Antal olästa aviseringar (klockan i sidhuvudet)',
    response: unreadCount,
    handler: ({ actor, services }) => services.notifications.unreadCount(actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    permission: 'authenticated',
    tag,
    summary: 'Markera alla aviseringar som lästa',
    response: readAllResult,
    handler: ({ actor, services }) => services.notifications.markAllRead(actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    permission: 'authenticated',
    tag,
    summary: 'Markera en avisering som läst',
    params: idParams,
    handler: ({ actor, params, services }) => services.notifications.markRead(actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/notifications/preferences',
    permission: 'authenticated',
    tag,
    summary: 'Mina inställningar för aviseringar',
    response: notificationPreferences,
    handler: ({ actor, services }) => services.notifications.preferences(actor),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/notifications/preferences',
    permission: 'authenticated',
    tag,
    summary: 'Ändra inställningar: typer i appen, sammanfattning per e-post',
    body: updateNotificationPreferencesBody,
    response: notificationPreferences,
    handler: ({ actor, body, services }) => services.notifications.updatePreferences(actor, body),
  }),
];
