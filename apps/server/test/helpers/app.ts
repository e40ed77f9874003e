import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '@tillit/core';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import type { Mailer, Mail } from '../../src/platform/mail/mailer.js';
import { makeOrganization, makeUnit, makeUser } from '../../src/seed/factories.js';
import { createTestDatabase } from './db.js';

export const PASSWORD = 'correct-horse-battery';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  url: string;
  /** Mail the app has sent through a recording mailer (tests of real SMTP use the local sink). */
  sent: Mail[];
}

/** Builds the real app on a fresh database for the test file; closed after it. */
export function useTestApp(opts: { mailer?: Mailer; env?: Record<string, string> } = {}): TestContext {
  const ctx = { sent: [] as Mail[] } as TestContext;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestDatabase();
    drop = t.drop;
    ctx.db = t.db;
    ctx.url = t.url;
    const config = loadConfig({ TILLIT_LOG_LEVEL: 'silent', TILLIT_DATA_DIR: '/tmp/unused', TILLIT_WEB_DIST: '/nonexistent', ...opts.env } as NodeJS.ProcessEnv);
    const mailer: Mailer = opts.mailer ?? { enabled: true, send: async (m) => void ctx.sent.push(m) };
    ctx.app = await buildApp({ config, db: t.db, mailer, logger: false });
    await ctx.app.ready();
  });
  afterAll(async () => {
    await ctx.app?.close();
    await drop?.();
  });
  return ctx;
}

/** A signed-in client: keeps the cookie and sends the CSRF token, like the web app does. */
export interface Client {
  userId: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tillit_session')!.value;
  const body = res.json() as { csrfToken: string; user: { id: string } };
  const request = (o: InjectOptions) =>
    app.inject({ ...o, headers: { cookie: `tillit_session=${cookie}`, 'x-csrf-token': body.csrfToken, ...(o.headers ?? {}) } });
  return {
    userId: body.user.id,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, ...(payload !== undefined ? { payload: payload as object } : {}) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    del: (url) => request({ method: 'DELETE', url }),
  };
}

/** An organisation with a root, two sub-units and one signed-up user per given role (on the root unless said). */
export async function seedOrg(db: Db, roles: { role: Role; unit?: 'root' | 'a' | 'b'; email?: string }[] = [{ role: 'admin' }]) {
  return db.transaction().execute(async (trx) => {
    const { org, root } = await makeOrganization(trx);
    const a = await makeUnit(trx, root, { name: 'Förvaltning A', kind: 'administration' });
    const b = await makeUnit(trx, root, { name: 'Förvaltning B', kind: 'administration' });
    const units = { root, a, b };
    const users: Record<string, { id: string; email: string }> = {};
    for (const r of roles) {
      const u = await makeUser(trx, org.id, { ...(r.email ? { email: r.email } : {}), roles: [{ role: r.role, unitId: units[r.unit ?? 'root'].id }] });
      users[r.email ?? `${r.role}${r.unit && r.unit !== 'root' ? `@${r.unit}` : ''}`] = { id: u.id, email: u.email };
    }
    return { org, units, users };
  });
}
