import fs from 'node:fs';
import path from 'node:path';
import type { CellResult } from './cells.js';
import type { GeneratorInfo } from './data.js';
import type { ExportResult, ImportResult } from './jobs.js';

export interface MixedResult {
  concurrency: number;
  n: number;
  errors: number;
  p50: number;
  p95: number;
  throughput: number;
  endpoints: { name: string; n: number; p50: number; p95: number }[];
}

export interface BenchResult {
  /** 2: cells with captured SQL (issue 15). Results without it are of the earlier bench and are not compared. */
  version: 2;
  date: string;
  commit: string | null;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    loadAverage: { start: number; end: number; min: number; max: number; mean: number };
  };
  settings: {
    quick: boolean;
    scale: number;
    seed: number;
    until: string;
    samples: { list: number; other: number; mixed: number };
    maxMsPerMode: number;
    budgetMinutes: number;
    only: string | null;
    limits: { c1p95: number; c8p95: number; ratio: number; samples: number };
  };
  runMinutes: number;
  /** Set when the run stopped early: what stopped it (the cells measured until then are kept). */
  incomplete?: string;
  generator: GeneratorInfo;
  startup: { coldMs: number; warmMs: number };
  server: { peakRssMb: number };
  backup?: { ms: number; bytes: number; rows: number };
  jobs?: { export: ExportResult; import: ImportResult };
  cells: CellResult[];
  mixed?: MixedResult;
  once: CellResult[];
}

/** results/<YYYY-MM-DD>[-xN].json, with -2, -3 … for further runs the same day. */
export function resultFile(dir: string, date: string, scale: number): string {
  const day = `${date.slice(0, 10)}${scale === 1 ? '' : `-x${scale}`}`;
  for (let n = 1; ; n++) {
    const f = path.join(dir, `${day}${n === 1 ? '' : `-${n}`}.json`);
    if (!fs.existsSync(f)) return f;
  }
}

/** The newest earlier version-2 result at the same scale, to compare with. */
function previous(dir: string, current: string, scale: number): BenchResult | null {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && path.join(dir, f) !== current)
    .sort()
    .reverse();
  for (const f of files) {
    const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Partial<BenchResult>;
    if (r.version === 2 && r.settings?.scale === scale && !r.settings.quick) return { ...(r as BenchResult), date: `${r.date} (${f})` };
  }
  return null;
}

const fmt = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? '–' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
const cellKey = (c: CellResult) => `${c.list ?? ''}|${c.name.replace(/"[^"]*"/g, '""').replace(/=[0-9a-f]{8}…/g, '=…')}`;

