import type { FixtureWorld, RouteFixture, RouteFixtures } from '../../platform/fixtures.js';
import { linkSets, makeInformationSet, makeSystem } from '../../seed/factories-assets.js';
import * as repo from './assets.repository.js';

/** A system and an information set in the world's unit, named with its marker. */
const system = (w: FixtureWorld) =>
  w.tx((trx) => makeSystem(trx, w.unit, { name: `System ${w.marker}`, supplier: `Leverantör ${w.marker}` }));
const infoSet = (w: FixtureWorld) => w.tx((trx) => makeInformationSet(trx, w.unit, { name: `Informationsmängd ${w.marker}` }));

async function integration(w: FixtureWorld) {
  const [from, to] = [await system(w), await system(w)];
  return w.tx((trx) =>
    repo.insertIntegration(trx, { organization_id: w.organizationId, from_asset_id: from.id, to_asset_id: to.id, description: 'Remisser' }),
  );
}

const read = (build: RouteFixture['build'], sibling: RouteFixture['sibling'] = 'deny'): RouteFixture => ({
  scope: 'unit',
  sibling,
  build,
  audit: [],
});

export const assetFixtures: RouteFixtures = {
  'GET /api/v1/assets': read(async (w) => (await system(w), {}), 'hidden'),
  'POST /api/v1/assets': {
    scope: 'unit',
    build: async (w) => ({
      body: { kind: 'system', name: `Nytt system ${w.marker}`, unitId: w.unit.id, supplier: 'Leverantör AB', personalData: 'ordinary' },
    }),
    audit: [{ action: 'create', entityType: 'asset' }],
  },
  'GET /api/v1/assets/facets': read(async (w) => (await system(w), {}), 'hidden'),
  // A spreadsheet of the assets the user may read: always answered, filtered like the list.
  'GET /api/v1/assets/export.xlsx': read(async (w) => (await system(w), {}), 'allow'),
  'GET /api/v1/assets/:id': read(async (w) => ({ params: { id: (await system(w)).id } })),
  'PATCH /api/v1/assets/:id': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await system(w)).id }, body: { name: `Omdöpt ${w.marker}`, hosting: 'cloud' } }),
    audit: [{ action: 'update', entityType: 'asset' }],
  },
  'DELETE /api/v1/assets/:id': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await system(w)).id } }),
    audit: [{ action: 'delete', entityType: 'asset' }],
  },
  'POST /api/v1/assets/:id/information-sets': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await system(w)).id }, body: { informationSetId: (await infoSet(w)).id } }),
    audit: [{ action: 'create', entityType: 'asset_link' }],
  },
  'DELETE /api/v1/assets/:id/information-sets/:setId': {
    scope: 'unit',
    build: async (w) => {
      const [sys, set] = [await system(w), await infoSet(w)];
      await w.tx((trx) => linkSets(trx, sys, [set.id]));
      return { params: { id: sys.id, setId: set.id } };
    },
    audit: [{ action: 'delete', entityType: 'asset_link' }],
  },
  'POST /api/v1/assets/:id/integrations': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await system(w)).id }, body: { toAssetId: (await system(w)).id, description: 'Provsvar' } }),
    audit: [{ action: 'create', entityType: 'asset_integration' }],
  },
  'PATCH /api/v1/asset-integrations/:id': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await integration(w)).id }, body: { description: 'Remisser och svar' } }),
    audit: [{ action: 'update', entityType: 'asset_integration' }],
  },
  'DELETE /api/v1/asset-integrations/:id': {
    scope: 'unit',
    build: async (w) => ({ params: { id: (await integration(w)).id } }),
    audit: [{ action: 'delete', entityType: 'asset_integration' }],
  },
};
