import fs from 'node:fs';
import path from 'node:path';
import type { Cell } from './load.js';
import type { GeneratorInfo } from './data.js';
import type { ExportResult, ImportResult } from './jobs.js';

export interface EndpointResult {
  name: string;
  /** Median bare SQL time, ms. */
  sqlMs: number;
  /** For `once` endpoints: the one request's time, ms. */
  onceMs?: number;
  cells: Cell[];
}

export interface BenchResult {
  date: string;
  commit: string | null;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    loadAverage: { start: number; end: number };
  };
  settings: { seconds: number; concurrency: number[]; seed: number; dataDir: string };
  generator: GeneratorInfo;
  startup: { coldMs: number; warmMs: number };
  server: { peakRssMb: number };
  backup: { ms: number; bytes: number; rows: number };
  /** Export and import over HTTP (absent in results from before they were measured). */
  jobs?: { export: ExportResult; import: ImportResult };
  endpoints: EndpointResult[];
}

/** More than 20 % slower (or less throughput) than the previous result counts as a regression. */
const LIMIT = 1.2;

export interface Comparison {
  previousFile: string | null;
  regressions: string[];
  /** "endpoint/concurrency" → p50 change as a ratio (1.1 = 10 % slower). */
  p50Change: Map<string, number>;
  other: Map<string, number>;
}

/** The newest earlier result file, by name (names start with the date). */
export function previousResultFile(dir: string, current: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const key = (f: string) => {
    const m = /^(\d{4}-\d{2}-\d{2})(?:-(\d+))?\.json$/.exec(f);
    return m ? `${m[1]}#${(m[2] ?? '1').padStart(4, '0')}` : '';
  };
  const files = fs
    .readdirSync(dir)
    .filter((f) => key(f) && path.join(dir, f) !== current)
    .sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return files.length ? path.join(dir, files.at(-1)!) : null;
}

export function compare(current: BenchResult, previousFile: string | null): Comparison {
  const c: Comparison = { previousFile, regressions: [], p50Change: new Map(), other: new Map() };
  if (!previousFile) return c;
  const prev = JSON.parse(fs.readFileSync(previousFile, 'utf8')) as BenchResult;
  const slower = (label: string, now: number, before: number | undefined) => {
    if (!before || !Number.isFinite(before) || !Number.isFinite(now)) return;
    const ratio = now / before;
    c.other.set(label, ratio);
    if (ratio > LIMIT) c.regressions.push(`${label}: ${fmt(before)} → ${fmt(now)} (+${Math.round((ratio - 1) * 100)} %)`);
  };
  slower('cold start ms', current.startup.coldMs, prev.startup?.coldMs);
  slower('warm start ms', current.startup.warmMs, prev.startup?.warmMs);
  slower('server peak RSS MB', current.server.peakRssMb, prev.server?.peakRssMb);
  slower('backup ms', current.backup.ms, prev.backup?.ms);
  if (current.jobs && prev.jobs) {
    slower('export ms', current.jobs.export.ms, prev.jobs.export?.ms);
    // Created and updated are different work: only like with like.
    if (current.jobs.import.case === prev.jobs.import?.case)
      slower('import total ms', current.jobs.import.totalMs, prev.jobs.import.totalMs);
  }
  if (!current.generator.reused)
    slower('generator ms', current.generator.totalMs, prev.generator?.reused ? undefined : prev.generator?.totalMs);
  for (const e of current.endpoints) {
    const pe = prev.endpoints?.find((x) => x.name === e.name);
    if (!pe) continue;
    if (e.onceMs !== undefined) slower(`${e.name} ms`, e.onceMs, pe.onceMs);
    for (const cell of e.cells) {
      const pc = pe.cells.find((x) => x.concurrency === cell.concurrency);
      if (!pc) continue;
      const ratio = cell.p50 / pc.p50;
      c.p50Change.set(`${e.name}/${cell.concurrency}`, ratio);
      if (ratio > LIMIT)
        c.regressions.push(
          `${e.name} c=${cell.concurrency} p50: ${fmt(pc.p50)} → ${fmt(cell.p50)} ms (+${Math.round((ratio - 1) * 100)} %)`,
        );
      if (pc.throughput / cell.throughput > LIMIT)
        c.regressions.push(`${e.name} c=${cell.concurrency} throughput: ${fmt(pc.throughput)} → ${fmt(cell.throughput)} req/s`);
    }
  }
  return c;
}

