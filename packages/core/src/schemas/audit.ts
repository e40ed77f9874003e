import { z } from 'zod';
import { defineList, listQuery } from './list.js';

export const auditAction = z.enum(['create', 'update', 'delete', 'move', 'close', 'reopen', 'grant', 'revoke', 'login', 'logout', 'login_failed', 'invite', 'password_change', 'password_reset', 'approve', 'return', 'submit', 'import', 'restore']);
export type AuditAction = z.infer<typeof auditAction>;

export const auditEventView = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  entityLabel: z.string().nullable(),
  unitId: z.uuid().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown().optional(), after: z.unknown().optional() })).nullable(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

/** The log is always newest first (time, then id); search looks in the entity's label and the actor's name. */
export const auditList = defineList({
  name: 'audit-events',
  path: '/api/v1/audit-events',
  sorts: { occurredAt: 'time' },
  defaultSort: '-occurredAt',
  idType: 'bigint',
  search: true,
  filters: {
    actorUserId: z.uuid().optional(),
    entityType: z.string().max(60).optional(),
    entityId: z.string().max(60).optional(),
    action: z.string().max(40).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  },
});
export const auditListQuery = listQuery(auditList);

/** Incremental by default: from the last checkpoint on. `full=true` walks the whole chain. */
export const auditVerifyQuery = z.object({
  full: z.enum(['true', 'false']).prefault('false').transform((v) => v === 'true'),
});

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  /** Events rehashed by this verification: after the checkpoint when it started from one. */
  checked: z.number().int(),
  firstBrokenId: z.string().nullable(),
  /** The checkpoint this verification started from (events up to it were verified earlier); null for a full walk. */
  fromCheckpoint: z
    .object({
      eventId: z.string(),
      verifiedAt: z.string(),
      verifiedByName: z.string(),
    })
    .nullable(),
});
