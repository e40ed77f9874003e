import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK = 74_11_17; // arbitrary, constant: one advisory lock for migrations

/** Every migration file in migrations/, in name (timestamp) order: `.ts`, or `.js` in the compiled server. */
export class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => /^\d{8}T\d{4}_.+\.[jt]s$/.test(f)).sort();
    const out: Record<string, Migration> = {};
    for (const f of files) {
      out[f.replace(/\.[jt]s$/, '')] = (await import(pathToFileURL(path.join(MIGRATIONS_DIR, f)).href)) as Migration;
    }
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
