import { z } from 'zod';

export const dashboardView = z.object({
  organizationName: z.string(),
  counts: z.object({
    units: z.number().int(),
    users: z.number().int(),
    activeUsers: z.number().int(),
    auditEvents30d: z.number().int(),
  }),
  recentEvents: z.array(z.object({ occurredAt: z.string(), actorName: z.string(), action: z.string(), entityType: z.string(), entityLabel: z.string().nullable() })),
});
