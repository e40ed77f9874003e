import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The inventory sorts by unit name. A key in another table cannot be served by an index on assets, so
// every page sorted by unit joined and sorted all visible assets (≈ 0.2 s at Region Stor). The unit's
// lower-cased name is kept on the asset by triggers (set on insert or move, carried on a rename), so the
// sort is an index range like every other (docs/performance.md).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE assets ADD COLUMN IF NOT EXISTS unit_sort_key text`.execute(db);
  await sql`UPDATE assets a SET unit_sort_key = lower(u.name) FROM units u WHERE u.id = a.unit_id`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION assets_set_unit_sort_key() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.unit_sort_key := (SELECT lower(name) FROM units WHERE id = NEW.unit_id);
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER assets_unit_sort_key BEFORE INSERT OR UPDATE OF unit_id ON assets
    FOR EACH ROW EXECUTE FUNCTION assets_set_unit_sort_key()`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION units_carry_sort_key() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.name IS DISTINCT FROM OLD.name THEN
        UPDATE assets SET unit_sort_key = lower(NEW.name) WHERE unit_id = NEW.id;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER units_carry_sort_key AFTER UPDATE OF name ON units
    FOR EACH ROW EXECUTE FUNCTION units_carry_sort_key()`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS assets_org_unit_key_idx ON assets (organization_id, unit_sort_key, id)`.execute(db);
  await sql`ANALYZE assets`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS units_carry_sort_key ON units`.execute(db);
  await sql`DROP TRIGGER IF EXISTS assets_unit_sort_key ON assets`.execute(db);
  await sql`DROP FUNCTION IF EXISTS units_carry_sort_key()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS assets_set_unit_sort_key()`.execute(db);
  await sql`ALTER TABLE assets DROP COLUMN IF EXISTS unit_sort_key`.execute(db);
}
