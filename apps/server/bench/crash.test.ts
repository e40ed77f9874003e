import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import demo from '../src/seed/data/region-exempel.json' with { type: 'json' };
import { embeddedUrls } from '../src/db/embedded.js';
import { createRandom } from '../src/seed/generator/random.js';
import { freePort, postmasterPid, repoRoot, spawnServer, stopServer, waitReady, type ServerProcess } from './support/server-process.js';
import { startWriteLoad, type WriteLoad } from './support/write-load.js';

/**
 * Crash safety: a real server under concurrent writes through the API is killed with SIGKILL at
 * random (seeded) moments — the node process in some rounds, its embedded PostgreSQL in others.
 * After every crash the server must come back, every write the API acknowledged must be there,
 * intact and with its audit event, and the audit chain must still verify.
 *
 *   CRASH_SEED=<n>   replay a run (the seed is printed)
 *   CRASH_KILLS=<n>  number of kills (default 24, at least 20)
 */
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 1e9));
const kills = Math.max(20, Number(process.env.CRASH_KILLS ?? 24));
const rng = createRandom(seed, 'crash');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-crash-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => console.log(`[crash ${new Date().toISOString().slice(11, 19)}] ${msg}`);

let server: ServerProcess | null = null;
let load: WriteLoad | null = null;

