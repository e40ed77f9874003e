import { sql, type Kysely } from 'kysely';

// Issue 9 items 9 and 10. An applied import keeps what it did (`undo`: the assets it created, the
// fields it changed with their values before, the processing links it replaced, each asset's
// row_version after the apply) so it can be undone as a whole while nothing else has changed them.
// The organisation's own words for the import's values (e.g. "Regionens datacenter" → on-premises
// hosting) live in `asset_import_words`, one word per field and organisation.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE asset_imports ADD COLUMN undo jsonb, ADD COLUMN undone_at timestamptz, ADD COLUMN undone_by uuid REFERENCES users(id)`.execute(
    db,
  );
  await sql`
    CREATE TABLE asset_import_words (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      field text NOT NULL,
      code text NOT NULL,
      word text NOT NULL,
      -- The word as the check compares it: trimmed, lower case, single spaces.
      normalized text NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      row_version integer NOT NULL DEFAULT 1,
      UNIQUE (organization_id, field, normalized)
    )`.execute(db);
  await sql`CREATE TRIGGER asset_import_words_row_version BEFORE UPDATE ON asset_import_words FOR EACH ROW EXECUTE FUNCTION tillit_bump_row_version()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE asset_import_words`.execute(db);
  await sql`ALTER TABLE asset_imports DROP COLUMN undo, DROP COLUMN undone_at, DROP COLUMN undone_by`.execute(db);
}
