import { z } from 'zod';

/** How often a user gets the unread notifications by e-mail. */
export const notificationDigests = ['off', 'daily', 'weekly'] as const;
export const notificationDigest = z.enum(notificationDigests);
export type NotificationDigest = z.infer<typeof notificationDigest>;

/** The text is built on the server in the reader's language, from the kind's template (data). */
export const notificationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const notificationList = z.object({
  items: z.array(notificationView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unread: z.number().int(),
});

export const unreadCount = z.object({ unread: z.number().int() });
export const readAllResult = z.object({ updated: z.number().int() });

export const notificationPreferences = z.object({
  digest: notificationDigest,
  kinds: z.array(z.object({ kind: z.string(), label: z.string(), description: z.string(), inApp: z.boolean() })),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const updateNotificationPreferencesBody = z
  .object({
    digest: notificationDigest.optional(),
    /** Kind → shown in the app or not; kinds not named keep their setting. */
    inApp: z.record(z.string().max(100), z.boolean()).optional(),
  })
  .strict();
