import http from 'node:http';

/** One request the bench sends, as it goes on the wire. */
export interface Target {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Changes each request (e.g. another person for every sign-in). */
  vary?: () => { body?: unknown; headers?: Record<string, string> };
}

export interface Sample {
  ms: number;
  status: number;
}

export interface Samples {
  samples: Sample[];
  /** Wall time of the whole cell, ms. */
  wallMs: number;
}

export class HttpClient {
  private agent: http.Agent;
  private url: URL;
  constructor(baseUrl: string, sockets = 64) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** One request, timed from sending until the last byte of the answer. */
  /** `timeoutMs`: how long the answer may be silent (a full audit walk at 5 × Region Stor answers after many minutes). */
  request(t: Target, extraHeaders: Record<string, string> = {}, timeoutMs = 300_000): Promise<Sample & { body: string }> {
    const v = t.vary?.();
    const body = v?.body !== undefined ? JSON.stringify(v.body) : t.body;
    const headers = { ...t.headers, ...v?.headers, ...extraHeaders };
    return new Promise((resolve, reject) => {
      const start = performance.now();
      const req = http.request(
        { host: this.url.hostname, port: this.url.port, method: t.method, path: t.path, headers, agent: this.agent, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ ms: performance.now() - start, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout: ${t.method} ${t.path}`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /**
   * `concurrency` connections, each sending its next request as soon as the last one answered,
   * until `samples` answers are in or `maxMs` has passed (whichever comes first; at least one each).
   * `pick(i)` chooses the i-th request (a mix of endpoints, or always the same one).
   */
  async closedLoop(
    pick: (i: number) => Target,
    opts: { concurrency: number; samples: number; maxMs: number; onSample?: (i: number, s: Sample) => void },
  ): Promise<Samples> {
    const samples: Sample[] = [];
    const started = performance.now();
    let issued = 0;
    const worker = async () => {
      while (issued < opts.samples && (issued < opts.concurrency || performance.now() - started < opts.maxMs)) {
        const i = issued++;
        const s = await this.request(pick(i)).catch(() => ({ ms: NaN, status: 0 }));
        samples.push({ ms: s.ms, status: s.status });
        opts.onSample?.(i, s);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    return { samples, wallMs: performance.now() - started };
  }

  close(): void {
    this.agent.destroy();
  }
}

export const percentile = (xs: readonly number[], p: number): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
