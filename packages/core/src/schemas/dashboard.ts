import { z } from 'zod';
import { notificationView } from './notifications.js';

/**
 * The start page. Each module contributes a section of figures and the things that await the
 * signed-in user; the server names them in the user's language (the module's own text data), so a
 * new module appears here without the web app knowing it.
 */
export const dashboardFigure = z.object({
  key: z.string(),
  label: z.string(),
  hint: z.string(),
  value: z.number().nullable(),
  format: z.enum(['count', 'percent']),
  /** A path in the web app listing what the figure counts; null when the user may not go there. */
  link: z.string().nullable(),
  /** Whether the figure asks for attention (overdue reviews), so the page can say so. */
  tone: z.enum(['neutral', 'attention']),
});

export const dashboardSection = z.object({
  module: z.string(),
  title: z.string(),
  figures: z.array(dashboardFigure),
});

export const dashboardAwaiting = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  link: z.string().nullable(),
});

export const dashboardView = z.object({
  organizationName: z.string(),
  sections: z.array(dashboardSection),
  awaiting: z.array(dashboardAwaiting),
  notifications: z.object({ unread: z.number().int(), latest: z.array(notificationView) }),
  recentEvents: z.array(
    z.object({
      occurredAt: z.string(),
      actorName: z.string(),
      action: z.string(),
      entityType: z.string(),
      entityLabel: z.string().nullable(),
    }),
  ),
});
