import fs from 'node:fs';
import pg from 'pg';

/** One statement a request sent, as the capture hook (capture-hook.mjs) recorded it. */
export interface CapturedStatement {
  tag: string;
  /** The server's connection it ran on (a number per pg client). */
  client: number;
  text: string;
  values: (string | null | { base64: string })[];
  name: string | null;
  /** Epoch ms. */
  start: number;
  end: number;
  error: string | null;
}

/** The statements of one request, grouped the way the app ran them. */
export interface Capture {
  statements: CapturedStatement[];
  /**
   * Consecutive groups; the statements of a group overlapped in time (the app ran them in parallel,
   * on different connections), the groups ran one after the other.
   */
  groups: CapturedStatement[][];
  /** Statements that change data, replayed inside a transaction that is rolled back. */
  writes: number;
}

export function readCapture(file: string, tag: string): Capture {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  const statements = lines
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CapturedStatement)
    .filter((s) => s.tag === tag)
    .sort((a, b) => a.start - b.start);
  const groups: CapturedStatement[][] = [];
  let end = -Infinity;
  for (const s of statements) {
    if (s.start < end && groups.length) groups.at(-1)!.push(s);
    else groups.push([s]);
    end = Math.max(end, s.end);
  }
  return { statements, groups, writes: statements.filter((s) => isWrite(s.text)).length };
}

const isWrite = (text: string) => /^\s*(insert|update|delete|merge)\b/i.test(text) || /pg_advisory_xact_lock|\bfor update\b/i.test(text);
const isTxControl = (text: string) => /^\s*(begin|start transaction|commit|rollback|end)\b/i.test(text);

const valueOf = (v: CapturedStatement['values'][number]) => (v !== null && typeof v === 'object' ? Buffer.from(v.base64, 'base64') : v);

/**
 * Replays a request's statements bare with `pg`: the same text and parameters, each captured
 * connection on a connection of its own, groups in order and the statements of a group in parallel
 * (as the app ran them). Writes are replayed but not kept: a connection whose statements change data
 * runs them in a transaction that ends with ROLLBACK (the app's own COMMIT becomes ROLLBACK), so
 * every replay sees the same data.
 */
export class Replayer {
  private clients: pg.Client[] = [];
  constructor(private url: string) {}

  private async connection(i: number): Promise<pg.Client> {
    while (this.clients.length <= i) {
      const c = new pg.Client({ connectionString: this.url, application_name: 'tillit-bench-replay' });
      await c.connect();
      this.clients.push(c);
    }
    return this.clients[i]!;
  }

  /** Runs the capture once; returns its wall time in ms. */
  async run(capture: Capture): Promise<number> {
    const order = [...new Set(capture.statements.map((s) => s.client))];
    const conns = await Promise.all(order.map((_, i) => this.connection(i)));
    const connOf = (s: CapturedStatement) => conns[order.indexOf(s.client)]!;
    const guarded = new Set<pg.Client>();
    if (capture.writes) {
      for (const s of capture.statements)
        if (isWrite(s.text) && !capture.statements.some((t) => t.client === s.client && isTxControl(t.text))) guarded.add(connOf(s));
    }
    for (const c of guarded) await c.query('begin');
    const t = performance.now();
    let ms: number;
    try {
      for (const group of capture.groups) {
        const byConn = new Map<pg.Client, CapturedStatement[]>();
        for (const s of group) byConn.set(connOf(s), [...(byConn.get(connOf(s)) ?? []), s]);
        await Promise.all(
          [...byConn].map(async ([c, list]) => {
            for (const s of list) {
              const text = capture.writes && /^\s*(commit|end)\b/i.test(s.text) ? 'rollback' : s.text;
              // Named statements are prepared once per connection, as pg does for the app.
              const q = c.query({ text, values: s.values.map(valueOf), ...(s.name ? { name: s.name } : {}) });
              // A statement that failed in the app (and was handled there) fails here too.
              if (s.error) await q.catch(() => undefined);
              else await q;
            }
          }),
        );
      }
      ms = performance.now() - t;
    } finally {
      for (const c of guarded) await c.query('rollback');
    }
    return ms;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.end()));
    this.clients = [];
  }
}
