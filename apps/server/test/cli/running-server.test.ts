import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import demo from '../../src/seed/data/region-exempel.json' with { type: 'json' };
import {
  freePort,
  postmasterPid,
  repoRoot,
  spawnServer,
  stopServer,
  waitReady,
  type ServerProcess,
} from '../../bench/support/server-process.js';
import { startWriteLoad } from '../../bench/support/write-load.js';

/**
 * `tillit backup` and `tillit audit verify` next to a running embedded installation: they must use the
 * server's PostgreSQL (found through the data folder), never stop or restart it, and the server keeps
 * answering every request meanwhile.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-running-'));
let server: ServerProcess | null = null;

afterAll(async () => {
  if (server) await stopServer(server, 20_000);
  // Never leave a PostgreSQL on a folder about to be removed.
  const pid = postmasterPid(dataDir);
  if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function cli(args: string[], dbPort: number): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/server/src/cli/main.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, TILLIT_DATA_DIR: dataDir, TILLIT_DB_PORT: String(dbPort), TILLIT_LOG_LEVEL: 'warn' },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

it('backs up and verifies through the running server’s database, with no failed request', async () => {
  const port = await freePort();
  const dbPort = await freePort();
  server = spawnServer({ dataDir, port, dbPort, env: { TILLIT_DEMO: 'true', TILLIT_AUDIT_RECEIPT_MINUTES: '0.05' } });
  await waitReady(server, performance.now(), 150_000);
  const base = server.baseUrl;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@exempel.se', password: demo.password }),
  });
  expect(login.status).toBe(200);
  const session = {
    cookie: login.headers
      .getSetCookie()
      .find((c) => c.startsWith('tillit_session='))!
      .split(';')[0]!,
    csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
  };
  const units = (await (await fetch(`${base}/api/v1/units`, { headers: { cookie: session.cookie } })).json()) as {
    id: string;
    parentId: string | null;
  }[];
  const root = units.find((u) => !u.parentId)!;

  const postmaster = postmasterPid(dataDir);
  expect(postmaster).not.toBeNull();
  const writes = startWriteLoad({ baseUrl: () => base, session: () => session, parentId: root.id, prefix: 'medan', writers: 2 });
  const statuses = new Map<number, number>();
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const r = await fetch(`${base}/api/v1/units`, { headers: { cookie: session.cookie } }).catch(() => null);
      statuses.set(r?.status ?? 0, (statuses.get(r?.status ?? 0) ?? 0) + 1);
    }
  })();
  try {
    const file = path.join(dataDir, 'medan.tillit-backup');
    const backup = await cli(['backup', file], dbPort);
    expect(backup.code, backup.out).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const verify = await cli(['audit', 'verify'], dbPort);
    expect(verify.code, verify.out).toBe(0);
    expect(verify.out).toMatch(/^OK {5}Region Exempel: \d+ händelser kontrollerade$/m);
    // The server's own receipts, written every few seconds, check out against its chain.
    const receipts = path.join(dataDir, 'audit-receipts.jsonl');
    await expect.poll(() => fs.existsSync(receipts), { timeout: 30_000 }).toBe(true);
    const against = await cli(['audit', 'verify', '--against', receipts], dbPort);
    expect(against.code, against.out).toBe(0);
    expect(against.out).toMatch(/^OK {5}Region Exempel: .*, \d+ kvitton$/m);
  } finally {
    reading = false;
    await reader;
    await writes.stop();
  }
  // The same PostgreSQL throughout, the server never lost it, and no request failed.
  expect(postmasterPid(dataDir)).toBe(postmaster);
  expect(server.child.exitCode, server.output()).toBeNull();
  expect(writes.acked.length).toBeGreaterThan(0);
  expect(writes.failures, server.output()).toBe(0);
  expect([...statuses.keys()]).toEqual([200]);
}, 300_000);
