import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { Migrator } from 'kysely';
import { createDb } from '../db/database.js';
import { migrateToLatest, FolderProvider } from '../db/migrate.js';
import { StartupError } from '../db/embedded.js';
import { BackupReader, checkBackup, FORMAT, type Manifest } from './backup-file.js';

/*
 * Tillit's own backup format (see backup-file.ts), because the embedded PostgreSQL ships no pg_dump.
 * All tables are read in one REPEATABLE READ transaction, so the copy is consistent while Tillit runs.
 * Memory stays bounded at any size: each table is copied to a temporary file beside the backup first
 * (its header needs the byte length before the data), then streamed through gzip.
 */

async function tablesOf(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const r = await client.query<{ table_name: string; columns: string[] }>(`
    select c.table_name, array_agg(c.column_name::text order by c.ordinal_position) as columns
    from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> 'kysely_migration_lock'
      -- Generated columns can be neither copied in nor need to be: PostgreSQL recomputes them.
      and c.is_generated = 'NEVER'
    group by c.table_name order by c.table_name`);
  return r.rows.map((row) => ({ name: row.table_name, columns: row.columns }));
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function backupDatabase(url: string, file: string): Promise<{ tables: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tmp = `${file}.part`;
  const tableTmp = `${file}.table.part`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name);
    const tables = (await tablesOf(client)).filter((t) => t.name !== 'kysely_migration');
    const manifest: Manifest = { format: FORMAT, createdAt: new Date().toISOString(), migrations, tables };
    let rows = 0;
    async function* sections() {
      yield Buffer.from(JSON.stringify(manifest) + '\n');
      for (const t of tables) {
        const stream = client.query(copyTo(`COPY ${ident(t.name)} (${t.columns.map(ident).join(',')}) TO STDOUT`));
        await pipeline(stream, fs.createWriteStream(tableTmp, { mode: 0o600 }));
        rows += stream.rowCount ?? 0;
        const { size } = await fs.promises.stat(tableTmp);
        yield Buffer.from(JSON.stringify({ table: t.name, bytes: size }) + '\n');
        yield* fs.createReadStream(tableTmp, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>;
      }
    }
    // Owner-only: a backup holds password hashes and every audit event.
    await pipeline(Readable.from(sections(), { objectMode: false }), createGzip(), fs.createWriteStream(tmp, { mode: 0o600 }));
    await client.query('COMMIT');
    await fs.promises.rename(tmp, file);
    return { tables: tables.length, rows };
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  } finally {
    await fs.promises.rm(tableTmp, { force: true });
    await client.end();
  }
}

/**
 * Restores into the database at `url`: the file is checked end to end first (nothing is touched if it
 * is not whole), the schema is rebuilt up to the backup's migration, the data streamed in with
 * triggers off (the audit log's append-only trigger included), then newer migrations run.
 */
export async function restoreDatabase(url: string, file: string, opts: { force: boolean }): Promise<{ tables: number; rows: number }> {
  const manifest = await checkBackup(file);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const hasData = await client.query(`select 1 from information_schema.tables where table_schema='public' and table_name='organizations'`);
    if (hasData.rowCount) {
      const orgs = await client.query('select count(*)::int as n from organizations');
      if (orgs.rows[0].n > 0 && !opts.force) {
        throw new StartupError('Databasen innehåller redan data. Använd --force för att ersätta allt. / The database already holds data; use --force to replace it.');
      }
    }
    // The job queue's schema goes too (waiting jobs are not part of a backup, ADR 0007); migrations rebuild it.
    await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
  const db = createDb(url, 2);
  try {
    const target = manifest.migrations.at(-1);
    if (target) {
      const { error } = await new Migrator({ db, provider: new FolderProvider() }).migrateTo(target);
      if (error) throw error;
    }
  } finally {
    await db.destroy();
  }
  const loader = new pg.Client({ connectionString: url });
  await loader.connect();
  const reader = new BackupReader(file);
  let rows = 0;
  try {
    await reader.manifest();
    await loader.query('BEGIN');
    await loader.query('SET LOCAL session_replication_role = replica');
    for (const t of manifest.tables) {
      const { bytes } = await reader.header(t.name);
      const stream = loader.query(copyFrom(`COPY ${ident(t.name)} (${t.columns.map(ident).join(',')}) FROM STDIN`));
      await pipeline(Readable.from(reader.bytes(bytes), { objectMode: false }), stream);
      rows += stream.rowCount ?? 0;
    }
    // Serial columns continue after the highest restored id.
    const seqs = await loader.query<{ table_name: string; column_name: string; seq: string }>(`
      select c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
      from information_schema.columns c where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`);
    for (const s of seqs.rows) {
      await loader.query(`select setval($1, coalesce((select max(${ident(s.column_name)}) from ${ident(s.table_name)}), 0) + 1, false)`, [s.seq]);
    }
    await loader.query('COMMIT');
  } catch (e) {
    await loader.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    reader.close();
    await loader.end();
  }
  const db2 = createDb(url, 2);
  try {
    await migrateToLatest(db2);
  } finally {
    await db2.destroy();
  }
  return { tables: manifest.tables.length, rows };
}
