import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { DB } from './types.js';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;

// bigint (int8) comes back as a string by default; counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export interface PoolOptions {
  max?: number;
  /** Waiting for a connection (new or from the pool) longer than this fails the request (503). */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL cancels a statement running longer than this; the client gives up a little later
   * still (a hung or stopped server answers nothing, not even the cancellation). 0: no limit
   * (migrations, backup, restore).
   */
  statementTimeoutMs?: number;
  idleTimeoutMs?: number;
}

export const DEFAULT_POOL: Required<PoolOptions> = { max: 20, connectTimeoutMs: 5_000, statementTimeoutMs: 30_000, idleTimeoutMs: 30_000 };

export function createDb(connectionString: string, maxOrOptions: number | PoolOptions = {}): Db {
  const o = { ...DEFAULT_POOL, ...(typeof maxOrOptions === 'number' ? { max: maxOrOptions } : maxOrOptions) };
  const pool = new pg.Pool({
    connectionString,
    max: o.max,
    application_name: 'tillit',
    connectionTimeoutMillis: o.connectTimeoutMs,
    idleTimeoutMillis: o.idleTimeoutMs,
    keepAlive: true,
    ...(o.statementTimeoutMs
      ? {
          statement_timeout: o.statementTimeoutMs,
          // Locks wait no longer than a statement may run; a transaction left idle is ended.
          lock_timeout: o.statementTimeoutMs,
          idle_in_transaction_session_timeout: o.statementTimeoutMs * 2,
          query_timeout: o.statementTimeoutMs + 5_000,
        }
      : {}),
  });
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
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch (e) {
      lastError = e;
      await client.end().catch(() => undefined);
      // A wrong password or a missing database will not heal by waiting.
      if (['28P01', '28000', '3D000'].includes((e as { code?: string }).code ?? '')) break;
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
  throw new DatabaseUnreachableError(
    `Databasen svarar inte / the database cannot be reached (${new URL(connectionString).host}): ${causeOf(lastError)}`,
  );
}

export class DatabaseUnreachableError extends Error {}

/** A readable cause: the message, else the code, else what was thrown — never "undefined". */
export function causeOf(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length) return e.errors.map(causeOf).join('; ');
  if (e instanceof Error) return e.message || (e as { code?: string }).code || e.name;
  return e === undefined || e === null ? 'no reason given' : String(e);
}

const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '53300', // too_many_connections
  '53100', // disk_full
  '53200', // out_of_memory
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Whether an error means the database cannot serve right now (down, restarting, hung, overloaded),
 * as opposed to a fault of the request or the code: answered 503 with Retry-After, not 500.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const code = (e as { code?: string }).code;
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = (e as { message?: string }).message ?? '';
  if (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection ended|the database system is (starting up|shutting down|in recovery mode)/i.test(
      message,
    )
  )
    return true;
  return e instanceof AggregateError && e.errors.some(isDatabaseUnavailable);
}