const fmt = (n: number) => (!Number.isFinite(n) ? '–' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const change = (r: number | undefined) =>
  r === undefined ? '' : `${r >= 1 ? '+' : ''}${Math.round((r - 1) * 100)} %${r > LIMIT ? ' ⚠' : ''}`;

export function markdown(r: BenchResult, cmp: Comparison): string {
  const out: string[] = [];
  out.push(`# Tillit benchmark ${r.date.slice(0, 16).replace('T', ' ')} UTC`, '');
  out.push(
    `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}; load average ${r.machine.loadAverage.start.toFixed(1)} at start, ${r.machine.loadAverage.end.toFixed(1)} at end (other work on the machine skews every figure). Commit ${r.commit ?? 'unknown'}.`,
  );
  out.push(
    `Data: Region Stor (seed ${r.settings.seed}), ${r.generator.auditEvents.toLocaleString('en')} audit events. Load: autocannon over loopback, ${r.settings.seconds} s per cell, concurrency ${r.settings.concurrency.join(' / ')}.`,
  );
  out.push(`Compared with: ${cmp.previousFile ? path.basename(cmp.previousFile) : 'no earlier result'}.`, '');

  out.push('## Generator', '');
  out.push(
    r.generator.reused ? `Data reused (generated ${r.generator.generatedAt}); figures from that run.` : 'Generated in this run.',
    '',
  );
  out.push('| step | seconds |', '| --- | ---: |');
  for (const [k, v] of Object.entries(r.generator.timings)) out.push(`| ${k} | ${(v / 1000).toFixed(1)} |`);
  out.push(`| **total** | **${(r.generator.totalMs / 1000).toFixed(1)}** |`, '');

  out.push('## Start, memory, backup', '');
  out.push('| measure | value | vs previous |', '| --- | ---: | ---: |');
  out.push(`| cold start (process start → /readyz 200) | ${fmt(r.startup.coldMs)} ms | ${change(cmp.other.get('cold start ms'))} |`);
  out.push(`| warm start (restart right after a clean stop) | ${fmt(r.startup.warmMs)} ms | ${change(cmp.other.get('warm start ms'))} |`);
  out.push(
    `| server peak RSS (node process, whole run) | ${fmt(r.server.peakRssMb)} MB | ${change(cmp.other.get('server peak RSS MB'))} |`,
  );
  out.push(
    `| backup (tillit backup) | ${(r.backup.ms / 1000).toFixed(1)} s, ${(r.backup.bytes / 1e6).toFixed(1)} MB, ${r.backup.rows.toLocaleString('en')} rows | ${change(cmp.other.get('backup ms'))} |`,
    '',
  );

  if (r.jobs) {
    const e = r.jobs.export;
    const i = r.jobs.import;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    out.push(`## Export and import (HTTP, as ${i.user ?? 'a security coordinator'})`, '');
    out.push(
      `Export: the whole inventory, time to the last byte, median of ${e.runsMs.length}. Import: ${i.systems.toLocaleString('en')} systems + ${i.sets.toLocaleString('en')} information sets + ${i.links.toLocaleString('en')} links from one .xlsx (${(i.fileBytes / 1e6).toFixed(1)} MB, built in ${s(i.buildMs)}, not counted) into an inventory of ${i.assetsBefore.toLocaleString('en')} assets; case measured: **${i.case}** (fixed external ids: the first run on a data folder creates, later runs update).`,
      '',
    );
    out.push('| measure | value | target | vs previous |', '| --- | ---: | ---: | ---: |');
    out.push(
      `| export.xlsx (${e.runsMs.map((x) => fmt(x)).join(' / ')} ms) | ${fmt(e.ms)} ms, ${(e.bytes / 1e6).toFixed(1)} MB | | ${change(cmp.other.get('export ms'))} |`,
    );
    out.push(`| import: upload | ${s(i.phases.uploadMs)} | | |`);
    out.push(`| import: check (dry run) | ${s(i.phases.checkMs)} | | |`);
    out.push(`| import: apply (request) | ${s(i.phases.applyMs)} | | |`);
    out.push(`| import: apply → applied (polling) | ${s(i.phases.untilAppliedMs)} | | |`);
    out.push(
      `| **import total (${i.case})** | **${s(i.totalMs)}** | ≤ ${s(i.targetMs)} ${i.totalMs <= i.targetMs ? '✓' : '✗'} | ${change(cmp.other.get('import total ms'))} |`,
      '',
    );
  }

  out.push('## Endpoints', '');
  out.push(
    "Latency in ms; req/s counts 2xx answers; SQL = median time of the endpoint's main SQL run bare with `pg`; app/SQL = p50 at concurrency 1 ÷ SQL.",
    '',
  );
  out.push(
    '| endpoint | conc. | p50 | p95 | p99 | req/s | errors | SQL | app/SQL | p50 vs previous |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const e of r.endpoints) {
    if (e.onceMs !== undefined) {
      out.push(
        `| ${e.name} (one request) | 1 | ${fmt(e.onceMs)} | | | | | ${fmt(e.sqlMs)} | ${fmt(e.onceMs / e.sqlMs)} | ${change(cmp.other.get(`${e.name} ms`))} |`,
      );
      continue;
    }
    for (const c of e.cells) {
      const ratio = c.concurrency === 1 ? fmt(c.p50 / e.sqlMs) : '';
      out.push(
        `| ${c.concurrency === 1 ? e.name : ''} | ${c.concurrency} | ${fmt(c.p50)} | ${fmt(c.p95)} | ${fmt(c.p99)} | ${fmt(c.throughput)} | ${c.errors} | ${c.concurrency === 1 ? fmt(e.sqlMs) : ''} | ${ratio} | ${change(cmp.p50Change.get(`${e.name}/${c.concurrency}`))} |`,
      );
    }
  }
  out.push('', '## Regressions over 20 %', '');
  out.push(
    ...(cmp.regressions.length ? cmp.regressions.map((x) => `- ${x}`) : [cmp.previousFile ? 'None.' : 'Nothing to compare with yet.']),
  );
  return out.join('\n') + '\n';
}
