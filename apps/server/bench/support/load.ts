import autocannon from 'autocannon';
import type { PreparedEndpoint } from '../endpoints.js';

export interface Cell {
  concurrency: number;
  requests: number;
  /** Requests per second that completed with 2xx. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

function requestOf(endpoint: PreparedEndpoint, cookie: string) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (endpoint.body !== undefined) headers['content-type'] = 'application/json';
  if (endpoint.auth !== false) headers.cookie = cookie;
  return { method: endpoint.method ?? 'GET', headers, body: endpoint.body === undefined ? undefined : JSON.stringify(endpoint.body) };
}

/** Loads one endpoint with `concurrency` connections for `seconds`, over loopback. */
export function measure(baseUrl: string, endpoint: PreparedEndpoint, cookie: string, concurrency: number, seconds: number): Promise<Cell> {
  const base = requestOf(endpoint, cookie);
  const times: number[] = [];
  let ok = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl + endpoint.path,
        connections: concurrency,
        duration: seconds,
        timeout: 120,
        ...base,
        requests: endpoint.vary
          ? [
              {
                setupRequest: (req) => {
                  const v = endpoint.vary!();
                  return {
                    ...req,
                    headers: { ...req.headers, ...v.headers },
                    body: v.body === undefined ? req.body : JSON.stringify(v.body),
                  };
                },
              },
            ]
          : undefined,
      },
      (err, result) => {
        if (err) return reject(err);
        const sorted = Float64Array.from(times).sort();
        resolve({
          concurrency,
          requests: times.length,
          throughput: ok / (result.duration || seconds),
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          errors: result.non2xx + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status >= 200 && status < 300) ok++;
    });
  });
}

/** One request, timed end to end (for endpoints too slow for a load test). */
export async function timeOnce(
  baseUrl: string,
  endpoint: PreparedEndpoint,
  cookie: string,
): Promise<{ ms: number; status: number; body: unknown }> {
  const req = requestOf(endpoint, cookie);
  const t = performance.now();
  const r = await fetch(baseUrl + endpoint.path, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(600_000),
  });
  const body = await r.json().catch(() => null);
  return { ms: performance.now() - t, status: r.status, body };
}
