import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Issue 8 item 12: an import being applied holds a lease that its server renews (heartbeat). When
// the server or the database dies during apply the lease runs out, and the sweep (at start and every
// minute) marks the import `failed`, so it can be checked and applied again instead of staying
// `applying` forever. Imports already stuck have no lease and are swept at the first start.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE asset_imports ADD COLUMN lease_until timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE asset_imports DROP COLUMN lease_until`.execute(db);
}
