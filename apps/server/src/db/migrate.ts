import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const MIGRATIONS_DIR = path.join(here, 'migrations');
const MODULES_DIR = path.join(here, '..', 'modules');
const MIGRATION_FILE = /^\d{8}T\d{4}_.+\.[jt]s$/;
const MIGRATION_LOCK = 74_11_17; // arbitrary, constant: one advisory lock for migrations

/**
 * Every migration file, from db/migrations/ and from each module's own `modules/<m>/migrations/`,
 * as one list in name (timestamp) order: `.ts`, or `.js` in the compiled server (which keeps the
 * same folders). The name alone identifies a migration, wherever its file lies, so a migration may
 * move into its module's folder without running again; two files with one name are refused.
 */
export function migrationFiles(centralDir = MIGRATIONS_DIR, modulesDir = MODULES_DIR): { name: string; file: string }[] {
  const dirs = [centralDir];
  for (const d of fs.readdirSync(modulesDir, { withFileTypes: true })) {
    const dir = path.join(modulesDir, d.name, 'migrations');
    if (d.isDirectory() && fs.existsSync(dir)) dirs.push(dir);
  }
  const byName = new Map<string, string>();
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir).filter((f) => MIGRATION_FILE.test(f))) {
      const name = f.replace(/\.[jt]s$/, '');
      const other = byName.get(name);
      if (other) throw new Error(`migration ${name} exists twice: ${other} and ${path.join(dir, f)}`);
      byName.set(name, path.join(dir, f));
    }
  }
  return [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, file]) => ({ name, file }));
}

export class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const { name, file } of migrationFiles()) out[name] = (await import(pathToFileURL(file).href)) as Migration;
    return out;
  }
}

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that several instances starting at
 * once migrate one after the other instead of racing.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      const migrator = new Migrator({ db: conn, provider: new FolderProvider() });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error;
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

/** Migrations not yet applied (read-only: the runtime role may call it). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = Object.keys(await new FolderProvider().getMigrations());
  const table = await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db);
  if (!table.rows[0]?.t) return all;
  const done = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(done.rows.map((r) => r.name));
  return all.filter((m) => !applied.has(m));
}
