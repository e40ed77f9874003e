/**
 * The key endpoints `npm run bench` measures, each with the main SQL it runs (timed bare with `pg`
 * to show how much the application adds). Modules declare theirs in their manifest (`bench`);
 * `prepare` may look up ids in the generated data with `ctx.query`.
 */
import type { BenchEndpoint, SqlStatement } from '../src/platform/bench.js';
import { modules } from '../src/modules/index.js';

export type { BenchContext, BenchEndpoint, PreparedEndpoint, SqlStatement } from '../src/platform/bench.js';

const PAGE = 50;

const userListSql = (orgId: string, where: string, values: unknown[]): SqlStatement[] => [
  {
    text: `select * from users where organization_id = $1 ${where} order by name asc, id limit ${PAGE} offset 0`,
    values: [orgId, ...values],
  },
  { text: `select count(*) as n from users where organization_id = $1 ${where}`, values: [orgId, ...values] },
];

const auditListSql = (orgId: string, where: string, values: unknown[]): SqlStatement[] => [
  {
    text: `select * from audit_events where organization_id = $1 ${where} order by id desc limit ${PAGE} offset 0`,
    values: [orgId, ...values],
  },
  {
    text: `select count(*)::int as n from (select 1 as one from audit_events where organization_id = $1 ${where} limit 10001) t`,
    values: [orgId, ...values],
  },
];

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
        sql: [{ text: 'select * from users where lower(email) = $1', values: [people[0]!.email] }],
      };
    },
  },
  {
    name: 'session',
    async prepare(ctx) {
      return {
        path: '/api/v1/auth/session',
        sql: [
          {
            text: 'select u.*, o.name as org_name from users u join organizations o on o.id = u.organization_id where u.id = $1',
            values: [ctx.admin.id],
          },
          {
            text: 'select ra.id, ra.role, ra.unit_id, un.name from role_assignments ra join units un on un.id = ra.unit_id where ra.user_id = $1',
            values: [ctx.admin.id],
          },
        ],
      };
    },
  },
  {
    name: 'units list',
    async prepare(ctx) {
      return {
        path: '/api/v1/units',
        sql: [
          {
            text: 'select * from units where organization_id = $1 and closed_at is null order by array_length(path, 1), name',
            values: [ctx.organizationId],
          },
        ],
      };
    },
  },
  {
    name: 'users page 1',
    async prepare(ctx) {
      return { path: `/api/v1/users?page=1&pageSize=${PAGE}`, sql: userListSql(ctx.organizationId, '', []) };
    },
  },
  {
    name: 'users search',
    async prepare(ctx) {
      return {
        path: `/api/v1/users?q=lind&pageSize=${PAGE}`,
        sql: userListSql(ctx.organizationId, `and (name ilike $2 or email ilike $2)`, ['%lind%']),
      };
    },
  },
  {
    name: 'users filter (role)',
    async prepare(ctx) {
      const where = `and exists (select 1 from role_assignments ra where ra.user_id = users.id and ra.role = $2)`;
      return {
        path: `/api/v1/users?role=information_owner&pageSize=${PAGE}`,
        sql: userListSql(ctx.organizationId, where, ['information_owner']),
      };
    },
  },
  {
    name: 'audit page 1',
    async prepare(ctx) {
      return { path: `/api/v1/audit-events?pageSize=${PAGE}`, sql: auditListSql(ctx.organizationId, '', []) };
    },
  },
  {
    name: 'audit by entity type',
    async prepare(ctx) {
      return {
        path: `/api/v1/audit-events?entityType=unit&pageSize=${PAGE}`,
        sql: auditListSql(ctx.organizationId, 'and entity_type = $2', ['unit']),
      };
    },
  },
  {
    name: 'audit by user',
    async prepare(ctx) {
      const [busy] = await ctx.query<{ id: string }>(
        `select actor_user_id as id from audit_events where organization_id = $1 and id > (select max(id) - 20000 from audit_events) and actor_user_id is not null group by 1 order by count(*) desc, 1 limit 1`,
        [ctx.organizationId],
      );
      return {
        path: `/api/v1/audit-events?actorUserId=${busy!.id}&pageSize=${PAGE}`,
        sql: auditListSql(ctx.organizationId, 'and actor_user_id = $2', [busy!.id]),
      };
    },
  },
  {
    name: 'dashboard',
    async prepare(ctx) {
      const o = ctx.organizationId;
      return {
        path: '/api/v1/dashboard',
        sql: [
          { text: 'select name from organizations where id = $1', values: [o] },
          {
            text: `select
              (select count(*)::int from units where organization_id = $1 and closed_at is null) as units,
              (select count(*)::int from users where organization_id = $1 and status != 'disabled') as users,
              (select count(*)::int from users where organization_id = $1 and status = 'active') as active_users,
              (select count(*)::int from audit_events where organization_id = $1 and occurred_at > now() - interval '30 days') as audit30`,
            values: [o],
          },
          { text: 'select * from audit_events where organization_id = $1 order by id desc limit 8', values: [o] },
        ],
      };
    },
  },
  {
    name: 'audit verify',
    once: true,
    async prepare(ctx) {
      // The full walk (ADR 0002). Reading the whole chain is the SQL part; hashing it is the application's.
      return {
        path: '/api/v1/audit-events/verify?full=true',
        sql: async (query) => {
          for (let last = 0; ;) {
            const rows = await query<{ id: number }>(
              'select * from audit_events where organization_id = $1 and id > $2 order by id limit 5000',
              [ctx.organizationId, last],
            );
            if (!rows.length) return;
            last = rows.at(-1)!.id;
          }
        },
      };
    },
  },
  {
    // Right after the full walk, which set the checkpoint: what the audit page's button costs.
    name: 'audit verify (incremental)',
    once: true,
    async prepare(ctx) {
      return {
        path: '/api/v1/audit-events/verify',
        sql: [
          { text: 'select * from audit_checkpoints where organization_id = $1', values: [ctx.organizationId] },
          {
            text: 'select * from audit_events where organization_id = $1 and id = (select event_id from audit_checkpoints where organization_id = $1)',
            values: [ctx.organizationId],
          },
          {
            text: `select * from audit_events where organization_id = $1
                   and id > (select event_id from audit_checkpoints where organization_id = $1) order by id limit 5000`,
            values: [ctx.organizationId],
          },
        ],
      };
    },
  },
];

// The modules' endpoints, from their manifests.
for (const m of modules) if (m.bench) benchEndpoints.push(...(await m.bench()));
