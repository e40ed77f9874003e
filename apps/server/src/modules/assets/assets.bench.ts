import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type RawBuilder } from 'kysely';
import type { DB } from '../../db/types.js';
import { listQuery } from './assets.repository.js';
import { coverageQuery } from '../classification/coverage.repository.js';
import type { BenchContext, BenchEndpoint, SqlStatement } from '../../platform/bench.js';

/**
 * Issue 3's endpoints on Region Stor (1,000 systems, 10,000 information sets). Targets: filtered
 * inventory page p95 ≤ 100 ms. The SQL is compiled from the repository's own query builders, so
 * the bare timing is of exactly what the endpoint runs. Declared in the assets manifest (`bench`),
 * loaded only by `npm run bench`.
 */
const compiler = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const compiled = (q: RawBuilder<unknown>): SqlStatement => {
  const c = q.compile(compiler);
  return { text: c.sql, values: [...c.parameters] };
};

async function rootOf(ctx: BenchContext) {
  const [root] = await ctx.query<{ id: string }>('select id from units where organization_id = $1 and parent_id is null', [
    ctx.organizationId,
  ]);
  return root!.id;
}

function inventory(name: string, query: string, filter: Parameters<typeof listQuery>[2]): BenchEndpoint {
  return {
    name,
    async prepare(ctx) {
      const q = listQuery(ctx.organizationId, [await rootOf(ctx)], filter);
      return { path: `/api/v1/assets?${query}`, sql: [compiled(q)] };
    },
  };
}

export const assetBenchEndpoints: BenchEndpoint[] = [
  inventory('assets page 1', 'page=1&pageSize=50', { page: 1, pageSize: 50 }),
  inventory(
    'assets filtered (systems due, by level)',
    'kind=system&lifecycle=in_use,phasing_out&reviewState=overdue,due_soon&sort=-levelC',
    {
      page: 1,
      pageSize: 50,
      kind: ['system'],
      lifecycle: ['in_use', 'phasing_out'],
      reviewState: ['overdue', 'due_soon'],
      sort: '-levelC',
    },
  ),
  inventory('assets search', 'q=journal', { page: 1, pageSize: 50, q: 'journal' }),
  inventory('assets deep page (patient data, K ≥ 3)', 'personalData=patient&aspect=C&minLevel=3&page=40', {
    page: 40,
    pageSize: 50,
    personalData: ['patient'],
    aspect: 'C',
    minLevel: 3,
  }),
  {
    name: 'classification coverage',
    async prepare(ctx) {
      const root = await rootOf(ctx);
      return { path: '/api/v1/classification/coverage', sql: [compiled(coverageQuery(ctx.organizationId, root, [root]))] };
    },
  },
];
