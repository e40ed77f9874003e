import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Optimistic concurrency (issue 8 item 10, docs/ARCHITECTURE.md "Concurrent edits"): every row a
// person edits carries `row_version`, raised by the database on each UPDATE that changes what the
// editor sees, so no code path can forget it. The API returns it as the ETag and requires it back
// in If-Match; a stale version answers 412 instead of silently overwriting someone else's change.
// The trigger's arguments are the columns whose change does NOT count as an edit: bookkeeping the
// server writes by itself (sign-in counters, stored derivations, the path a parent's move rewrites),
// so such writes never make an open form stale.
const versioned: Record<string, string[]> = {
  organizations: [],
  units: ['path'],
  users: ['failed_login_count', 'locked_until', 'last_login_at', 'password_hash', 'must_change_password', 'locale'],
  information_types: [],
  assets: ['current_version_id', 'open_version_id', 'approved_at', 'review_due_at', 'search_text'],
  asset_integrations: [],
  classification_versions: [],
};

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION tillit_bump_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (to_jsonb(NEW) - coalesce(TG_ARGV, '{}') - 'updated_at' - 'row_version') IS DISTINCT FROM (to_jsonb(OLD) - coalesce(TG_ARGV, '{}') - 'updated_at' - 'row_version') THEN
        NEW.row_version := OLD.row_version + 1;
      ELSE
        NEW.row_version := OLD.row_version;
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  for (const [table, ignored] of Object.entries(versioned)) {
    const args = ignored.map((c) => `'${c}'`).join(', ');
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN row_version integer NOT NULL DEFAULT 1`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_row_version`)} BEFORE UPDATE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION tillit_bump_row_version(${sql.raw(args)})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(versioned)) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_row_version`)} ON ${sql.table(table)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN row_version`.execute(db);
  }
  await sql`DROP FUNCTION tillit_bump_row_version()`.execute(db);
}
