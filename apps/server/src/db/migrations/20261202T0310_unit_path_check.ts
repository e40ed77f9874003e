import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Issue 8 item 11: a unit's path must be its parent's path plus itself. The service serialises tree
// changes (advisory lock per organisation); this check makes any path that still goes wrong fail
// the transaction instead of being stored, so role grants on an ancestor always reach the unit.
// It runs at commit (deferred), after a move's one UPDATE has rewritten the whole sub-tree, and
// checks both the row and its direct children. Existing rows are not checked here:
// `tillit units repair` recomputes old trees from their parent links.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION tillit_check_unit_path() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      own_path uuid[];
      own_parent uuid;
      parent_path uuid[];
    BEGIN
      -- The row as it is at commit, not as this (possibly earlier) statement left it.
      SELECT path, parent_id INTO own_path, own_parent FROM units WHERE id = NEW.id;
      IF NOT FOUND THEN
        RETURN NULL; -- deleted later in the same transaction
      END IF;
      IF own_parent IS NULL THEN
        IF own_path IS DISTINCT FROM ARRAY[NEW.id] THEN
          RAISE EXCEPTION 'unit % path does not match its parent', NEW.id USING ERRCODE = '23514', CONSTRAINT = 'units_path_matches_parent';
        END IF;
      ELSE
        SELECT path INTO parent_path FROM units WHERE id = own_parent;
        IF own_path IS DISTINCT FROM parent_path || NEW.id THEN
          RAISE EXCEPTION 'unit % path does not match its parent', NEW.id USING ERRCODE = '23514', CONSTRAINT = 'units_path_matches_parent';
        END IF;
      END IF;
      IF EXISTS (SELECT 1 FROM units c WHERE c.parent_id = NEW.id AND c.path IS DISTINCT FROM own_path || c.id) THEN
        RAISE EXCEPTION 'a sub-unit of % has a stale path', NEW.id USING ERRCODE = '23514', CONSTRAINT = 'units_path_matches_parent';
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE CONSTRAINT TRIGGER units_path_matches_parent AFTER INSERT OR UPDATE OF path, parent_id ON units
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tillit_check_unit_path()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER units_path_matches_parent ON units`.execute(db);
  await sql`DROP FUNCTION tillit_check_unit_path()`.execute(db);
}
