import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/database.js';
import { FolderProvider, migrateToLatest } from '../../src/db/migrate.js';
import { enqueueJob, installQueues, startJobRunner, type JobDef } from '../../src/platform/jobs/queue.js';
import { makeOrganization, makeUser } from '../../src/seed/factories.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { PASSWORD } from '../helpers/app.js';
import { withDatabase } from '../setup/global.js';

/**
 * Several Tillit instances on one PostgreSQL, as behind a load balancer: they start together on an
 * empty database (migrations under the advisory lock), share sessions, and run each job once.
 */
const base = inject('databaseUrl');
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `t_inst_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  // Not from the migrated template: the instances must create the schema themselves.
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  return withDatabase(base, name);
}

let servers: RunningServer[] = [];
const origin = (s: RunningServer) => `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;

beforeAll(async () => {
  const url = await emptyDatabase();
  const config = loadConfig({
    DATABASE_URL: url,
    PORT: '0',
    HOST: '127.0.0.1',
    TILLIT_JOBS: 'false',
    TILLIT_LOG_LEVEL: 'silent',
    TILLIT_DEMO: 'false',
    TILLIT_DATA_DIR: path.join(os.tmpdir(), 'tillit-unused'),
    TILLIT_WEB_DIST: '/nonexistent',
  } as NodeJS.ProcessEnv);
  servers = await Promise.all([startServer(config), startServer(config)]);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  const admin = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('several instances on one database', () => {
  it('both start on an empty database at the same time, each migration applied once', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    for (const s of [a, b]) {
      const res = await fetch(`${origin(s)}/readyz`);
      expect(res.status).toBe(200);
    }
    const expected = Object.keys(await new FolderProvider().getMigrations()).sort();
    const applied = await a.database.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect((applied as { name: string }[]).map((r) => r.name).sort()).toEqual(expected);
  });

  it('migrates under the advisory lock: of three racing migrators one applies everything, the other nothing', async () => {
    const url = await emptyDatabase();
    const dbs = [createDb(url, 2), createDb(url, 2), createDb(url, 2)];
    try {
      const results = await Promise.all(dbs.map((db) => migrateToLatest(db)));
      const expected = Object.keys(await new FolderProvider().getMigrations()).sort();
      expect(results.map((r) => r.length).sort((x, y) => x - y)).toEqual([0, 0, expected.length]);
      const locks =
        await sql`SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.execute(
          dbs[0]!,
        );
      expect(locks.rows).toEqual([]);
    } finally {
      await Promise.all(dbs.map((db) => db.destroy()));
    }
  });

  it('accepts a session signed in on one instance on the other (no sticky sessions needed)', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const email = `multi-${randomBytes(3).toString('hex')}@example.org`;
    await a.database.db.transaction().execute(async (trx) => {
      const { org, root } = await makeOrganization(trx);
      await makeUser(trx, org.id, { email, roles: [{ role: 'admin', unitId: root.id }] });
    });
    const login = await fetch(`${origin(a)}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('tillit_session='))!
      .split(';')[0]!;
    const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { id: string } };

    const onB = await fetch(`${origin(b)}/api/v1/auth/session`, { headers: { cookie } });
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: { id: string } }).user.id).toBe(user.id);
    const change = await fetch(`${origin(b)}/api/v1/auth/profile`, {
      method: 'PATCH',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'en' }),
    });
    expect(change.status).toBe(204);
    const onA = await fetch(`${origin(a)}/api/v1/auth/session`, { headers: { cookie } });
    expect(((await onA.json()) as { user: { locale: string } }).user.locale).toBe('en');

    const logout = await fetch(`${origin(b)}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(logout.status).toBe(204);
    expect((await fetch(`${origin(a)}/api/v1/auth/session`, { headers: { cookie } })).status).toBe(401);
  });

  it('runs each job exactly once when four runners on both instances work the queue at the same time', { timeout: 120_000 }, async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const N = 150;
    const kind = `test.robustness.${randomBytes(3).toString('hex')}`;
    const ran: { n: number; by: string }[] = [];
    const def: JobDef<{ by: string }> = {
      name: kind,
      run: async (payload: { n: number }, { by }) => {
        ran.push({ n: payload.n, by });
        await new Promise((r) => setTimeout(r, Math.random() * 3));
      },
    };
    await installQueues(a.database.db, [def]);
    // All 150 in one transaction, as a change and the jobs it causes are (outbox).
    await a.database.db.transaction().execute(async (trx) => {
      for (let n = 0; n < N; n++) await enqueueJob(trx, kind, { n });
    });
    const log = pino({ level: 'silent' });
    const runners = await Promise.all(
      [a, b, a, b].map((s, i) =>
        startJobRunner(s.database.db, s.database.url, [def], { by: i % 2 ? 'B' : 'A' }, log, {
          pollingSeconds: 0.5,
          batchSize: 4,
          schedule: false,
        }),
      ),
    );
    const states = async () =>
      (
        await sql<{ state: string; retry_count: number }>`SELECT state, retry_count FROM pgboss.job WHERE name = ${kind}`.execute(
          b.database.db,
        )
      ).rows;
    try {
      // Budget, not a timing assertion: on a loaded machine this takes longer, never less correct.
      for (let i = 0; i < 180 && !(await states()).every((j) => j.state === 'completed'); i++) await new Promise((r) => setTimeout(r, 500));
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
    expect(ran.length).toBe(N);
    expect(new Set(ran.map((r) => r.n)).size).toBe(N);
    expect(ran.some((r) => r.by === 'A') && ran.some((r) => r.by === 'B')).toBe(true);
    const final = await states();
    expect(final).toHaveLength(N);
    expect(final.every((j) => j.state === 'completed' && j.retry_count === 0)).toBe(true);
  });
});
