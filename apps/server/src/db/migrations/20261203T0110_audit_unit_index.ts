import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Readers below the top unit see only their units' events (audit.repository list: unit_id IN …).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS audit_events_unit_idx ON audit_events (organization_id, unit_id, id DESC) WHERE unit_id IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS audit_events_unit_idx`.execute(db);
}
