import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
//
// The keyed audit chain (ADR 0002). From here on every event's hash is an HMAC with the audit key,
// which is kept outside the database (data folder or TILLIT_AUDIT_KEY); `chain_version` says how each
// event was hashed: 1 = plain SHA-256 (every event written before this migration, left as it is),
// 2 = keyed. New rows default to 2, and a version-1 event after a version-2 one is a break.
//
// What verification then detects, and what not:
// - an event changed, inserted or removed inside the chain, by anyone without the key: detected
//   (its keyed hash, or the next event's link, no longer matches);
// - the chain rewritten from some event on by someone WITH the key, or its tail removed: detected by
//   `tillit audit verify --against <receipts>` for every event up to the newest receipt held outside
//   the database; events after that receipt can be removed without trace;
// - the checkpoint moved: a checkpoint row is tagged with the key, so a forged one is a break; deleting
//   the newest checkpoint rows (moving it back) is seen only against the receipts;
// - unkeyed events (version 1) are protected by the first keyed event after them (its hash covers
//   their hashes); a chain rewritten entirely as version 1 is seen only against receipts.
// Checkpoints become a history: one row per verification, INSERT only, so the runtime role needs no
// UPDATE on them.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE audit_events ADD COLUMN chain_version smallint NOT NULL DEFAULT 1`.execute(db);
  await sql`ALTER TABLE audit_events ALTER COLUMN chain_version SET DEFAULT 2`.execute(db);
  await sql`ALTER TABLE audit_events ADD CONSTRAINT audit_events_chain_version_check CHECK (chain_version IN (1, 2))`.execute(db);
  await sql`ALTER TABLE audit_checkpoints DROP CONSTRAINT audit_checkpoints_pkey`.execute(db);
  await sql`ALTER TABLE audit_checkpoints ADD COLUMN id bigserial PRIMARY KEY`.execute(db);
  // Null for checkpoints set before the key existed; accepted only while an organisation has no tagged one.
  await sql`ALTER TABLE audit_checkpoints ADD COLUMN mac text`.execute(db);
  await sql`CREATE INDEX audit_checkpoints_org_idx ON audit_checkpoints (organization_id, event_id DESC, id DESC)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The keyed audit chain cannot be reversed: keyed hashes would no longer verify.');
}
