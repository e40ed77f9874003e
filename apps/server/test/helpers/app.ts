import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '@tillit/core';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import { createMailer, type Mailer, type Mail } from '../../src/platform/mail/mailer.js';
import { makeOrganization, makeUnit, makeUser } from '../../src/seed/factories.js';
import { createTestDatabase, type Template } from './db.js';

export const PASSWORD = 'correct-horse-battery';
/** Time for a test file's setup when it may have to build the demo template first. */
const DEMO_BUDGET_MS = 240_000;

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  url: string;
  /** The same database as a superuser: for tests that play an attacker with full database rights. */
  superuserUrl: string;
  ownerUrl: string;
  config: Config;
  mailer: Mailer;
  /** Mail the app has sent through a recording mailer (tests of real SMTP use the local sink). */
  sent: Mail[];
}

/**
 * Builds the real app on a fresh database for the test file; closed after it. Mail is recorded in
 * `sent`, unless the environment names an SMTP server: then the real mailer sends it, as in production.
 * `env` may be a function, for settings known only once the file's own `beforeAll` has run (a port).
 * `template: 'demo'` starts from a database that already holds Region Exempel.
 */
export function useTestApp(
  opts: { mailer?: Mailer; env?: Record<string, string> | (() => Record<string, string>); template?: Template } = {},
): TestContext {
  const ctx = { sent: [] as Mail[] } as TestContext;
  let drop: () => Promise<void>;
  beforeAll(
    async () => {
      const t = await createTestDatabase(opts.template);
      drop = t.drop;
      ctx.db = t.db;
      ctx.url = t.url;
      ctx.superuserUrl = t.superuserUrl;
      ctx.ownerUrl = t.ownerUrl;
      const env = typeof opts.env === 'function' ? opts.env() : opts.env;
      const config = loadConfig({
        TILLIT_LOG_LEVEL: 'silent',
        TILLIT_DATA_DIR: '/tmp/unused',
        TILLIT_WEB_DIST: '/nonexistent',
        ...env,
      } as NodeJS.ProcessEnv);
      const recording: Mailer = { enabled: true, send: async (m) => void ctx.sent.push(m) };
      const mailer = opts.mailer ?? (config.smtpUrl ? createMailer(config.smtpUrl, config.mailFrom) : recording);
      ctx.config = config;
      ctx.mailer = mailer;
      ctx.app = await buildApp({ config, db: t.db, mailer, logger: false });
      await ctx.app.ready();
      // The first file to ask for the demo seeds it (seconds idle, a minute or more on a loaded machine); the others wait for it.
    },
    opts.template === 'demo' ? DEMO_BUDGET_MS : undefined,
  );
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

let clients = 0;
/** Each signed-in client gets its own address, as separate browsers would, so sign-ins do not share one throttle window. */
const nextAddress = () => {
  clients++;
  return `10.0.${Math.floor(clients / 250)}.${(clients % 250) + 1}`;
};

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: nextAddress() });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tillit_session')!.value;
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return clientWith(app, { cookie: `tillit_session=${cookie}`, 'x-csrf-token': body.csrfToken }, body.user.id);
}

/** A client of an integration, calling with an API token instead of a session. */
export function withToken(app: FastifyInstance, secret: string, userId = ''): Client {
  return clientWith(app, { authorization: `Bearer ${secret}` }, userId);
}

function clientWith(app: FastifyInstance, headers: Record<string, string>, userId: string): Client {
  const request = (o: InjectOptions) => app.inject({ ...o, headers: { ...headers, ...(o.headers ?? {}) } });
  return {
    userId,
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
      const u = await makeUser(trx, org.id, {
        ...(r.email ? { email: r.email } : {}),
        roles: [{ role: r.role, unitId: units[r.unit ?? 'root'].id }],
      });
      users[r.email ?? `${r.role}${r.unit && r.unit !== 'root' ? `@${r.unit}` : ''}`] = { id: u.id, email: u.email };
    }
    return { org, units, users };
  });
}
