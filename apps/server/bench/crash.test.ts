import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import demo from '../src/seed/data/region-exempel.json' with { type: 'json' };
import { embeddedUrls } from '../src/db/embedded.js';
import { createDb } from '../src/db/database.js';
import { loadAuditKey } from '../src/platform/audit/key.js';
import { verifyAuditChain } from '../src/platform/audit/verify.js';
import { createRandom } from '../src/seed/generator/random.js';
import { freePort, postmasterPid, repoRoot, spawnServer, stopServer, waitReady, type ServerProcess } from './support/server-process.js';
import { startCrashLoad, type CrashLoad, type Session } from './support/crash-load.js';

/**
 * Crash safety: a real server under concurrent writes through the API — units created, renamed and
 * deleted, classifications approved with four eyes, spreadsheets imported — is killed with SIGKILL
 * at random (seeded) moments: its embedded PostgreSQL in every round, and in a third of them the
 * node process with it. After every crash the server must come back, every change the API acknowledged
 * must be there with an audit event of the right content, and every organisation's audit chain must
 * verify in full.
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
let load: CrashLoad | null = null;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(async () => {
  await load?.stop();
  if (server) await stopServer(server, 20_000);
  // Never leave a PostgreSQL running on a folder about to be removed (an orphan of a failed round).
  const pid = postmasterPid(dataDir);
  if (pid && alive(pid)) {
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  }
  if (process.env.CRASH_KEEP_DATA) log(`data kept in ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function signIn(baseUrl: string, email: string): Promise<Session> {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demo.password }),
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

/** What every acknowledged change must have left: its state, and its audit event with the right content. */
async function checkAcknowledged(url: string, l: CrashLoad): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const problems: string[] = [];
  try {
    const acked = [...l.acked];
    const unitIds = [...l.units.keys()];
    const units = new Map(
      (await client.query<{ id: string; name: string }>('select id, name from units where id = any($1::uuid[])', [unitIds])).rows.map(
        (u) => [u.id, u.name],
      ),
    );
    for (const [id, state] of l.units) {
      if (state.expected === null) continue;
      if (state.expected === 'deleted' && units.has(id)) problems.push(`unit ${id} deleted but still there`);
      if (state.expected !== 'deleted' && units.get(id) !== state.expected.name)
        problems.push(`unit ${id}: "${units.get(id)}" instead of "${state.expected.name}"`);
    }
    const entityIds = acked.map((a) => ('unitId' in a ? a.unitId : 'versionId' in a ? a.versionId : a.importId));
    const events = (
      await client.query<{ entity_id: string; action: string; actor_name: string; changes: Record<string, { after?: unknown }> | null }>(
        'select entity_id, action, actor_name, changes from audit_events where entity_id = any($1::text[])',
        [entityIds],
      )
    ).rows;
    const has = (id: string, action: string, test: (e: (typeof events)[number]) => boolean = () => true) =>
      events.some((e) => e.entity_id === id && e.action === action && test(e));
    const versions = new Map(
      (
        await client.query<{ id: string; status: string }>('select id, status from classification_versions where id = any($1::uuid[])', [
          acked.flatMap((a) => (a.op === 'approve' ? [a.versionId] : [])),
        ])
      ).rows.map((v) => [v.id, v.status]),
    );
    const importedNames = new Set(
      (
        await client.query<{ name: string }>('select name from assets where name = any($1::text[])', [
          acked.flatMap((a) => (a.op === 'import' ? a.names : [])),
        ])
      ).rows.map((r) => r.name),
    );
    for (const a of acked) {
      if (a.op === 'create' && !has(a.unitId, 'create', (e) => e.changes?.name?.after === a.name))
        problems.push(`no create event naming "${a.name}"`);
      if (a.op === 'update' && !has(a.unitId, 'update', (e) => e.changes?.name?.after === a.name))
        problems.push(`no update event to "${a.name}"`);
      if (a.op === 'delete' && !has(a.unitId, 'delete')) problems.push(`no delete event for unit ${a.unitId}`);
      if (a.op === 'approve') {
        if (versions.get(a.versionId) !== 'approved')
          problems.push(`classification ${a.versionId} is ${versions.get(a.versionId)}, not approved`);
        if (!has(a.versionId, 'approve', (e) => e.actor_name === a.approverName))
          problems.push(`no approve event by ${a.approverName} for ${a.versionId}`);
      }
      if (a.op === 'import') {
        for (const n of a.names) if (!importedNames.has(n)) problems.push(`imported asset "${n}" missing`);
        if (!has(a.importId, 'import', (e) => e.changes?.created?.after === a.names.length))
          problems.push(`no import event for ${a.importId} with ${a.names.length} created`);
      }
    }
    return problems;
  } finally {
    await client.end();
  }
}

