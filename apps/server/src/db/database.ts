import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { DB } from './types.js';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;

// bigint (int8) comes back as a string by default; counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function createDb(connectionString: string, max = 20): Db {
  const pool = new pg.Pool({ connectionString, max, application_name: 'tillit' });
  // A client can lose its server (restart, failover, crash). The pool listens on idle clients only;
  // a checked-out one between two queries would emit an unhandled 'error' and end the process. The
  // broken client fails its next query and is dropped when released.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Waits until PostgreSQL answers; fails with a clear message after the retries. */
export async function waitForDatabase(connectionString: string, attempts = 20, delayMs = 500): Promise<void> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch (e) {
      lastError = e;
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new DatabaseUnreachableError(
    `Databasen svarar inte efter ${attempts} försök / the database cannot be reached after ${attempts} attempts: ${reason}`,
  );
}

export class DatabaseUnreachableError extends Error {}

/** Creates the database named in the URL when it is missing (used for the embedded server and tests). */
export async function ensureDatabaseExists(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
