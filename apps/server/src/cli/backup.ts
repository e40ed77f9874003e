import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { FORMAT, type Manifest } from './backup-file.js';

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

export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

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

export { restoreDatabase } from './restore.js';
