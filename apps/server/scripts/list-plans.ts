/**
 * Times every list query at Region Stor and prints EXPLAIN (ANALYZE, BUFFERS) of each, for docs/performance.md:
 *
 *   DATABASE_URL=postgres://… node --import tsx apps/server/scripts/list-plans.ts [--runs 7] [--explain plans.md] [filter]
 *
 * Runs the repositories' own list functions (the one statement each list sends), as the organisation's
 * admin (scope = the root unit). Deep pages are reached by walking cursors, as the web app does.
 */
import pg from 'pg';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import { auditListQuery, assetListQuery, classificationListQuery, userListQuery } from '@tillit/core';
import type { DB } from '../src/db/types.js';
import * as audit from '../src/modules/audit/audit.repository.js';
import * as assets from '../src/modules/assets/assets.repository.js';
import * as classification from '../src/modules/classification/classification.repository.js';
import * as users from '../src/modules/users/users.repository.js';
import * as coverage from '../src/modules/classification/coverage.repository.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(opt('--runs') ?? 7);
const explainFile = opt('--explain');
const filter = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))[0];
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

pg.types.setTypeParser(20, (v) => Number(v));
const pool = new pg.Pool({ connectionString: url, max: 2 });
let captured: CompiledQuery | null = null;
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (e) => void (captured = e.query) });

const org = (
  await pool.query<{ id: string; root: string }>(
    `select o.id, u.id as root from organizations o join units u on u.organization_id = o.id and u.parent_id is null where o.name = $1`,
    [process.env.ORG_NAME ?? 'Region Stor'],
  )
).rows[0];
if (!org) throw new Error('Region Stor not found: npm run tillit -- seed --profile stor');
type Page = { items: unknown[]; total: number; totalCapped: boolean; offset: number | null; nextCursor: string | null };
const lists: Record<string, [(q: never) => Promise<Page>, { parse: (v: unknown) => unknown }]> = {
  audit: [(q) => audit.list(db, org.id, q), auditListQuery],
  assets: [(q) => assets.list(db, org.id, [org.root], q), assetListQuery],
  classifications: [(q) => classification.list(db, org.id, [org.root], q), classificationListQuery],
  users: [(q) => users.list(db, org.id, q), userListQuery],
};
const cells: [name: string, list: string, query: Record<string, string>, pages?: number][] = [
  ['audit page 1', 'audit', {}],
  ['audit page 200 (cursor)', 'audit', {}, 200],
  ['audit last page', 'audit', { cursor: 'last' }],
  ['audit 30-day window 4 years back', 'audit', { from: '2022-12-01T00:00:00Z', to: '2022-12-31T00:00:00Z' }],
  ['audit by actor', 'audit', { actorUserId: '$actor' }],
  ['audit action=login', 'audit', { action: 'login' }],
  ['audit entityType=asset', 'audit', { entityType: 'asset' }],
  ['audit search rare word', 'audit', { q: 'qzxv' }],
  ['audit search mid word (Öberg)', 'audit', { q: 'Öberg' }],
  ['audit search common word (berg)', 'audit', { q: 'berg' }],
  ['assets page 1 by name', 'assets', {}],
  ['assets page 200 by name (cursor)', 'assets', {}, 200],
  ['assets last page by name', 'assets', { cursor: 'last' }],
  ['assets page 3 by name (offset)', 'assets', { page: '3' }],
  ['assets by kind', 'assets', { sort: 'kind' }],
  ['assets by -updatedAt', 'assets', { sort: '-updatedAt' }],
  ['assets by unit', 'assets', { sort: 'unit' }],
  ['assets page 100 by unit', 'assets', { sort: 'unit' }, 100],
  ['assets by -levelC', 'assets', { sort: '-levelC' }],
  ['assets page 100 by supplier', 'assets', { sort: 'supplier' }, 100],
  ['assets by reviewDueAt', 'assets', { sort: 'reviewDueAt' }],
  ['assets by externalId', 'assets', { sort: 'externalId' }],
  [
    'assets systems due, by -levelC',
    'assets',
    { kind: 'system', lifecycle: 'in_use,phasing_out', reviewState: 'overdue,due_soon', sort: '-levelC' },
  ],
  ['assets personal data sensitive', 'assets', { personalData: 'sensitive' }],
  ['assets search common (journal)', 'assets', { q: 'journal' }],
  ['assets search rare', 'assets', { q: 'qzxv' }],
  ['classifications page 1', 'classifications', {}],
  ['classifications page 200 (cursor)', 'classifications', {}, 200],
  ['classifications last page', 'classifications', { cursor: 'last' }],
  ['classifications submitted', 'classifications', { status: 'submitted' }],
  ['classifications search (journal)', 'classifications', { q: 'journal' }],
  ['classifications search rare (dosrecept)', 'classifications', { q: 'dosrecept' }],
  ['users page 1', 'users', {}],
  ['users page 40 (cursor)', 'users', {}, 40],
  ['users by -lastLoginAt', 'users', { sort: '-lastLoginAt' }],
  ['users search (berg)', 'users', { q: 'berg' }],
];
const actor =
  (
    await pool.query<{ id: string }>(
      `select actor_user_id as id from audit_events where organization_id = $1 and actor_user_id is not null limit 1`,
      [org.id],
    )
  ).rows[0]?.id ?? '';

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const out: string[] = [];
console.log(`| cell | median ms | p95 ms | rows | total |\n| --- | ---: | ---: | ---: | --- |`);
for (const [name, list, raw, pages] of cells) {
  if (filter && !name.includes(filter)) continue;
  const [run, schema] = lists[list]!;
  const q = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === '$actor' ? actor : v]));
  let query = schema.parse(q);
  let page = await run(query as never);
  for (let i = 1; i < (pages ?? 1) && page.nextCursor; i++)
    page = await run((query = schema.parse({ ...q, cursor: page.nextCursor })) as never);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    page = await run(query as never);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `| ${name} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${page.items.length} | ${page.totalCapped ? 'minst ' : ''}${page.total} |`,
  );
  if (explainFile && captured) {
    const c = captured as CompiledQuery;
    const plan = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${c.sql}`, [...c.parameters]);
    out.push(`### ${name}\n\n\`\`\`\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`);
  }
}
// Loaded with every inventory view (facets) and on the coverage page.
for (const [name, fn] of [
  ['facets', () => assets.facets(db, org.id, [org.root])],
  ['coverage', () => coverage.coverage(db, org.id, org.root, [org.root])],
] as const) {
  if (filter && !name.includes(filter)) continue;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${name} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | | |`);
}
if (explainFile) {
  const c = coverage.coverageQuery(org.id, org.root, [org.root]).compile(db);
  const plan = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${c.sql}`, [...c.parameters]);
  out.push(`### coverage (organisation)\n\n\`\`\`\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(explainFile, out.join('\n'));
}
await db.destroy();
