import type pg from 'pg';
import type { PreparedEndpoint } from '../endpoints.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

export const queryWith =
  (client: pg.ClientBase) =>
  async <T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]> =>
    (await client.query(text, values as unknown[])).rows as T[];

/**
 * The bare time of an endpoint's SQL: the median over repeated sequential runs (at least 5, up to
 * about a second's worth), after two warm-up runs; `once` runs it a single time.
 */
export async function timeSql(client: pg.ClientBase, endpoint: PreparedEndpoint, once = false): Promise<number> {
  const query = queryWith(client);
  const runOnce = async () => {
    const t = performance.now();
    if (typeof endpoint.sql === 'function') await endpoint.sql(query);
    else for (const s of endpoint.sql) await client.query(s.text, s.values as unknown[]);
    return performance.now() - t;
  };
  if (once) return runOnce();
  await runOnce();
  await runOnce();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 5 || (performance.now() - started < 1000 && times.length < 500)) times.push(await runOnce());
  return median(times);
}
