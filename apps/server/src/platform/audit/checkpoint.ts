import type { Db } from '../../db/database.js';
import { verifyAuditChain, type VerifyResult } from './audit.js';

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

export async function readCheckpoint(db: Db, organizationId: string): Promise<Checkpoint | null> {
  const row = await db.selectFrom('audit_checkpoints').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  return row ? { eventId: row.event_id, hash: row.hash, verifiedAt: row.verified_at, verifiedByName: row.verified_by_name } : null;
}

/**
 * Verifies an organisation's chain and moves its checkpoint to the head when the chain is intact.
 * Incremental (the default): only the checkpoint event and what follows it are rehashed. `full`: the
 * whole chain from the first event, which must also pass the checkpoint with its recorded hash.
 * A broken chain leaves the checkpoint where it is: it stays a point the chain must pass.
 */
export async function verifyWithCheckpoint(
  db: Db,
  organizationId: string,
  opts: { full: boolean; by: { userId: string | null; name: string } },
): Promise<CheckpointedResult> {
  const checkpoint = await readCheckpoint(db, organizationId);
  const result = await verifyAuditChain(db, organizationId, opts.full ? { anchor: checkpoint } : { from: checkpoint });
  const head = result.lastIntact;
  if (result.ok && head && (!checkpoint || head.eventId > checkpoint.eventId)) {
    await db
      .insertInto('audit_checkpoints')
      .values({
        organization_id: organizationId,
        event_id: head.eventId,
        hash: head.hash,
        verified_at: new Date(),
        verified_by: opts.by.userId,
        verified_by_name: opts.by.name,
      })
      .onConflict((oc) =>
        oc
          .column('organization_id')
          .doUpdateSet((eb) => ({
            event_id: eb.ref('excluded.event_id'),
            hash: eb.ref('excluded.hash'),
            verified_at: eb.ref('excluded.verified_at'),
            verified_by: eb.ref('excluded.verified_by'),
            verified_by_name: eb.ref('excluded.verified_by_name'),
          }))
          // Two verifications at once: the checkpoint only ever moves forward.
          .where('audit_checkpoints.event_id', '<', head.eventId),
      )
      .execute();
  }
  return { ...result, fromCheckpoint: opts.full ? null : checkpoint };
}
