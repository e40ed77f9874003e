import type { FixtureWorld, RouteFixture, RouteFixtures } from '../../platform/fixtures.js';
import { makeMeasure, type MeasureOverrides } from '../../seed/factories-measures.js';
import * as repo from './measures.repository.js';

/** A measure in the world's unit, owned by another person (so the actor may verify it), named with the marker. */
async function measure(w: FixtureWorld, overrides: MeasureOverrides = {}) {
  const owner = await w.person();
  return w.tx((trx) =>
    makeMeasure(trx, w.unit, {
      title: `Åtgärd ${w.marker}`,
      ownerId: owner.id,
      startDate: '2026-01-01',
      dueDate: '2026-03-31',
      ...overrides,
    }),
  );
}

const link = (w: FixtureWorld) => ({
  type: 'plan_requirement',
  targetId: crypto.randomUUID(),
  contextId: crypto.randomUUID(),
  label: `Krav ${w.marker}`,
});

const read = (build: RouteFixture['build'], sibling: RouteFixture['sibling'] = 'deny'): RouteFixture => ({
  scope: 'unit',
  sibling,
  build,
  audit: [],
});

export const measureFixtures: RouteFixtures = {
  'GET /api/v1/measures': read(async (w) => (await measure(w), {}), 'hidden'),
  'GET /api/v1/measures/board': read(async (w) => (await measure(w), { query: { groupBy: 'owner' } }), 'hidden'),
  'GET /api/v1/measures/:id': read(async (w) => ({ params: { id: (await measure(w)).id } })),
  'POST /api/v1/measures': {
    scope: 'unit',
    build: async (w) => ({
      body: { title: `Ny åtgärd ${w.marker}`, unitId: w.unit.id, dueDate: '2027-01-31', priority: 'high', links: [link(w)] },
    }),
    audit: [{ action: 'create', entityType: 'measure' }],
  },
  'PATCH /api/v1/measures/:id': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await measure(w)).id }, body: { title: `Omdöpt ${w.marker}`, priority: 'critical' } }),
    audit: [{ action: 'update', entityType: 'measure' }],
  },
  'POST /api/v1/measures/:id/status': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await measure(w)).id }, body: { status: 'in_progress' } }),
    audit: [{ action: 'change_status', entityType: 'measure' }],
  },
  'POST /api/v1/measures/:id/verifications': {
    scope: 'unit',
    build: async (w) => ({
      params: { id: (await measure(w, { status: 'done' })).id },
      body: { method: 'Granskning av behörighetslogg', verifiedOn: '2026-04-15', result: 'effective' },
    }),
    audit: [{ action: 'verify', entityType: 'measure' }],
  },
  'POST /api/v1/measures/:id/links': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await measure(w)).id }, body: link(w) }),
    audit: [{ action: 'link', entityType: 'measure' }],
  },
  'DELETE /api/v1/measures/:id/links/:linkId': {
    scope: 'unit',
    build: async (w) => {
      const m = await measure(w, { links: [link(w)] });
      const [l] = await repo.linksOf(w.db, [m.id]);
      return { params: { id: m.id, linkId: l!.id } };
    },
    audit: [{ action: 'unlink', entityType: 'measure' }],
  },
};
