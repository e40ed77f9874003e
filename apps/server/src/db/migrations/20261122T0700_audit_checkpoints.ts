import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Where each organisation's audit chain was last verified (ADR 0002): verification continues from
// there instead of rehashing the whole log (two million events at Region Stor) on every request.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE audit_checkpoints (
      organization_id uuid PRIMARY KEY REFERENCES organizations(id),
      -- No foreign key to audit_events: it would stand in the way of the log's own refusal of TRUNCATE,
      -- and verification checks the event anyway (a missing checkpoint event is a break).
      event_id bigint NOT NULL,
      hash text NOT NULL,
      verified_at timestamptz NOT NULL DEFAULT now(),
      verified_by uuid,
      verified_by_name text NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS audit_checkpoints`.execute(db);
}
