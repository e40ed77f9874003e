import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const MIGRATIONS_DIR = path.join(here, 'migrations');
const MODULES_DIR = path.join(here, '..', 'modules');
const MIGRATION_FILE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})_[a-z0-9_]+\.(ts|js)$/;
const MIGRATION_LOCK = 74_11_17; // arbitrary, constant: one advisory lock for migrations

/** Whether a migration's timestamp is a real date and time (not 00000000T0000, not 20261332T2500). */
function realTimestamp(m: RegExpExecArray): boolean {
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return y >= 2000 && at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && h < 24 && mi < 60;
}

const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
const isFile = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * Every migration file, from db/migrations/ and from each module's own `modules/<m>/migrations/`,
 * as one list in name (timestamp) order: `.ts`, or `.js` in the compiled server (which keeps the
 * same folders). The name alone identifies a migration, wherever its file lies, so a migration may
 * move into its module's folder without running again; two files with one name are refused.
 *
 * Strict, because a migration that is silently skipped is found only in production: any other
 * `.ts`/`.js` file in a migrations folder (a typo in the name, a test, a declaration file, `.mts`)
 * is refused, as is a migrations folder of a folder that is no module (no module.ts beside it).
 * Symbolic links are followed (stat, not the directory entry's own type).
 */
export function migrationFiles(centralDir = MIGRATIONS_DIR, modulesDir = MODULES_DIR): { name: string; file: string }[] {
  const dirs = [centralDir];
  for (const entry of fs.readdirSync(modulesDir).sort()) {
    const moduleDir = path.join(modulesDir, entry);
    const dir = path.join(moduleDir, 'migrations');
    if (!isDir(moduleDir) || !fs.existsSync(dir)) continue;
    if (!isDir(dir)) throw new Error(`${dir} is not a folder`);
    if (!isFile(path.join(moduleDir, 'module.ts')) && !isFile(path.join(moduleDir, 'module.js'))) {
      throw new Error(`${dir}: the folder ${entry} has migrations but no module.ts, so it is no module`);
    }
    dirs.push(dir);
  }
  const byName = new Map<string, string>();
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, f);
      if (f.endsWith('.map') || !isFile(file)) continue;
      const m = MIGRATION_FILE.exec(f);
      if (!m || !realTimestamp(m)) {
        if (/\.[cm]?[jt]sx?$/.test(f))
          throw new Error(`${file}: not a migration name (YYYYMMDDTHHMM_lower_case_name.ts with a real date and time)`);
        continue; // a README or the like
      }
      const name = f.replace(/\.[jt]s$/, '');
      const other = byName.get(name);
      if (other) throw new Error(`migration ${name} exists twice: ${other} and ${file}`);
      byName.set(name, file);
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
