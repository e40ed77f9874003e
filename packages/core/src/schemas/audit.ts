import { z } from 'zod';
import { defineList, listQuery } from './list.js';

/** A code of the audit vocabulary in both languages. */
export const auditLabels = z.object({ sv: z.string(), en: z.string() });

/**
 * The vocabulary the server records events with (declared by each module): the audit filters
 * offer these, and the web shows these labels rather than keeping its own copy.
 */
export const auditVocabularyView = z.object({
  entityTypes: z.array(z.object({ code: z.string(), label: auditLabels })),
  actions: z.array(z.object({ code: z.string(), label: auditLabels })),
});
export type AuditVocabularyView = z.infer<typeof auditVocabularyView>;

/** One changed field as a person reads it: label, and before/after with names instead of ids, labels instead of codes. */
export const auditChangeDisplay = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditChangeDisplay = z.infer<typeof auditChangeDisplay>;

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
  /** As recorded (and hashed): codes and ids. */
  changes: z.record(z.string(), z.object({ before: z.unknown().optional(), after: z.unknown().optional() })).nullable(),
  /** The same event resolved for reading, in the request's language (Accept-Language). */
  display: z.object({
    action: z.string(),
    entityType: z.string(),
    changes: z.array(auditChangeDisplay),
  }),
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

/** Incremental by default: from the last checkpoint on. `full: true` walks the whole chain. A POST: it records a checkpoint. */
export const auditVerifyBody = z
  .object({
    full: z.boolean().default(false),
  })
  .prefault({});

/** A signed head of the chain, to keep outside Tillit and check later with `tillit audit verify --against`. */
export const auditReceipt = z.object({
  kind: z.literal('tillit.audit-receipt'),
  version: z.literal(1),
  organizationId: z.string(),
  eventId: z.string(),
  hash: z.string(),
  at: z.string(),
  publicKey: z.string(),
  signature: z.string(),
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
