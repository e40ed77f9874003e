import { sql } from 'kysely';
import type { Actor } from '../access.js';
import type { Trx } from '../../db/database.js';
import { eventHash, GENESIS_HASH, KEYED, type HashedFields } from './hash.js';

export type Changes = Record<string, { before?: unknown; after?: unknown }>;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  entityLabel?: string | null;
  unitId?: string | null;
  /** Either give `changes`, or `before`/`after` snapshots and only the fields that differ are kept. */
  changes?: Changes | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Defaults to the actor's organisation. */
  organizationId?: string;
}

const SECRET_FIELDS = new Set(['password', 'password_hash', 'passwordHash', 'token_hash', 'tokenHash', 'secret']);

export function diff(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): Changes {
  const out: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (SECRET_FIELDS.has(k)) continue;
    const b = normalize(before?.[k]);
    const a = normalize(after?.[k]);
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { ...(before ? { before: b } : {}), ...(after ? { after: a } : {}) };
  }
  return out;
}

function normalize(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  return v === undefined ? null : v;
}

/**
 * Writes one audit event in the caller's transaction. Events are hash-chained per organisation: a
 * transaction-scoped advisory lock on the organisation serialises writers so the chain stays linear.
 */
export async function recordAudit(trx: Trx, actor: Actor, input: AuditInput): Promise<void> {
  const organizationId = input.organizationId ?? actor.organizationId;
  const changes = input.changes ?? (input.before || input.after ? diff(input.before, input.after) : null);
  await sql`select pg_advisory_xact_lock(hashtextextended(${'audit:' + organizationId}, 0))`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select('hash')
    .where('organization_id', '=', organizationId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields: HashedFields = {
    organizationId,
    occurredAt: new Date(),
    actorUserId: actor.userId,
    actorName: actor.name,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    entityLabel: input.entityLabel ?? null,
    unitId: input.unitId ?? null,
    changes: changes && Object.keys(changes).length ? changes : null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_events')
    .values({
      organization_id: organizationId,
      occurred_at: fields.occurredAt,
      actor_user_id: fields.actorUserId,
      actor_name: fields.actorName,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      entity_label: fields.entityLabel,
      unit_id: fields.unitId,
      changes: fields.changes === null ? null : JSON.stringify(fields.changes),
      prev_hash: prevHash,
      chain_version: KEYED,
      hash: eventHash(prevHash, fields, KEYED),
    })
    .execute();
}

// Verification lives in verify.ts; re-exported for the callers that import it from here.
export { verifyAuditChain, type ChainPoint, type VerifyOptions, type VerifyResult } from './verify.js';
