import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The classification list's search (classifications.repository: a.name ilike '%…%') finds the assets
// whose name has the word through this index and then their versions, instead of walking every version
// newest first and probing its asset (a rare word read 7 800 versions at Region Stor; issue 15).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS assets_name_trgm_idx ON assets USING gin (name gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS assets_name_trgm_idx`.execute(db);
}
