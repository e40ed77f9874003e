import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { Db } from '../../../src/db/database.js';
import type { Mail } from '../../../src/platform/mail/mailer.js';
import { loggerOptions } from '../../../src/platform/logger.js';
import { insertSession } from '../../../src/modules/auth/auth.repository.js';
import { newSecret, sha256 } from '../../../src/platform/auth/secrets.js';
import { createTestDatabase } from '../../helpers/db.js';

export interface LogEntry {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface RobustApp {
  app: FastifyInstance;
  db: Db;
  /** Every log line the app wrote at level warn or above, parsed. */
  log: LogEntry[];
  sent: Mail[];
}

/**
 * The real app on a fresh database, logging through the production logger options into an array,
 * so tests can assert that nothing was logged as an unhandled error (level >= 50).
 */
export function useRobustApp(env: Record<string, string> = {}): RobustApp {
  const ctx = { log: [] as LogEntry[], sent: [] as Mail[] } as RobustApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestDatabase();
    drop = t.drop;
    ctx.db = t.db;
    const config = loadConfig({
      TILLIT_LOG_LEVEL: 'warn',
      TILLIT_DATA_DIR: '/tmp/unused',
      TILLIT_WEB_DIST: '/nonexistent',
      ...env,
    } as NodeJS.ProcessEnv);
    const stream = { write: (line: string) => void ctx.log.push(JSON.parse(line) as LogEntry) };
    ctx.app = await buildApp({
      config,
      db: t.db,
      mailer: { enabled: true, send: async (m) => void ctx.sent.push(m) },
      logger: { ...loggerOptions('warn'), stream },
    });
    await ctx.app.ready();
  });
  afterAll(async () => {
    await ctx.app?.close();
    await drop?.();
  });
  return ctx;
}

export const errorsLogged = (log: LogEntry[], from = 0) => log.slice(from).filter((e) => e.level >= 50);

/** A session minted straight in the database: no password hashing, no sign-in throttle. */
export interface Session {
  userId: string;
  cookie: string;
  csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function mintSession(app: FastifyInstance, db: Db, userId: string): Promise<Session> {
  const cookie = newSecret();
  const csrf = newSecret();
  await insertSession(db, { id: sha256(cookie), user_id: userId, csrf_token: csrf, expires_at: new Date(Date.now() + 3_600_000) });
  return {
    userId,
    cookie,
    csrf,
    // Changes of versioned objects need If-Match (428 without it); these tests are about access, so `*`.
    request: (o) =>
      app.inject({
        ...o,
        headers: {
          cookie: `tillit_session=${cookie}`,
          'x-csrf-token': csrf,
          ...(o.method === 'PATCH' || o.method === 'PUT' ? { 'if-match': '*' } : {}),
          ...(o.headers ?? {}),
        },
      }),
  };
}

/**
 * The one error shape, exactly: `{ error: { code, message, details? } }` with a non-empty code and
 * message, as JSON. Returns a reason when the body is anything else, so callers can report it.
 */
export function errorShapeProblem(res: LightMyRequestResponse): string | null {
  if (!/^application\/json/.test(String(res.headers['content-type'] ?? ''))) return `content-type ${String(res.headers['content-type'])}`;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return 'body is not JSON';
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object';
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'error') return `top-level keys ${JSON.stringify(keys)}`;
  const error = (body as { error: unknown }).error;
  if (!error || typeof error !== 'object' || Array.isArray(error)) return 'error is not an object';
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'details'].includes(k));
  if (extra.length) return `unexpected keys in error: ${extra.join(', ')}`;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !code) return 'error.code missing';
  if (typeof message !== 'string' || !message.trim()) return 'error.message missing or empty';
  return null;
}

export const errorCode = (res: LightMyRequestResponse): string | undefined => {
  try {
    return (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

/** Shortened text of a value for failure messages (huge fuzz strings would drown the report). */
export function brief(value: unknown, max = 300): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (s === undefined) return String(value);
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}
