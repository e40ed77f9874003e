import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startEmbeddedPostgres, StartupError } from '../../src/db/embedded.js';
import { startServer } from '../../src/server.js';
import { createTestDatabase } from '../helpers/db.js';
import { freePort } from '../helpers/ports.js';

const log = pino({ level: 'silent' });
let dir = '';
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tillit-startup-'));
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Holds a port, as another program would. */
async function occupy(port: number, host = '0.0.0.0') {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const env = (extra: Record<string, string>) =>
  ({ TILLIT_LOG_LEVEL: 'silent', TILLIT_WEB_DIST: '/nonexistent', TILLIT_JOBS: 'false', ...extra }) as NodeJS.ProcessEnv;

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({} as NodeJS.ProcessEnv);
    expect(config).toMatchObject({
      port: 3000,
      embeddedDbPort: 5433,
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      sessionIdleMs: 60 * 60_000,
      demo: true,
      jobs: true,
    });
    expect(loadConfig({ TILLIT_PUBLIC_URL: 'https://lis.region.se' } as NodeJS.ProcessEnv).secureCookies).toBe(true);
  });

  it('refuses invalid settings, naming each of them', () => {
    const bad: Record<string, string>[] = [
      { PORT: 'abc' },
      { PORT: '70000' },
      { DATABASE_URL: 'not a url' },
      { TILLIT_SESSION_IDLE_MINUTES: '1' },
      { TILLIT_LOG_LEVEL: 'loud' },
      { TILLIT_DEMO: 'yes' },
    ];
    for (const settings of bad) {
      const name = Object.keys(settings)[0]!;
      expect(() => loadConfig(settings as NodeJS.ProcessEnv), name).toThrow(ConfigError);
      expect(() => loadConfig(settings as NodeJS.ProcessEnv), name).toThrow(new RegExp(`invalid configuration:\\n\\s+${name}: `));
    }
    expect(() => loadConfig({ PORT: 'abc', TILLIT_DB_PORT: '0' } as NodeJS.ProcessEnv)).toThrow(/PORT[\s\S]*TILLIT_DB_PORT/);
  });
});

describe('starting', () => {
  it('starts against a PostgreSQL given by DATABASE_URL, answers, and stops', async () => {
    const server = await startServer(loadConfig(env({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url })));
    try {
      const { port } = server.app.server.address() as net.AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await res.json()).toEqual({ status: 'ready' });
    } finally {
      await server.stop();
    }
  });

  it('refuses when the port is taken, with a message naming the setting', async () => {
    const port = await freePort();
    const holder = await occupy(port);
    try {
      const error = await startServer(loadConfig(env({ PORT: String(port), DATABASE_URL: database.url }))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toMatch(new RegExp(`Port ${port} is in use; set PORT`));
    } finally {
      await holder.close();
    }
  });

  it('refuses when the data folder cannot be written', async () => {
    // Tests run as root, who may write anywhere: a folder below a plain file cannot exist for anyone.
    const file = path.join(dir, 'a-file');
    await fs.writeFile(file, 'not a folder');
    const error = await startEmbeddedPostgres(path.join(file, 'data'), await freePort(), log).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/data folder .*a-file\/data is not writable; .*TILLIT_DATA_DIR/);
  });

  it('refuses when the embedded database’s port is taken', async () => {
    const port = await freePort();
    const holder = await occupy(port, '127.0.0.1');
    try {
      const error = await startEmbeddedPostgres(path.join(dir, 'data'), port, log).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toMatch(/TILLIT_DB_PORT/);
    } finally {
      await holder.close();
    }
  });
});
