import type { Db, Trx } from '../../db/database.js';
import { mac, sameHex } from './hash.js';
import { verifyAuditChain, type ChainPoint, type VerifyResult } from './verify.js';

export interface Checkpoint {
  eventId: number;
  hash: string;
  verifiedAt: Date;
  verifiedByName: string;
}

export interface CheckpointedResult extends VerifyResult {
  /** The checkpoint an incremental run started from; null for a full walk (or when there was none yet). */
  fromCheckpoint: Checkpoint | null;
}

const checkpointMac = (organizationId: string, eventId: number, hash: string, at: Date) =>
  mac('audit checkpoint', [organizationId, eventId, hash, at.toISOString()]);

/** The organisation's furthest checkpoint (two verifications at once: the further one counts), or `forged` when its tag does not match (written without the key). */
export async function readCheckpoint(db: Db, organizationId: string): Promise<Checkpoint | null | 'forged'> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('event_id', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  const row = rows[0];
  if (!row) return null;
  if (row.mac === null) {
    // Untagged rows come from before the key; once an organisation has a tagged one, an untagged newest row is forged.
    const tagged = await db
      .selectFrom('audit_checkpoints')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('mac', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    if (tagged) return 'forged';
  } else if (!sameHex(row.mac, checkpointMac(organizationId, row.event_id, row.hash, row.verified_at))) {
    return 'forged';
  }
  return { eventId: row.event_id, hash: row.hash, verifiedAt: row.verified_at, verifiedByName: row.verified_by_name };
}

/**
 * Records that the chain was found intact up to `head`, tagged with the audit key. Only for a head that
 * was verified (verifyWithCheckpoint) or hash-chained by the caller itself (the data generator).
 */
export async function recordCheckpoint(
  db: Db | Trx,
  organizationId: string,
  head: ChainPoint,
  by: { userId: string | null; name: string },
): Promise<void> {
  const verifiedAt = new Date();
  await db
    .insertInto('audit_checkpoints')
    .values({
      organization_id: organizationId,
      event_id: head.eventId,
      hash: head.hash,
      verified_at: verifiedAt,
      verified_by: by.userId,
      verified_by_name: by.name,
      mac: checkpointMac(organizationId, head.eventId, head.hash, verifiedAt),
    })
    .execute();
}

export interface VerifyOrganizationOptions {
  /** Walk the whole chain (it must pass the checkpoint) instead of continuing from the checkpoint. */
  full: boolean;
  by: { userId: string | null; name: string };
  /** Chain heads from receipts kept outside the database: a full walk must pass each with its hash. */
  receipts?: ChainPoint[];
}

/**
 * Verifies an organisation's chain and records a new checkpoint at the head when the chain is intact.
 * Incremental (the default): only the checkpoint event and what follows it are rehashed. `full`: the
 * whole chain from the first event, which must also pass the checkpoint and every receipt given.
 * A broken chain leaves the checkpoint where it is: it stays a point the chain must pass. This is the
 * one entry point for the API, the command line and background jobs.
 */
export async function verifyWithCheckpoint(db: Db, organizationId: string, opts: VerifyOrganizationOptions): Promise<CheckpointedResult> {
  const checkpoint = await readCheckpoint(db, organizationId);
  if (checkpoint === 'forged') {
    const row = await db
      .selectFrom('audit_checkpoints')
      .select('event_id')
      .where('organization_id', '=', organizationId)
      .orderBy('event_id', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return { organizationId, ok: false, checked: 0, firstBrokenId: String(row.event_id), lastIntact: null, fromCheckpoint: null };
  }
  const full = opts.full || Boolean(opts.receipts?.length);
  const result = await verifyAuditChain(
    db,
    organizationId,
    full ? { anchors: [checkpoint, ...(opts.receipts ?? [])] } : { from: checkpoint },
  );
  const head = result.lastIntact;
  if (result.ok && head && (!checkpoint || head.eventId > checkpoint.eventId)) await recordCheckpoint(db, organizationId, head, opts.by);
  return { ...result, fromCheckpoint: full ? null : checkpoint };
}