export function markdown(r: BenchResult, dir: string, file: string): string {
  const prev = previous(dir, file, r.settings.scale);
  const before = new Map(prev?.cells.map((c) => [cellKey(c), c]) ?? []);
  const m = r.machine;
  const la = m.loadAverage;
  const out: string[] = [];
  out.push(
    `# Tillit benchmark ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.settings.scale === 1 ? '' : ` — ${r.settings.scale} × Region Stor`}`,
    '',
  );
  out.push(
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}. **Load average ${la.start.toFixed(1)} at start, ${la.end.toFixed(1)} at end (mean ${la.mean.toFixed(1)}, ${la.min.toFixed(1)}–${la.max.toFixed(1)})** on ${m.cpus} cores: other work on the machine skews every figure. Commit ${r.commit ?? 'unknown'}. Run took ${r.runMinutes.toFixed(1)} min${r.settings.quick ? ' (`--quick`)' : ''}${r.settings.only ? `, only cells matching \`${r.settings.only}\`` : ''}.`,
  );
  out.push(
    `Data: Region Stor × ${r.settings.scale} (seed ${r.settings.seed}, history until ${r.settings.until}), ${r.generator.auditEvents.toLocaleString('en')} audit events; a fresh copy of template \`${path.basename(r.generator.template)}\` (${r.generator.reused ? `generated ${r.generator.generatedAt.slice(0, 16)}` : 'generated in this run'}), copied and migrated in ${(r.generator.copyMs / 1000).toFixed(1)} s.`,
  );
  out.push(
    `Cells: ${r.settings.samples.list} samples per list cell at concurrency 1 and at 8 (${r.settings.samples.other} for other endpoints), each mode bounded to ${r.settings.maxMsPerMode / 1000} s (less when the ${r.settings.budgetMinutes}-minute budget for all cells requires; such cells say how many samples they got). **bare** = the statements the request sent (captured in the server, authentication's included), replayed with \`pg\` in the app's order and parallelism, one replay after each c1 request (the same window); ratio = HTTP p50 c1 ÷ bare p50.`,
  );
  out.push(`Compared with: ${prev ? prev.date : 'no earlier result of this kind'}.`, '');
  if (r.incomplete) out.push(`**Incomplete: the run stopped early (${r.incomplete}).**`, '');

  const l = r.settings.limits;
  const lists = r.cells.filter((c) => c.list);
  const flagged = lists.filter((c) => c.flags.length);
  out.push('## List cells', '');
  out.push(`⚑ = over a target: p95 at c1 > ${l.c1p95} ms, p95 at c8 > ${l.c8p95} ms, or more than ${l.ratio}× its bare SQL.`, '');
  out.push(
    '| list | cell | rows | stmts | p50 c1 | p95 c1 | p95 c8 | bare p50 | bare p95 | ratio | p95 c1 before | flags |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const c of lists) {
    const b = before.get(cellKey(c));
    out.push(
      `| ${c.list} | ${c.name} | ${c.total === null || c.total === undefined ? '' : `${c.totalCapped ? '>' : ''}${c.total.toLocaleString('en')}`} | ${c.sql.statements}${c.sql.maxParallel > 1 ? ` (∥${c.sql.maxParallel})` : ''} | ${fmt(c.c1.p50)} | ${fmt(c.c1.p95)} | ${fmt(c.c8?.p95)} | ${fmt(c.bare.p50)} | ${fmt(c.bare.p95)} | ${fmt(c.ratio)} | ${b ? fmt(b.c1.p95) : ''} | ${c.flags.length ? `⚑ ${c.flags.join('; ')}` : ''} |`,
    );
  }
  out.push('', `### Flagged: ${flagged.length} of ${lists.length} list cells`, '');
  out.push(...(flagged.length ? flagged.map((c) => `- ${c.list}: ${c.name} — ${c.flags.join('; ')}`) : ['None.']), '');

  const others = r.cells.filter((c) => !c.list);
  const notes: string[] = [];
  if (others.length) {
    out.push('## Other endpoints', '');
    out.push(
      '| endpoint | stmts | p50 c1 | p95 c1 | p95 c8 | req/s c8 | bare p50 | ratio | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const c of others.filter((x) => x.replayError))
      notes.push(`- ${c.name}: its statements cannot be replayed (${(c.replayError ?? '').slice(0, 160)}), so it has no bare figure.`);
    for (const c of others)
      out.push(
        `| ${c.name} | ${c.sql.statements}${c.sql.writes ? ` (${c.sql.writes} writes)` : ''} | ${fmt(c.c1.p50)} | ${fmt(c.c1.p95)} | ${fmt(c.c8?.p95)} | ${fmt(c.c8?.throughput)} | ${fmt(c.bare.p50)} | ${fmt(c.ratio)} | ${c.c1.errors + (c.c8?.errors ?? 0)} |`,
      );
    out.push('', ...notes, '');
  }
  if (r.mixed) {
    const x = r.mixed;
    out.push('## Mixed traffic', '');
    out.push(
      `${x.endpoints.length} endpoints round robin on ${x.concurrency} connections (lists' first pages and searches, the other GET endpoints): ${x.n} requests, p50 ${fmt(x.p50)} ms, p95 ${fmt(x.p95)} ms, ${fmt(x.throughput)} req/s, ${x.errors} errors.`,
      '',
    );
    out.push('| endpoint in the mix | n | p50 | p95 |', '| --- | ---: | ---: | ---: |');
    for (const e of x.endpoints) out.push(`| ${e.name} | ${e.n} | ${fmt(e.p50)} | ${fmt(e.p95)} |`);
    out.push('');
  }
  if (r.once.length) {
    out.push('## Long endpoints (one request each)', '');
    out.push('| endpoint | ms | bare ms | statements |', '| --- | ---: | ---: | ---: |');
    for (const c of r.once) out.push(`| ${c.name} | ${fmt(c.c1.p50)} | ${fmt(c.bare.p50)} | ${c.sql.statements} |`);
    out.push('');
  }
  out.push('## Start, memory, data', '');
  out.push('| measure | value |', '| --- | ---: |');
  out.push(`| cold start (process start → /readyz 200, fresh copy) | ${fmt(r.startup.coldMs)} ms |`);
  out.push(`| warm start (restart right after a clean stop) | ${fmt(r.startup.warmMs)} ms |`);
  out.push(`| server peak RSS | ${fmt(r.server.peakRssMb)} MB |`);
  if (r.backup)
    out.push(
      `| backup | ${(r.backup.ms / 1000).toFixed(1)} s, ${(r.backup.bytes / 1e6).toFixed(1)} MB, ${r.backup.rows.toLocaleString('en')} rows |`,
    );
  if (r.jobs) {
    out.push(
      `| export.xlsx (whole inventory, median of ${r.jobs.export.runsMs.length}) | ${fmt(r.jobs.export.ms)} ms, ${(r.jobs.export.bytes / 1e6).toFixed(1)} MB |`,
    );
    const i = r.jobs.import;
    out.push(
      `| import ${i.systems.toLocaleString('en')} systems + ${i.sets.toLocaleString('en')} sets + ${i.links.toLocaleString('en')} links (${i.case}) | ${(i.totalMs / 1000).toFixed(1)} s (target ${(i.targetMs / 1000).toFixed(0)} s ${i.totalMs <= i.targetMs ? '✓' : '✗'}) |`,
    );
  }
  out.push(
    `| generator (${r.generator.reused ? 'when the template was made' : 'this run'}) | ${(r.generator.totalMs / 1000).toFixed(0)} s: ${Object.entries(
      r.generator.timings,
    )
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`)
      .join(', ')} |`,
  );
  return out.join('\n') + '\n';
}
