import type { FixtureWorld, RouteFixture, RouteFixtures } from '../../platform/fixtures.js';
import { makeMeasure } from '../../seed/factories-measures.js';
import { makeSoaYears } from './soa.seed.js';

// Each request gets years no other request of this process used (an organisation holds one statement per year).
const start = Math.floor(Math.random() * 400);
let n = 0;
const nextYear = () => 2100 + ((start + ++n) % 899);
/** Two fresh years (last and this) of the organisation's statement. */
const years = (w: FixtureWorld) => {
  nextYear();
  return w.tx((trx) => makeSoaYears(trx, w.organizationId, null, nextYear()));
};
const thisYear = async (w: FixtureWorld) => (await years(w))[1]!;

/** The statement is the organisation's: a grant anywhere reads it; changing it needs soa.write on the top unit. */
const org = (build: RouteFixture['build'], audit: RouteFixture['audit']): RouteFixture => ({
  scope: 'organization',
  build,
  audit,
  ...(Array.isArray(audit) && audit.length ? { sibling: 'deny' as const } : {}),
});

export const soaFixtures: RouteFixtures = {
  'GET /api/v1/soa': org(async (w) => (await years(w), {}), []),
  'POST /api/v1/soa': org(async () => ({ body: { year: nextYear(), note: 'Fixtur' } }), [{ action: 'create', entityType: 'soa_version' }]),
  'GET /api/v1/soa/compare': org(async (w) => {
    const [from, to] = await years(w);
    return { query: { from: from!, to: to! } };
  }, []),
  'GET /api/v1/soa/:id': org(async (w) => ({ params: { id: await thisYear(w) } }), []),
  'PATCH /api/v1/soa/:id/controls/:control': org(
    async (w) => ({
      params: { id: await thisYear(w), control: '5.1' },
      body: { implementation: 'partly', currentState: `Ändrat ${w.marker}` },
    }),
    [{ action: 'update', entityType: 'soa_entry' }],
  ),
  'POST /api/v1/soa/:id/controls/:control/measures': org(
    async (w) => {
      const measure = await w.tx((trx) => makeMeasure(trx, w.root));
      return { params: { id: await thisYear(w), control: '8.13' }, body: { measureId: measure.id } };
    },
    [{ action: 'link', entityType: 'measure' }],
  ),
  'GET /api/v1/soa/:id/export.xlsx': org(async (w) => ({ params: { id: await thisYear(w) } }), []),
  'GET /api/v1/soa/:id/export.docx': org(async (w) => ({ params: { id: await thisYear(w) } }), []),
};
