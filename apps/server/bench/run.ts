/**
 * `npm run bench`: Tillit on a generated Region Stor, measured end to end. Never part of `npm test`.
 * Endpoints under load, then the inventory's Excel export and an 11,000-row import (support/jobs.ts),
 * backup, memory and start times.
 *
 *   BENCH_SECONDS          seconds per endpoint and concurrency (default 5)
 *   TILLIT_BENCH_DATA_DIR  data folder, reused between runs (default ./data-bench)
 *   BENCH_SEED             generator seed (default 1; only used when the data is generated)
 *
 * Writes apps/server/bench/results/<date>.json and .md, compares with the previous result and
 * flags regressions over 20 %. Machines are noisy: compare medians and ratios, not single runs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import profiles from '../src/seed/data/generator-profiles.json' with { type: 'json' };
import { backupDatabase } from '../src/cli/backup.js';
import { embeddedUrls } from '../src/db/embedded.js';
import { benchEndpoints, type BenchContext } from './endpoints.js';
import { ensureBenchData } from './support/data.js';
import { httpSession, importerOf, measureExport, measureImport } from './support/jobs.js';
import { measure, timeOnce } from './support/load.js';
import { compare, markdown, previousResultFile, type BenchResult, type EndpointResult } from './support/report.js';
import { freePort, memoryOf, repoRoot, spawnServer, stopServer, waitReady, type ServerProcess } from './support/server-process.js';
import { queryWith, timeSql } from './support/sql-timing.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const seed = Number(process.env.BENCH_SEED ?? 1);
const dataDir = path.resolve(process.env.TILLIT_BENCH_DATA_DIR ?? path.join(repoRoot, 'data-bench'));
const CONCURRENCY = [1, 8, 32];
const resultsDir = path.join(repoRoot, 'apps/server/bench/results');
const stor = profiles.stor.organizations[0]!;
const adminEmail = `admin@${stor.domain}`;
const log = (...args: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

async function start(opts: { port: number; dbPort: number }): Promise<{ server: ServerProcess; ms: number }> {
  const t = performance.now();
  const server = spawnServer({ dataDir, ...opts, env: { TILLIT_TRUST_PROXY: 'true' } });
  return { server, ms: await waitReady(server, t) };
}

async function signIn(baseUrl: string, email = adminEmail): Promise<string> {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
    body: JSON.stringify({ email, password: profiles.stor.password }),
  });
  if (r.status !== 200) throw new Error(`sign-in as ${email} failed: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('tillit_session='));
  return cookie!.split(';')[0]!;
}

async function main() {
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('BENCH_SECONDS must be a positive number');
  log(`data ${dataDir}, ${seconds} s per cell, concurrency ${CONCURRENCY.join('/')}`);
  const loadAtStart = os.loadavg()[0]!;
  const port = await freePort();
  const dbPort = await freePort();

  const generator = await ensureBenchData(dataDir, dbPort, seed);
  log(
    generator.reused
      ? `Region Stor reused (generated ${generator.generatedAt})`
      : `Region Stor generated in ${(generator.totalMs / 1000).toFixed(1)} s`,
  );

  const cold = await start({ port, dbPort });
  let server = cold.server;
  log(`cold start ${cold.ms.toFixed(0)} ms`);
  let peakRssMb = 0;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, memoryOf(server.pid)?.rssMb ?? 0)), 200);

  const client = new pg.Client({ connectionString: embeddedUrls(dataDir, dbPort).runtime, application_name: 'tillit-bench' });
  await client.connect();
  const endpoints: EndpointResult[] = [];
  let backup: BenchResult['backup'];
  let jobs: BenchResult['jobs'];
  try {
    const query = queryWith(client);
    const [org] = await query<{ id: string }>('select id from organizations where org_number = $1', [stor.orgNumber]);
    const [admin] = await query<{ id: string }>('select id from users where email = $1', [adminEmail]);
    const ctx: BenchContext = {
      organizationId: org!.id,
      admin: { id: admin!.id, email: adminEmail },
      password: profiles.stor.password,
      query,
    };
    const cookie = await signIn(server.baseUrl);
    const prepared = [];
    for (const e of benchEndpoints) prepared.push({ endpoint: e, p: await e.prepare(ctx) });

    log('warming up');
    for (const { endpoint, p } of prepared) if (!endpoint.once) await measure(server.baseUrl, p, cookie, 4, Math.min(2, seconds));

    for (const { endpoint, p } of prepared) {
      const result: EndpointResult = { name: endpoint.name, sqlMs: await timeSql(client, p, endpoint.once), cells: [] };
      if (endpoint.once) {
        const r = await timeOnce(server.baseUrl, p, cookie);
        if (r.status !== 200) throw new Error(`${endpoint.name}: ${r.status} ${JSON.stringify(r.body)}`);
        result.onceMs = r.ms;
        log(`${endpoint.name}: ${r.ms.toFixed(0)} ms (SQL ${result.sqlMs.toFixed(0)} ms) ${JSON.stringify(r.body)}`);
      } else {
        for (const c of CONCURRENCY) {
          const cell = await measure(server.baseUrl, p, cookie, c, seconds);
          result.cells.push(cell);
          log(
            `${endpoint.name} c=${c}: p50 ${cell.p50.toFixed(1)} p95 ${cell.p95.toFixed(1)} p99 ${cell.p99.toFixed(1)} ms, ${cell.throughput.toFixed(0)} req/s, ${cell.errors} errors (SQL ${result.sqlMs.toFixed(2)} ms)`,
          );
        }
      }
      endpoints.push(result);
    }

    // After the endpoints, so their first run on a data folder sees Region Stor as generated; the
    // imported assets stay (fixed external ids), and later runs measure the import as updates.
    // The admin role has no asset.import (roles.json): export and import run as a security
    // coordinator of the whole organisation, the role the import is for.
    const coordinator = await importerOf(query, ctx.organizationId);
    const http = await httpSession(server.baseUrl, await signIn(server.baseUrl, coordinator));
    log(`export (whole inventory, 3 runs) as ${coordinator}`);
    const exported = await measureExport(http, 3);
    log(
      `export.xlsx ${exported.ms.toFixed(0)} ms (median of ${exported.runsMs.map((x) => x.toFixed(0)).join('/')}), ${(exported.bytes / 1e6).toFixed(1)} MB`,
    );
    const [root] = await query<{ id: string }>('select id from units where organization_id = $1 and parent_id is null', [
      ctx.organizationId,
    ]);
    const [before] = await query<{ n: number }>('select count(*)::int as n from assets where organization_id = $1', [ctx.organizationId]);
    log('import (1,000 systems + 10,000 information sets)');
    const imported = await measureImport(http, root!.id, before!.n);
    const ph = imported.phases;
    log(
      `import ${imported.case}: ${(imported.totalMs / 1000).toFixed(1)} s (upload ${ph.uploadMs.toFixed(0)}, check ${ph.checkMs.toFixed(0)}, apply ${ph.applyMs.toFixed(0)}, until applied ${ph.untilAppliedMs.toFixed(0)} ms), ${imported.links} links`,
    );
    jobs = { export: exported, import: { ...imported, user: coordinator } };

    log('backup');
    const file = path.join(os.tmpdir(), `tillit-bench-${process.pid}.tillit-backup`);
    const t = performance.now();
    const b = await backupDatabase(embeddedUrls(dataDir, dbPort).runtime, file);
    backup = { ms: performance.now() - t, bytes: fs.statSync(file).size, rows: b.rows };
    fs.rmSync(file, { force: true });
    log(`backup ${(backup.ms / 1000).toFixed(1)} s, ${(backup.bytes / 1e6).toFixed(1)} MB`);
  } finally {
    await client.end();
    clearInterval(sampler);
    peakRssMb = Math.max(peakRssMb, memoryOf(server.pid)?.peakMb ?? 0);
    await stopServer(server);
  }

  const warm = await start({ port, dbPort });
  server = warm.server;
  log(`warm start ${warm.ms.toFixed(0)} ms`);
  await stopServer(server);

  const result: BenchResult = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: { start: loadAtStart, end: os.loadavg()[0]! },
    },
    settings: { seconds, concurrency: CONCURRENCY, seed: generator.seed, dataDir: path.relative(repoRoot, dataDir) || '.' },
    generator,
    startup: { coldMs: cold.ms, warmMs: warm.ms },
    server: { peakRssMb },
    backup: backup!,
    jobs: jobs!,
    endpoints,
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = resultFile(result.date);
  const cmp = compare(result, previousResultFile(resultsDir, file));
  const md = markdown(result, cmp);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(file.replace(/\.json$/, '.md'), md);
  console.log('\n' + md);
  log(`written ${path.relative(repoRoot, file)} (+ .md)`);
  if (cmp.regressions.length) log(`${cmp.regressions.length} regression(s) over 20 % against ${path.basename(cmp.previousFile!)}`);
}

/** results/<YYYY-MM-DD>.json, with -2, -3 … for further runs the same day. */
function resultFile(date: string): string {
  const day = date.slice(0, 10);
  for (let n = 1; ; n++) {
    const f = path.join(resultsDir, `${day}${n === 1 ? '' : `-${n}`}.json`);
    if (!fs.existsSync(f)) return f;
  }
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
