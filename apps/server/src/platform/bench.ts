/**
 * Types of the endpoints `npm run bench` measures (apps/server/bench). Here, in the platform, so
 * that a module's manifest can declare its bench endpoints without the application depending on
 * the bench folder.
 */
export interface SqlStatement {
  text: string;
  values?: unknown[];
}

export interface PreparedEndpoint {
  method?: 'GET' | 'POST';
  /** Path and query, e.g. `/api/v1/users?page=1`. */
  path: string;
  body?: unknown;
  /** Send the signed-in admin's session cookie (default true). */
  auth?: boolean;
  /** Changes each request, e.g. a different person for every sign-in. */
  vary?: () => { body?: unknown; headers?: Record<string, string> };
  /**
   * Not read by the bench any more: it records the statements each request actually sends
   * (authentication's included) and replays those as the bare-SQL figure (bench/support/replay.ts).
   */
  sql?: SqlStatement[] | ((query: BenchContext['query']) => Promise<unknown>);
}

export interface BenchContext {
  organizationId: string;
  admin: { id: string; email: string };
  password: string;
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
}

export interface BenchEndpoint {
  name: string;
  /** Time one request only (long-running endpoints); no concurrency matrix. */
  once?: boolean;
  prepare(ctx: BenchContext): Promise<PreparedEndpoint>;
}
