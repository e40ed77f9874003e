import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Every list reads its page as an index range (docs/performance.md): one (organization_id, <sort key>, id)
// index per offered sort, the id being the tie-breaker the keyset continues from; trigram indexes so a
// search for a rare word costs what a common one does (no sequential scan of two million audit events).
const indexes: [name: string, definition: string][] = [
  // Audit log: newest first by time (the time window reads its rows from this index, not only its count).
  ['audit_events_org_time_id_idx', 'audit_events (organization_id, occurred_at, id)'],
  ['audit_events_actor_time_idx', 'audit_events (organization_id, actor_user_id, occurred_at, id)'],
  ['audit_events_type_time_idx', 'audit_events (organization_id, entity_type, occurred_at, id)'],
  ['audit_events_action_time_idx', 'audit_events (organization_id, action, occurred_at, id)'],
  ['audit_events_label_trgm_idx', 'audit_events USING gin (entity_label gin_trgm_ops)'],
  ['audit_events_actor_name_trgm_idx', 'audit_events USING gin (actor_name gin_trgm_ops)'],
  // Inventory: one index per offered sort.
  ['assets_org_name_id_idx', 'assets (organization_id, lower(name), id)'],
  ['assets_org_kind_id_idx', 'assets (organization_id, kind, id)'],
  ['assets_org_lifecycle_id_idx', 'assets (organization_id, lifecycle, id)'],
  ['assets_org_supplier_id_idx', 'assets (organization_id, lower(supplier), id)'],
  ['assets_org_external_id_id_idx', 'assets (organization_id, external_id, id)'],
  ['assets_org_updated_id_idx', 'assets (organization_id, updated_at, id)'],
  ['assets_org_review_id_idx', 'assets (organization_id, review_due_at, id)'],
  ['assets_org_unit_id_idx', 'assets (organization_id, unit_id, id)'],
  ['assets_org_level_c_idx', 'assets (organization_id, level_c, id)'],
  ['assets_org_level_i_idx', 'assets (organization_id, level_i, id)'],
  ['assets_org_level_a_idx', 'assets (organization_id, level_a, id)'],
  ['assets_org_level_t_idx', 'assets (organization_id, level_t, id)'],
  ['assets_search_trgm_idx', 'assets USING gin (search_text gin_trgm_ops)'],
  // Classification worklist: latest change first, a plain index read.
  ['classification_versions_org_updated_idx', 'classification_versions (organization_id, updated_at, id)'],
  // Users.
  ['users_org_name_id_idx', 'users (organization_id, name, id)'],
  ['users_org_email_id_idx', 'users (organization_id, email, id)'],
  ['users_org_created_id_idx', 'users (organization_id, created_at, id)'],
  ['users_org_last_login_id_idx', 'users (organization_id, last_login_at, id)'],
  ['users_name_trgm_idx', 'users USING gin (name gin_trgm_ops)'],
  ['users_email_trgm_idx', 'users USING gin (email gin_trgm_ops)'],
];

// Covered by the indexes above (same leading columns, plus the tie-breaker).
const replaced = ['audit_events_time_idx', 'assets_org_name_idx', 'assets_review_idx'];

export async function up(db: Kysely<any>): Promise<void> {
  // Trusted extension: the database owner may create it.
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  for (const [name, definition] of indexes) await sql`CREATE INDEX IF NOT EXISTS ${sql.raw(name)} ON ${sql.raw(definition)}`.execute(db);
  for (const name of replaced) await sql`DROP INDEX IF EXISTS ${sql.raw(name)}`.execute(db);
  for (const table of ['audit_events', 'assets', 'classification_versions', 'users']) await sql`ANALYZE ${sql.raw(table)}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS audit_events_time_idx ON audit_events (organization_id, occurred_at)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS assets_org_name_idx ON assets (organization_id, lower(name))`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS assets_review_idx ON assets (organization_id, review_due_at)`.execute(db);
  for (const [name] of indexes) await sql`DROP INDEX IF EXISTS ${sql.raw(name)}`.execute(db);
}
