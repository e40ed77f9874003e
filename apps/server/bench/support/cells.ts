import fs from 'node:fs';
import { percentile, type HttpClient, type Sample, type Target } from './http-load.js';
import { readCapture, type Capture, type Replayer } from './replay.js';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export interface CellResult {
  /** The list it belongs to (list cells), or absent for other endpoints. */
  list?: string;
  name: string;
  kind?: 'page' | 'deep' | 'sort' | 'filter' | 'search';
  query?: Record<string, string>;
  method: string;
  path: string;
  /** Rows of the list for this query (the API's total), when a list cell. */
  total?: number | null;
  totalCapped?: boolean;
  /** What one request sent to PostgreSQL (captured in the server): statements, sequential groups, writes. */
  sql: { statements: number; groups: number; writes: number; maxParallel: number };
  /** HTTP at concurrency 1, each request followed by one bare replay of its statements (same window). */
  c1: Stats;
  /** The captured statements replayed bare with pg, interleaved with the c1 requests. */
  bare: Stats;
  /** HTTP at concurrency 8 (absent for one-off endpoints). */
  c8?: Stats & { throughput: number };
  /** HTTP p50 at c1 ÷ bare p50. */
  ratio: number;
  /** Why the statements could not be replayed (then there is no bare figure). */
  replayError?: string;
  flags: string[];
}

export const LIMITS = { c1p95: 100, c8p95: 250, ratio: 2, samples: 200 };

const stats = (samples: Sample[]): Stats => {
  const ok = samples.filter((s) => s.status >= 200 && s.status < 300).map((s) => s.ms);
  return {
    n: samples.length,
    p50: percentile(ok, 50),
    p95: percentile(ok, 95),
    p99: percentile(ok, 99),
    errors: samples.length - ok.length,
  };
};

export interface CellOptions {
  samples: number;
  /** Upper bound per mode (c1, c8), ms: slow cells get fewer samples, and say so. */
  maxMs: number;
  concurrency8?: boolean;
  /** List cells are held to the targets. */
  isList: boolean;
}

export class CellRunner {
  private seq = 0;
  constructor(
    private http: HttpClient,
    private replayer: Replayer,
    private captureFile: string,
  ) {}

  /** The statements one request sends, recorded in the server by the capture hook. */
  async capture(target: Target, timeoutMs?: number): Promise<Capture> {
    const tag = `c${process.pid}-${++this.seq}`;
    fs.writeFileSync(this.captureFile, '');
    const r = await this.http.request(target, { 'x-tillit-bench-capture': tag }, timeoutMs);
    if (r.status < 200 || r.status >= 300) throw new Error(`${target.method} ${target.path}: ${r.status} ${r.body.slice(0, 300)}`);
    await new Promise((res) => setTimeout(res, 20));
    return readCapture(this.captureFile, tag);
  }

  async run(
    cell: Pick<CellResult, 'list' | 'name' | 'kind' | 'query' | 'total' | 'totalCapped'>,
    target: Target,
    opts: CellOptions,
  ): Promise<CellResult> {
    for (let i = 0; i < 2; i++) await this.http.request(target); // warm: plans, caches
    const capture = await this.capture(target);
    // A request whose writes cannot be repeated (a sign-in creates a session with a new key the
    // replay would duplicate) has no bare figure; the cell says why.
    const replayError = await this.replayer.run(capture).then(
      () => null,
      (e: unknown) => String((e as Error).message ?? e),
    );
    const http: Sample[] = [];
    const bare: Sample[] = [];
    const started = performance.now();
    while (http.length < opts.samples && (http.length < 1 || performance.now() - started < opts.maxMs)) {
      const s = await this.http.request(target).catch(() => ({ ms: NaN, status: 0 }));
      http.push({ ms: s.ms, status: s.status });
      if (replayError) continue;
      const ms = await this.replayer.run(capture).catch(() => NaN);
      bare.push({ ms, status: Number.isFinite(ms) ? 200 : 0 });
    }
    const result: CellResult = {
      ...cell,
      method: target.method,
      path: target.path,
      sql: {
        statements: capture.statements.length,
        groups: capture.groups.length,
        writes: capture.writes,
        maxParallel: Math.max(0, ...capture.groups.map((g) => g.length)),
      },
      c1: stats(http),
      bare: stats(bare),
      ratio: NaN,
      flags: [],
      ...(replayError ? { replayError } : {}),
    };
    result.ratio = result.c1.p50 / result.bare.p50;
    if (opts.concurrency8 !== false) {
      const r = await this.http.closedLoop(() => target, { concurrency: 8, samples: opts.samples, maxMs: opts.maxMs });
      const ok = r.samples.filter((s) => s.status >= 200 && s.status < 300).length;
      result.c8 = { ...stats(r.samples), throughput: ok / (r.wallMs / 1000) };
    }
    if (opts.isList) result.flags = flagsOf(result, opts.samples);
    return result;
  }
}

export function flagsOf(r: CellResult, wanted: number): string[] {
  const f: string[] = [];
  if (!(r.c1.p95 <= LIMITS.c1p95)) f.push(`p95 c1 > ${LIMITS.c1p95} ms`);
  if (r.c8 && !(r.c8.p95 <= LIMITS.c8p95)) f.push(`p95 c8 > ${LIMITS.c8p95} ms`);
  if (!(r.ratio <= LIMITS.ratio)) f.push(`> ${LIMITS.ratio}× bare SQL`);
  // Too slow to collect the samples asked for within the cell's time bound: its p95 is less certain.
  if (r.c1.n < wanted || (r.c8 && r.c8.n < wanted)) f.push(`only ${Math.min(r.c1.n, r.c8?.n ?? Infinity)} samples`);
  if (r.c1.errors || r.c8?.errors) f.push('errors');
  return f;
}
