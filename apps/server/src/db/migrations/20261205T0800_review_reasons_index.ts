import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The lists "Ska omprövas (ändrade uppgifter)" (inventory and classification worklist) and the
// notification producer read the few assets with reasons to review; a partial index keeps that a
// read of those rows only, however large the inventory (issue 9, item 5).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS assets_review_reasons_idx ON assets (organization_id, id) WHERE classification_review_reasons IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS assets_review_reasons_idx`.execute(db);
}
