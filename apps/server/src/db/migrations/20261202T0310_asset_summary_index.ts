import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Coverage and the inventory's filter facets read every visible asset of an organisation. This narrow
// covering index lets both be an index-only read (assets rows are wide: description, search text)
// instead of a heap scan plus a join per asset (docs/performance.md).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS assets_org_unit_summary_idx ON assets (organization_id, unit_id)
    INCLUDE (kind, lifecycle, approved_at, review_due_at, work_status, special_analysis, supplier, tags, third_countries)`.execute(db);
  await sql`DROP INDEX IF EXISTS assets_org_unit_id_idx`.execute(db);
  await sql`ANALYZE assets`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS assets_org_unit_id_idx ON assets (organization_id, unit_id, id)`.execute(db);
  await sql`DROP INDEX IF EXISTS assets_org_unit_summary_idx`.execute(db);
}