/** Every organisation's chain, walked in full with the installation's key (nothing trusted from checkpoints). */
async function verifyAllInFull(url: string): Promise<{ ok: boolean; checked: number; broken: string[] }> {
  const db = createDb(url, { max: 2, statementTimeoutMs: 0 });
  try {
    let checked = 0;
    const broken: string[] = [];
    for (const { id } of await db.selectFrom('organizations').select('id').execute()) {
      const r = await verifyAuditChain(db, id);
      checked += r.checked;
      if (!r.ok) broken.push(`${id} at ${r.firstBrokenId}`);
    }
    return { ok: broken.length === 0, checked, broken };
  } finally {
    await db.destroy();
  }
}

async function untilBack(baseUrl: string, oldPostmaster: number, deadlineMs: number, output: () => string, exited: () => boolean) {
  const deadline = performance.now() + deadlineMs;
  for (;;) {
    if (exited()) throw new Error(`the server exited after PostgreSQL was killed:\n${output()}`);
    const now = postmasterPid(dataDir);
    if (now && now !== oldPostmaster && alive(now)) {
      const status = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(3000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return;
    }
    if (performance.now() > deadline) throw new Error(`PostgreSQL did not come back within ${deadlineMs / 1000} s:\n${output()}`);
    await sleep(50);
  }
}

it(`keeps every acknowledged change and its audit event through ${kills} kill -9 of PostgreSQL (a third of them with the server)`, () =>
  crashRounds());

async function crashRounds() {
  log(`seed ${seed} (replay with CRASH_SEED=${seed}), ${kills} kills, data ${dataDir}`);
  const started = performance.now();
  const port = await freePort();
  const dbPort = await freePort();
  const opts = { dataDir, port, dbPort, env: { TILLIT_DEMO: 'true' } };
  // Generous: on a shared, loaded machine (load 25+ on 2 cores) a start has taken over two minutes.
  const boot = async (budgetMs = 240_000) => {
    const t = performance.now();
    server = spawnServer(opts);
    return waitReady(server, t, budgetMs);
  };
  log(`first start ${(await boot(360_000)).toFixed(0)} ms`);
  const url = embeddedUrls(dataDir, dbPort).runtime;
  loadAuditKey({ dataDir });
  const signInBoth = async () => ({
    writer: await signIn(server!.baseUrl, 'admin@exempel.se'),
    steward: await signIn(server!.baseUrl, 'forvaltare@exempel.se'),
    approver: await signIn(server!.baseUrl, 'agare@exempel.se'),
    importer: await signIn(server!.baseUrl, 'samordnare@exempel.se'),
  });
  let sessions = await signInBoth();
  const approverName = demo.users.find((u) => u.email === 'agare@exempel.se')!.name;
  const approverId = (
    (await (await fetch(`${server!.baseUrl}/api/v1/auth/session`, { headers: { cookie: sessions.approver.cookie } })).json()) as {
      user: { id: string };
    }
  ).user.id;
  const units = (await (await fetch(`${server!.baseUrl}/api/v1/units`, { headers: { cookie: sessions.writer.cookie } })).json()) as {
    id: string;
    name: string;
    parentId: string | null;
  }[];
  const root = units.find((u) => !u.parentId)!;
  const hsf = units.find((u) => u.name === 'Hälso- och sjukvårdsförvaltningen')!;
  load = startCrashLoad({
    baseUrl: () => server!.baseUrl,
    sessions: () => sessions,
    approverName,
    approverId,
    rootUnitId: root.id,
    assetUnitId: hsf.id,
    prefix: `crash-${seed}`,
    workers: 4,
    random: (() => {
      const r = createRandom(seed, 'crash-load');
      return () => r.next();
    })(),
  });

  // Every round kills PostgreSQL hard; a third of them (seeded order) kill the node process with it
  // (a node restart costs far more than PostgreSQL's own recovery, so the budget holds when loaded).
  const targets = rng.shuffle(
    Array.from({ length: kills }, (_, i) => (i % 3 ? 'postgres' : 'node+postgres') as 'node+postgres' | 'postgres'),
  );
  const recovery: Record<string, number[]> = { 'node+postgres': [], postgres: [] };
  for (const [round, target] of targets.entries()) {
    const ackedBefore = load.acked.length;
    await sleep(rng.int(300, 2500));
    const t = performance.now();
    const pid = postmasterPid(dataDir);
    expect(pid, 'postmaster.pid').not.toBeNull();
    if (target === 'node+postgres') {
      process.kill(server!.pid, 'SIGKILL');
      process.kill(pid!, 'SIGKILL');
      await server!.exited;
      await boot();
      // The new process must have started its own PostgreSQL, not found the old one.
      expect(postmasterPid(dataDir)).not.toBe(pid);
    } else {
      process.kill(pid!, 'SIGKILL');
      // The same server process must bring its database back by itself.
      const s = server!;
      await untilBack(s.baseUrl, pid!, 180_000, s.output, () => s.child.exitCode !== null);
    }
    recovery[target]!.push(performance.now() - t);
    // A crash may cut a session's last-seen update but never the session itself.
    const probe = await fetch(`${server!.baseUrl}/api/v1/auth/session`, { headers: { cookie: sessions.writer.cookie } });
    const probes = await Promise.all(
      Object.values(sessions).map((x) =>
        fetch(`${server!.baseUrl}/api/v1/auth/session`, { headers: { cookie: x.cookie } }).then((r) => r.status),
      ),
    );
    if (probe.status === 401 || probes.includes(401)) sessions = await signInBoth();
    // The checks see the load held still, so what they read and what was acknowledged match.
    await load.pause();
    const problems = await checkAcknowledged(url, load);
    const chain = await verifyAllInFull(url);
    load.resume();
    log(
      `kill ${round + 1}/${kills} ${target.padEnd(13)} back in ${(performance.now() - t).toFixed(0)} ms; acknowledged ${load.acked.length} (+${load.acked.length - ackedBefore}), problems ${problems.length}, chain ${chain.ok ? 'ok' : 'BROKEN'} (${chain.checked} events, full)`,
    );
    expect(problems, 'acknowledged changes missing, wrong or without their audit event').toEqual([]);
    expect(chain.broken, 'audit chain broken').toEqual([]);
  }

  await load.stop();
  const problems = await checkAcknowledged(url, load);
  const counts = load.counts();
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
    `done in ${((performance.now() - started) / 1000).toFixed(0)} s: ${kills} kills (${recovery['node+postgres']!.length} node+postgres, ${recovery.postgres!.length} postgres), ${load.acked.length} acknowledged changes (${Object.entries(
      counts,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(
        ', ',
      )}) of ${load.attempts} requests, ${problems.length} problems; median recovery node+postgres ${median(recovery['node+postgres']!).toFixed(0)} ms, postgres ${median(recovery.postgres!).toFixed(0)} ms`,
  );
  log(`tillit audit verify: exit ${code}\n${out.trim()}`);
  expect(problems).toEqual([]);
  expect(load.acked.length).toBeGreaterThan(kills * 5);
  for (const op of ['create', 'update', 'delete', 'approve', 'import'] as const)
    expect(counts[op], `acknowledged ${op}s`).toBeGreaterThan(0);
  expect(code, out).toBe(0);
  expect(out).toMatch(/^OK/m);
  expect(out).not.toMatch(/BRUTEN/);
}
