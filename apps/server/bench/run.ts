/**
 * `npm run bench`: Tillit on a fresh copy of a generated Region Stor, measured end to end over HTTP,
 * each cell beside the bare time of exactly the SQL its request sent. Never part of `npm test`.
 * See bench/README.md for what is measured and how to read it.
 *
 *   npm run bench [-- --quick] [-- --scale 5] [-- --only <regexp>] [-- --no-jobs] [-- --regenerate]
 *
 *   BENCH_SEED             generator seed (default 1)
 *   BENCH_UNTIL            end of the generated history, YYYY-MM-DD (default: the first of this month)
 *   TILLIT_BENCH_DATA_DIR  templates and the run's copy (default ./data-bench)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import * as core from '@tillit/core';
import profiles from '../src/seed/data/generator-profiles.json' with { type: 'json' };
import { backupDatabase } from '../src/cli/backup.js';
import { embeddedUrls } from '../src/db/embedded.js';
import { benchEndpoints, type BenchContext, type PreparedEndpoint } from './endpoints.js';
import { fallbackLists } from './lists.fallback.js';
import { CellRunner, LIMITS, type CellResult } from './support/cells.js';
import { prepareBenchData } from './support/data.js';
import { HttpClient, percentile, type Target } from './support/http-load.js';
import { httpSession, importerOf, measureExport, measureImport } from './support/jobs.js';
import { discoverLists, makeListCells, type BenchListSpec } from './support/lists.js';
import { modules } from '../src/modules/index.js';
import { markdown, resultFile, type BenchResult, type MixedResult } from './support/report.js';
import { Replayer } from './support/replay.js';
import { freePort, memoryOf, repoRoot, spawnServer, stopServer, waitReady, type ServerProcess } from './support/server-process.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
    only: { type: 'string' },
    'no-jobs': { type: 'boolean', default: false },
    regenerate: { type: 'boolean', default: false },
    /** A template folder's name under data-bench/templates, used whatever generator made it. */
    template: { type: 'string' },
    /** Minutes for all cells (the data, start, jobs and backup come on top). */
    'budget-minutes': { type: 'string' },
  },
});
const quick = args.quick!;
const scale = Number(args.scale);
const only = args.only ? new RegExp(args.only, 'i') : null;
const seed = Number(process.env.BENCH_SEED ?? 1);
const until = process.env.BENCH_UNTIL ?? new Date().toISOString().slice(0, 8) + '01';
const root = path.resolve(process.env.TILLIT_BENCH_DATA_DIR ?? path.join(repoRoot, 'data-bench'));
/** Samples per mode: list cells need ≥ 200 for a stable p95; other endpoints fewer. */
const SAMPLES = { list: quick ? 60 : LIMITS.samples, other: quick ? 30 : 100, mixed: quick ? 120 : 400 };
/** Each mode of a cell runs until its samples are in or this bound; the bound shrinks to keep all cells within the budget. */
const MAX_MS = quick ? 8_000 : 30_000;
const MIN_MS = quick ? 2_000 : 6_000;
const BUDGET_MS = Number(args['budget-minutes'] ?? (quick ? 6 : 14)) * 60_000;
const stor = profiles.stor.organizations[0]!;
const adminEmail = `admin@${stor.domain}`;
const log = (...m: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);
const fmt = (n: number) => (!Number.isFinite(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** A signed-in session: its cookie and the CSRF token every request that changes something must carry. */
interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(baseUrl: string, email = adminEmail): Promise<Session> {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
    body: JSON.stringify({ email, password: profiles.stor.password }),
  });
  if (r.status !== 200) throw new Error(`sign-in as ${email} failed: ${r.status} ${await r.text()}`);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const cookie = r.headers
    .getSetCookie()
    .find((c) => c.startsWith('tillit_session='))!
    .split(';')[0]!;
  return { cookie, csrf: csrfToken };
}

const targetOf = (p: Pick<PreparedEndpoint, 'method' | 'path' | 'body' | 'auth' | 'vary'>, session: Session): Target => {
  const method = p.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (p.body !== undefined) headers['content-type'] = 'application/json';
  if (p.auth !== false) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  return {
    method,
    path: p.path,
    headers,
    body: p.body === undefined ? undefined : JSON.stringify(p.body),
    vary: p.vary,
  };
};

