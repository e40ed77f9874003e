import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import type { AuditEventsTable } from '../../db/tables/foundation.js';
import { eventHash, GENESIS_HASH, KEYED, UNKEYED, type ChainVersion } from './hash.js';

/** An event of an organisation's chain and its hash: where a verification starts or what it must meet. */
export interface ChainPoint {
  eventId: number;
  hash: string;
}

export interface VerifyResult {
  organizationId: string;
  ok: boolean;
  /** Events whose hash this run recomputed (after `from`, when given). */
  checked: number;
  firstBrokenId: string | null;
  /** The last event found intact: the chain's head when `ok`, where a new checkpoint may be set. */
  lastIntact: ChainPoint | null;
}

export interface VerifyOptions {
  /**
   * Start after this event (a checkpoint) instead of at the first one. The checkpoint event itself is
   * rehashed and must still carry the checkpoint's hash; events before it are trusted, not read.
   */
  from?: ChainPoint | null;
  /**
   * Events a full walk must pass with exactly these hashes (the checkpoint, receipts kept outside
   * the database), so a cut-off tail or a chain recomputed from some point on shows.
   */
  anchors?: (ChainPoint | null | undefined)[];
}

type EventRow = Selectable<AuditEventsTable>;

export function hashOf(r: EventRow, prevHash: string): string {
  const version: ChainVersion = r.chain_version === UNKEYED ? UNKEYED : KEYED;
  return eventHash(
    prevHash,
    {
      organizationId: r.organization_id,
      occurredAt: r.occurred_at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      entityLabel: r.entity_label,
      unitId: r.unit_id,
      changes: r.changes,
    },
    version,
  );
}

/**
 * Events per batch. Hashing a batch holds the server's one thread: the background receipt walk (every
 * few minutes, the whole chain after a restore or on fresh data) must not make other people's requests
 * wait behind more than one small batch (each batch's query lets waiting requests run).
 */
const BATCH = 1000;

/**
 * Recomputes the hashes of one organisation's chain (all, or after `from`) in batches and reports the
 * first break. Unkeyed events (written before the chain was keyed) are accepted only before the first
 * keyed one: once keyed, an event cannot be downgraded to a hash anyone can recompute.
 */
export async function verifyAuditChain(db: Db | Trx, organizationId: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const { from } = opts;
  const anchors = (opts.anchors ?? []).filter((a): a is ChainPoint => Boolean(a)).sort((a, b) => a.eventId - b.eventId);
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  let keyedSeen = false;
  let lastIntact: ChainPoint | null = null;
  const broken = (id: number | string): VerifyResult => ({ organizationId, ok: false, checked, firstBrokenId: String(id), lastIntact });
  if (from) {
    const r = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', from.eventId)
      .executeTakeFirst();
    // Its content, its own hash and the checkpoint's hash must agree: a rewritten checkpoint event shows.
    if (!r || r.hash !== from.hash || r.hash !== hashOf(r, r.prev_hash)) return broken(from.eventId);
    prev = r.hash;
    lastId = r.id;
    keyedSeen = r.chain_version !== UNKEYED;
    lastIntact = from;
  }
  let next = anchors.findIndex((a) => a.eventId > lastId);
  if (next < 0) next = anchors.length;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    for (const r of rows) {
      // An anchored event that is no longer there: removed (with the chain recomputed around it).
      if (next < anchors.length && r.id > anchors[next]!.eventId) return broken(anchors[next]!.eventId);
      if (r.chain_version === UNKEYED && keyedSeen) return broken(r.id);
      if (r.prev_hash !== prev || r.hash !== hashOf(r, prev)) return broken(r.id);
      while (next < anchors.length && r.id === anchors[next]!.eventId) {
        if (r.hash !== anchors[next]!.hash) return broken(r.id);
        next++;
      }
      keyedSeen ||= r.chain_version !== UNKEYED;
      prev = r.hash;
      checked++;
      lastId = r.id;
      lastIntact = { eventId: r.id, hash: r.hash };
    }
  }
  // The chain ends before an anchor: events at its end were removed.
  if (next < anchors.length) return broken(anchors[next]!.eventId);
  return { organizationId, ok: true, checked, firstBrokenId: null, lastIntact };
}