afterAll(async () => {
  await load?.stop();
  if (server) await stopServer(server, 20_000);
  if (process.env.CRASH_KEEP_DATA) log(`data kept in ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(baseUrl: string) {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@exempel.se', password: demo.password }),
  });
  expect(r.status, await r.clone().text()).toBe(200);
  const body = (await r.json()) as { csrfToken: string };
  return {
    cookie: r.headers
      .getSetCookie()
      .find((c) => c.startsWith('tillit_session='))!
      .split(';')[0]!,
    csrf: body.csrfToken,
  };
}

/** Every acknowledged unit exists unchanged and has its "create" audit event. */
async function checkAcknowledged(dbPort: number, acked: WriteLoad['acked']) {
  const client = new pg.Client({ connectionString: embeddedUrls(dataDir, dbPort).runtime });
  await client.connect();
  try {
    const ids = acked.map((a) => a.id);
    const units = await client.query<{ id: string; name: string; parent_id: string; kind: string }>(
      'select id, name, parent_id, kind from units where id = any($1::uuid[])',
      [ids],
    );
    const events = await client.query<{ entity_id: string }>(
      `select entity_id from audit_events where entity_type = 'unit' and action = 'create' and entity_id = any($1::text[])`,
      [ids],
    );
    const found = new Map(units.rows.map((u) => [u.id, u]));
    const audited = new Set(events.rows.map((e) => e.entity_id));
    const lost = acked.filter((a) => {
      const u = found.get(a.id);
      return !u || u.name !== a.name || u.parent_id !== a.parentId || u.kind !== 'unit' || !audited.has(a.id);
    });
    return lost;
  } finally {
    await client.end();
  }
}

async function verifyChainByApi(baseUrl: string, session: { cookie: string }) {
  const r = await fetch(`${baseUrl}/api/v1/audit-events/verify`, { headers: { cookie: session.cookie } });
  expect(r.status).toBe(200);
  return (await r.json()) as { ok: boolean; checked: number; firstBrokenId: string | null };
}

it(`keeps every acknowledged write through ${kills} kill -9 of the server or its database`, () => crashRounds());

async function crashRounds() {
  log(`seed ${seed} (replay with CRASH_SEED=${seed}), ${kills} kills, data ${dataDir}`);
  const port = await freePort();
  const dbPort = await freePort();
  const opts = { dataDir, port, dbPort, env: { TILLIT_DEMO: 'true' } };
  const boot = async () => {
    const t = performance.now();
    server = spawnServer(opts);
    return waitReady(server, t, 120_000);
  };
  log(`first start ${(await boot()).toFixed(0)} ms`);
  let session = await signIn(server!.baseUrl);
  const units = (await (await fetch(`${server!.baseUrl}/api/v1/units`, { headers: { cookie: session.cookie } })).json()) as {
    id: string;
    parentId: string | null;
  }[];
  const root = units.find((u) => !u.parentId)!;
  load = startWriteLoad({ baseUrl: () => server!.baseUrl, session: () => session, parentId: root.id, prefix: `crash-${seed}`, writers: 4 });

  // Half the kills hit node, half PostgreSQL, in a seeded order.
  const targets = rng.shuffle(Array.from({ length: kills }, (_, i) => (i % 2 ? 'postgres' : 'node') as 'node' | 'postgres'));
  const recovery: Record<string, number[]> = { node: [], postgres: [] };
  for (const [round, target] of targets.entries()) {
    const ackedBefore = load.acked.length;
    await sleep(rng.int(200, 2500));
    const t = performance.now();
    if (target === 'node') {
      process.kill(server!.pid, 'SIGKILL');
      await server!.exited;
      await boot();
    } else {
      const pid = postmasterPid(dataDir);
      expect(pid, 'postmaster.pid').not.toBeNull();
      process.kill(pid!, 'SIGKILL');
      // The same server process must bring its database back by itself.
      const deadline = performance.now() + 90_000;
      for (;;) {
        expect(server!.child.exitCode, `the server exited after PostgreSQL was killed:\n${server!.output()}`).toBeNull();
        const now = postmasterPid(dataDir);
        if (
          now &&
          now !== pid &&
          (await fetch(`${server!.baseUrl}/readyz`).then(
            (r) => r.status,
            () => 0,
          )) === 200
        )
          break;
        if (performance.now() > deadline) throw new Error(`PostgreSQL did not come back within 90 s:\n${server!.output()}`);
        await sleep(50);
      }
    }
    recovery[target]!.push(performance.now() - t);
    // A crash may cut the session's last-seen update but never the session itself.
    const probe = await fetch(`${server!.baseUrl}/api/v1/auth/session`, { headers: { cookie: session.cookie } });
    if (probe.status === 401) session = await signIn(server!.baseUrl);
    const lost = await checkAcknowledged(dbPort, [...load.acked]);
    const chain = await verifyChainByApi(server!.baseUrl, session);
    log(
      `kill ${round + 1}/${kills} ${target.padEnd(8)} back in ${(performance.now() - t).toFixed(0)} ms; acknowledged ${load.acked.length} (+${load.acked.length - ackedBefore}), lost ${lost.length}, chain ${chain.ok ? 'ok' : 'BROKEN'} (${chain.checked})`,
    );
    expect(lost, 'acknowledged writes missing or changed').toEqual([]);
    expect(chain.ok, `audit chain broken at ${chain.firstBrokenId}`).toBe(true);
  }

  await load.stop();
  const acked = load.acked;
  const lost = await checkAcknowledged(dbPort, acked);
  await stopServer(server!);
  server = null;

  // The operator's own check, on the stopped installation.
  const cli = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/server/src/cli/main.ts'), 'audit', 'verify'], {
    cwd: repoRoot,
    env: { ...process.env, TILLIT_DATA_DIR: dataDir, TILLIT_DB_PORT: String(dbPort), TILLIT_LOG_LEVEL: 'warn' },
  });
  let out = '';
  cli.stdout.on('data', (d) => (out += d));
  cli.stderr.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((r) => cli.once('exit', r));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  log(
    `done: ${kills} kills (${recovery.node!.length} node, ${recovery.postgres!.length} postgres), ${acked.length} acknowledged writes of ${load.attempts} attempts, ${lost.length} lost; median recovery node ${median(recovery.node!).toFixed(0)} ms, postgres ${median(recovery.postgres!).toFixed(0)} ms`,
  );
  log(`tillit audit verify: exit ${code}\n${out.trim()}`);
  expect(acked.length).toBeGreaterThan(kills * 5);
  expect(lost).toEqual([]);
  expect(code, out).toBe(0);
  expect(out).toMatch(/^OK/m);
  expect(out).not.toMatch(/BRUTEN/);
}
