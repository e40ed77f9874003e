import { sql, type Kysely } from 'kysely';

// The header → field guesses of each sheet, computed once when the file is uploaded instead of at
// every view of the import (issue 8 item 6). Imports uploaded before have none; their view computes
// them as before.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE asset_imports ADD COLUMN suggested_mappings jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE asset_imports DROP COLUMN suggested_mappings`.execute(db);
}
