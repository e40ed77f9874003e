import { sql, type Selectable } from 'kysely';
import type { Actor } from '../access.js';
import type { Trx } from '../../db/database.js';
import type { AuditEventsTable } from '../../db/tables/foundation.js';
import { eventHash, GENESIS_HASH, KEYED, type HashedFields } from './hash.js';
import { assertKnownAuditEvent, type AuditAction, type AuditEntityType } from './vocabulary.js';

export type Changes = Record<string, { before?: unknown; after?: unknown }>;

export interface AuditInput {
  /** From the audit vocabulary (platform/audit/vocabulary.ts and the modules' `<m>.audit.ts`). */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  entityLabel?: string | null;
  unitId?: string | null;
  /**
   * Either give `changes`, or `before`/`after` snapshots and only the fields that differ are kept.
   * With both snapshots and no field differing, nothing happened and no event is written.
   */
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

/** The changes an input records, or `null` for a save that changed nothing (no event then). */
function changesOf(input: AuditInput): { changes: Changes | null } | null {
  if (input.changes) return { changes: Object.keys(input.changes).length ? input.changes : null };
  if (input.before && input.after) {
    const d = diff(input.before, input.after);
    return Object.keys(d).length ? { changes: d } : null;
  }
  if (input.before || input.after) {
    const d = diff(input.before, input.after);
    return { changes: Object.keys(d).length ? d : null };
  }
  return { changes: null };
}

const INSERT_BATCH = 5000;

type EventInsert = Omit<Selectable<AuditEventsTable>, 'id' | 'changes'> & { changes: string | null };

/**
 * Many events in one statement with a dozen array parameters (not a dozen per row), inserted in the
 * order given so the ids follow the chain.
 */
async function insertMany(trx: Trx, rows: EventInsert[]): Promise<void> {
  const col = <K extends keyof EventInsert>(k: K) => sql.val(rows.map((r) => r[k]));
  await sql`
    insert into audit_events (organization_id, occurred_at, actor_user_id, actor_name, action, entity_type, entity_id, entity_label, unit_id, changes, prev_hash, hash)
    select organization_id, occurred_at, actor_user_id, actor_name, action, entity_type, entity_id, entity_label, unit_id, changes, prev_hash, hash
    from unnest(${col('organization_id')}::uuid[], ${sql.val(rows.map((r) => r.occurred_at.toISOString()))}::timestamptz[], ${col('actor_user_id')}::uuid[],
                ${col('actor_name')}::text[], ${col('action')}::text[], ${col('entity_type')}::text[], ${col('entity_id')}::text[], ${col('entity_label')}::text[],
                ${col('unit_id')}::uuid[], ${col('changes')}::jsonb[], ${col('prev_hash')}::text[], ${col('hash')}::text[])
      with ordinality as e(organization_id, occurred_at, actor_user_id, actor_name, action, entity_type, entity_id, entity_label, unit_id, changes, prev_hash, hash, n)
    order by n`.execute(trx);
}

/**
 * Writes one audit event in the caller's transaction. Events are hash-chained per organisation: a
 * transaction-scoped advisory lock on the organisation serialises writers so the chain stays linear.
 * Returns whether an event was written (not for a save that changed nothing).
 */
export async function recordAudit(trx: Trx, actor: Actor, input: AuditInput): Promise<boolean> {
  return (await recordAudits(trx, actor, [input])) > 0;
}

/**
 * Writes many events of one actor in the caller's transaction, chained in the order given, with one
 * lock, one read of the chain's head and multi-row inserts (an import writes thousands). Returns the
 * number written.
 */
export async function recordAudits(trx: Trx, actor: Actor, inputs: AuditInput[]): Promise<number> {
  const byOrg = new Map<string, { input: AuditInput; changes: Changes | null }[]>();
  for (const input of inputs) {
    assertKnownAuditEvent(input.action, input.entityType);
    const c = changesOf(input);
    if (!c) continue;
    const organizationId = input.organizationId ?? actor.organizationId;
    const list = byOrg.get(organizationId) ?? [];
    if (!list.length) byOrg.set(organizationId, list);
    list.push({ input, changes: c.changes });
  }
  let written = 0;
  for (const [organizationId, events] of byOrg) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${'audit:' + organizationId}, 0))`.execute(trx);
    const last = await trx
      .selectFrom('audit_events')
      .select('hash')
      .where('organization_id', '=', organizationId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    let prevHash = last?.hash ?? GENESIS_HASH;
    const occurredAt = new Date();
    const rows: EventInsert[] = events.map(({ input, changes }) => {
      const fields: HashedFields = {
        organizationId,
        occurredAt,
        actorUserId: actor.userId,
        actorName: actor.name,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId ?? null,
        entityLabel: input.entityLabel ?? null,
        unitId: input.unitId ?? null,
        changes,
      };
      const hash = eventHash(prevHash, fields, KEYED);
      const row = {
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
        hash,
      };
      prevHash = hash;
      return row;
    });
    if (rows.length === 1) await trx.insertInto('audit_events').values(rows[0]!).execute();
    else for (let i = 0; i < rows.length; i += INSERT_BATCH) await insertMany(trx, rows.slice(i, i + INSERT_BATCH));
    written += rows.length;
  }
  return written;
}

// Verification lives in verify.ts; re-exported for the callers that import it from here.
export { verifyAuditChain, type ChainPoint, type VerifyOptions, type VerifyResult } from './verify.js';
