/**
 * The platform's endpoints `npm run bench` measures besides the lists (which it makes from each
 * list's declaration: support/lists.ts). Modules declare theirs in their manifest (`bench`);
 * `prepare` may look up ids in the generated data with `ctx.query`. No SQL is written here: the
 * bench records the statements each request sends and replays those (support/replay.ts).
 */
import type { BenchEndpoint } from '../src/platform/bench.js';
import { modules } from '../src/modules/index.js';

export type { BenchContext, BenchEndpoint, PreparedEndpoint } from '../src/platform/bench.js';

export const benchEndpoints: BenchEndpoint[] = [
  {
    name: 'sign-in',
    async prepare(ctx) {
      // Everyone has the same password; rotating people and client addresses keeps the per-account
      // lock and the per-address throttle (both meant for attackers) out of the measurement.
      const people = await ctx.query<{ email: string }>(
        `select email from users where organization_id = $1 and status = 'active' order by email`,
        [ctx.organizationId],
      );
      let i = 0;
      return {
        method: 'POST',
        path: '/api/v1/auth/login',
        auth: false,
        body: { email: people[0]!.email, password: ctx.password },
        vary: () => {
          i++;
          return {
            body: { email: people[i % people.length]!.email, password: ctx.password },
            headers: { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
          };
        },
      };
    },
  },
  { name: 'session', prepare: async () => ({ path: '/api/v1/auth/session' }) },
  { name: 'units list', prepare: async () => ({ path: '/api/v1/units' }) },
  { name: 'dashboard', prepare: async () => ({ path: '/api/v1/dashboard' }) },
  // The full walk (ADR 0002), then, from the checkpoint it set, what the audit page's button costs.
  {
    name: 'audit verify',
    once: true,
    prepare: async () => ({ path: '/api/v1/audit-events/verify', method: 'POST', body: { full: true } }),
  },
  {
    name: 'audit verify (incremental)',
    once: true,
    prepare: async () => ({ path: '/api/v1/audit-events/verify', method: 'POST', body: { full: false } }),
  },
];

// The modules' endpoints, from their manifests.
for (const m of modules) if (m.bench) benchEndpoints.push(...(await m.bench()));