/** Load average every 5 s over the run: the machine is shared, and every figure depends on it. */
function loadSampler() {
  const xs: number[] = [os.loadavg()[0]!];
  const timer = setInterval(() => xs.push(os.loadavg()[0]!), 5000);
  return {
    stop: () => {
      clearInterval(timer);
      xs.push(os.loadavg()[0]!);
      return {
        start: xs[0]!,
        end: xs.at(-1)!,
        min: Math.min(...xs),
        max: Math.max(...xs),
        mean: xs.reduce((a, b) => a + b, 0) / xs.length,
      };
    },
  };
}

async function main() {
  if (!(scale > 0)) throw new Error('--scale must be a positive number');
  if (!(BUDGET_MS > 0)) throw new Error('--budget-minutes must be a positive number');
  const runStarted = performance.now();
  const load = loadSampler();
  const dbPort = await freePort();
  const port = await freePort();
  log(`data root ${root}, Region Stor × ${scale}, seed ${seed}, history until ${until}${quick ? ', quick' : ''}`);
  const { dataDir, info: generator } = await prepareBenchData({
    root,
    dbPort,
    seed,
    scale,
    until,
    regenerate: args.regenerate,
    template: args.template,
  });
  log(
    `${generator.reused ? 'template reused' : `generated in ${(generator.totalMs / 1000).toFixed(0)} s`} (${generator.template}); fresh copy in ${(generator.copyMs / 1000).toFixed(1)} s`,
  );

  const captureFile = path.join(dataDir, 'capture.jsonl');
  const start = async () => {
    const t = performance.now();
    const server = spawnServer({
      dataDir,
      port,
      dbPort,
      env: { TILLIT_TRUST_PROXY: 'true', TILLIT_BENCH_CAPTURE_FILE: captureFile },
      nodeArgs: ['--import', path.join(repoRoot, 'apps/server/bench/support/capture-hook.mjs')],
    });
    return { server, ms: await waitReady(server, t) };
  };
  const cold = await start();
  let server: ServerProcess = cold.server;
  log(`cold start ${cold.ms.toFixed(0)} ms`);
  let peakRssMb = 0;
  const rss = setInterval(() => (peakRssMb = Math.max(peakRssMb, memoryOf(server.pid)?.rssMb ?? 0)), 200);

  const url = embeddedUrls(dataDir, dbPort).runtime;
  const client = new pg.Client({ connectionString: url, application_name: 'tillit-bench' });
  await client.connect();
  const http = new HttpClient(server.baseUrl);
  const replayer = new Replayer(url);
  const runner = new CellRunner(http, replayer, captureFile);
  const cells: CellResult[] = [];
  const once: CellResult[] = [];
  let mixed: MixedResult | undefined;
  let backup: BenchResult['backup'];
  let jobs: BenchResult['jobs'];
  let failure: unknown = null;
  try {
    const query = async <T = Record<string, unknown>>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as T[];
    const [org] = await query<{ id: string }>('select id from organizations where org_number = $1', [stor.orgNumber]);
    const [admin] = await query<{ id: string }>('select id from users where email = $1', [adminEmail]);
    const ctx: BenchContext = {
      organizationId: org!.id,
      admin: { id: admin!.id, email: adminEmail },
      password: profiles.stor.password,
      query,
    };
    const auth = await signIn(server.baseUrl);
    const target = (p: string) => targetOf({ path: p }, auth);

    // The lists: their own declarations where they have one, else the fallback.
    // Each module's lists from its manifest (`lists`), then any other list core declares.
    const fromManifests = modules.flatMap((m) => ((m as { lists?: readonly BenchListSpec[] }).lists ?? []) as BenchListSpec[]);
    const fromCore = discoverLists(core as unknown as Record<string, unknown>);
    const declared = [...fromManifests, ...fromCore.filter((c) => !fromManifests.some((m) => m.name === c.name))];
    const lists = [...declared, ...fallbackLists.filter((f) => !declared.some((d) => d.name === f.name))];
    log(`lists: ${lists.map((l) => `${l.name}${declared.includes(l) ? '' : ' (fallback)'}`).join(', ')}`);
    const unitIds = (
      await query<{ id: string }>(
        `(select id from units where organization_id = $1 and parent_id is null)
         union all (select u.id from units u where u.organization_id = $1 and not exists (select 1 from units c where c.parent_id = u.id) order by u.name limit 1)`,
        [ctx.organizationId],
      )
    ).map((r) => r.id);
    const userIds = [
      admin!.id,
      ...(
        await query<{ id: string }>(`select id from users where organization_id = $1 and status = 'active' order by email limit 1`, [
          ctx.organizationId,
        ])
      ).map((r) => r.id),
    ];
    const untilDate = new Date(`${until}T00:00:00Z`);
    const daysBefore = (d: number) => new Date(untilDate.getTime() - d * 86_400_000).toISOString();
    const extra: Record<string, Record<string, string>[]> = {
      // The audit log's time windows: the last 30 days, and 30 days four years back.
      'audit-events': [{ from: daysBefore(30) }, { from: daysBefore(4 * 365 + 30), to: daysBefore(4 * 365) }],
      // The level filter needs both parts.
      assets: [{ aspect: 'C', minLevel: '3' }],
    };

    // Every cell first (finding filter values and words takes a few requests per list), then the
    // measurements, each mode bounded so the whole run stays within the budget.
    type Planned = { cell: Parameters<CellRunner['run']>[0]; target: Target; isList: boolean };
    const planned: Planned[] = [];
    for (const list of lists) {
      for (const c of await makeListCells(http, target, list, { unitIds, userIds, extra }, log)) {
        if (only && !only.test(`${c.list}: ${c.name}`)) continue;
        planned.push({ cell: c, target: target(`${list.path}?${new URLSearchParams(c.query)}`), isList: true });
      }
    }
    // Other endpoints (the platform's and the modules'). One on a list's path is a list cell too (held
    // to the same targets), unless it asks exactly what a made cell asks.
    const norm = (p: string) => {
      const u = new URL(p, 'http://x');
      if (!u.searchParams.has('pageSize')) u.searchParams.set('pageSize', '50');
      if (u.searchParams.get('page') === '1') u.searchParams.delete('page');
      u.searchParams.sort();
      return `${u.pathname}?${u.searchParams}`;
    };
    const made = new Set(planned.map((p) => norm(p.target.path)));
    for (const e of benchEndpoints) {
      if (e.once || (only && !only.test(e.name))) continue;
      const p = await e.prepare(ctx);
      const list = lists.find((l) => p.path === l.path || p.path.startsWith(`${l.path}?`));
      if (list && made.has(norm(p.path))) continue;
      planned.push({
        cell: list ? { list: list.name, name: e.name, kind: 'filter' } : { name: e.name },
        target: targetOf(p, auth),
        isList: Boolean(list),
      });
    }
    const budgetEnd = performance.now() + BUDGET_MS;
    log(`${planned.length} cells, budget ${(BUDGET_MS / 60_000).toFixed(0)} min`);
    for (const [i, { cell, target: t, isList }] of planned.entries()) {
      const name = cell.list ? `${cell.list}: ${cell.name}` : cell.name;
      const share = (budgetEnd - performance.now()) / (planned.length - i) / 2;
      const maxMs = Math.max(MIN_MS, Math.min(MAX_MS, share));
      const r = await runner.run(cell, t, { samples: isList ? SAMPLES.list : SAMPLES.other, maxMs, isList });
      cells.push(r);
      log(
        `${name}: c1 p50 ${fmt(r.c1.p50)} p95 ${fmt(r.c1.p95)} (n ${r.c1.n}), c8 p95 ${fmt(r.c8!.p95)} (n ${r.c8!.n}), bare ${fmt(r.bare.p50)} ms in ${r.sql.statements} statements${r.flags.length ? ` ⚑ ${r.flags.join(', ')}` : ''}`,
      );
    }

    // Several endpoints at once, a search among them: what one user sees while others work.
    const mix = cells.filter((c) => c.kind === 'page' || c.kind === 'search' || (!c.list && c.method === 'GET'));
    if (mix.length) {
      const targets = mix.map((c) => targetOf({ path: c.path }, auth));
      const perEndpoint: number[][] = mix.map(() => []);
      log(`mixed traffic: ${mix.length} endpoints round robin at concurrency 8`);
      const r = await http.closedLoop((i) => targets[i % targets.length]!, {
        concurrency: 8,
        samples: SAMPLES.mixed,
        maxMs: MAX_MS * 2,
        onSample: (i, s) => perEndpoint[i % targets.length]!.push(s.ms),
      });
      const ok = r.samples.filter((s) => s.status >= 200 && s.status < 300);
      mixed = {
        concurrency: 8,
        n: r.samples.length,
        errors: r.samples.length - ok.length,
        p50: percentile(
          ok.map((s) => s.ms),
          50,
        ),
        p95: percentile(
          ok.map((s) => s.ms),
          95,
        ),
        throughput: ok.length / (r.wallMs / 1000),
        endpoints: mix.map((c, i) => ({
          name: c.list ? `${c.list}: ${c.name}` : c.name,
          n: perEndpoint[i]!.length,
          p50: percentile(perEndpoint[i]!, 50),
          p95: percentile(perEndpoint[i]!, 95),
        })),
      };
      log(`mixed: p50 ${fmt(mixed.p50)} p95 ${fmt(mixed.p95)} ms, ${mixed.throughput.toFixed(0)} req/s`);
    }

    // Long endpoints once each (audit verify: the full walk, then incrementally from its checkpoint).
    for (const e of benchEndpoints.filter((x) => x.once && (!only || only.test(x.name)))) {
      const p = await e.prepare(ctx);
      const t = targetOf(p, auth);
      const t0 = performance.now();
      const capture = await runner.capture(t, 45 * 60_000);
      const ms = performance.now() - t0;
      const bare = await replayer.run(capture);
      once.push({
        name: e.name,
        method: t.method,
        path: t.path,
        sql: {
          statements: capture.statements.length,
          groups: capture.groups.length,
          writes: capture.writes,
          maxParallel: Math.max(0, ...capture.groups.map((g) => g.length)),
        },
        c1: { n: 1, p50: ms, p95: ms, p99: ms, errors: 0 },
        bare: { n: 1, p50: bare, p95: bare, p99: bare, errors: 0 },
        ratio: ms / bare,
        flags: [],
      });
      log(`${e.name}: ${ms.toFixed(0)} ms (bare ${bare.toFixed(0)} ms in ${capture.statements.length} statements)`);
    }

    if (!args['no-jobs']) {
      // The admin role has no asset.import: export and import run as a security coordinator of the whole organisation.
      const coordinator = await importerOf(query, ctx.organizationId);
      const session = await httpSession(server.baseUrl, (await signIn(server.baseUrl, coordinator)).cookie);
      const exported = await measureExport(session, 3);
      log(`export.xlsx ${exported.ms.toFixed(0)} ms, ${(exported.bytes / 1e6).toFixed(1)} MB`);
      const [rootUnit] = await query<{ id: string }>('select id from units where organization_id = $1 and parent_id is null', [
        ctx.organizationId,
      ]);
      const [before] = await query<{ n: number }>('select count(*)::int as n from assets where organization_id = $1', [ctx.organizationId]);
      const imported = await measureImport(session, rootUnit!.id, before!.n);
      log(`import ${imported.case}: ${(imported.totalMs / 1000).toFixed(1)} s`);
      jobs = { export: exported, import: { ...imported, user: coordinator } };

      const file = path.join(os.tmpdir(), `tillit-bench-${process.pid}.tillit-backup`);
      const t = performance.now();
      const b = await backupDatabase(url, file);
      backup = { ms: performance.now() - t, bytes: fs.statSync(file).size, rows: b.rows };
      fs.rmSync(file, { force: true });
      log(`backup ${(backup.ms / 1000).toFixed(1)} s, ${(backup.bytes / 1e6).toFixed(1)} MB`);
    }
  } catch (e) {
    // What was measured until then is still written, marked as incomplete.
    failure = e;
    log(`stopped: ${String((e as Error).message ?? e)}`);
  } finally {
    http.close();
    await replayer.close();
    await client.end();
    clearInterval(rss);
    peakRssMb = Math.max(peakRssMb, memoryOf(server.pid)?.peakMb ?? 0);
    await stopServer(server);
  }
  const warm = await start();
  server = warm.server;
  log(`warm start ${warm.ms.toFixed(0)} ms`);
  await stopServer(server);
  fs.rmSync(captureFile, { force: true });

  const result: BenchResult = {
    version: 2,
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: load.stop(),
    },
    settings: {
      quick,
      scale,
      seed,
      until,
      samples: SAMPLES,
      maxMsPerMode: MAX_MS,
      budgetMinutes: BUDGET_MS / 60_000,
      only: args.only ?? null,
      limits: LIMITS,
    },
    runMinutes: (performance.now() - runStarted) / 60_000,
    ...(failure ? { incomplete: String((failure as Error).message ?? failure) } : {}),
    generator,
    startup: { coldMs: cold.ms, warmMs: warm.ms },
    server: { peakRssMb },
    backup,
    jobs,
    cells,
    mixed,
    once,
  };
  const resultsDir = path.join(repoRoot, 'apps/server/bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = resultFile(resultsDir, result.date, scale);
  const md = markdown(result, resultsDir, file);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(file.replace(/\.json$/, '.md'), md);
  console.log('\n' + md);
  log(`written ${path.relative(repoRoot, file)} (+ .md) after ${result.runMinutes.toFixed(1)} min`);
  if (failure) throw failure;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
