import type { FixtureWorld, RouteFixture, RouteFixtures } from '../../platform/fixtures.js';
import { informationTypePreset } from '@tillit/core';
import * as repo from './information-types.repository.js';

let n = 0;
const key = () => `typ-${++n}-${Date.now().toString(36)}`;
const recommended = { C: 2, I: 2, A: 1, T: null };

/** An unused information type of the organisation. */
const informationType = (w: FixtureWorld) =>
  w.tx((trx) =>
    repo.insert(trx, {
      organization_id: w.organizationId,
      key: key(),
      name: `Informationstyp ${w.marker}`,
      personal_data: 'ordinary',
      rec_c: 2,
      rec_i: 2,
      rec_a: 1,
      rec_t: null,
    }),
  );

/**
 * The library is the organisation's: a grant anywhere in it reads it; changing it needs
 * information_type.manage on the organisation's top unit (its levels drive every unit's classification),
 * so a holder on a sibling unit is refused.
 */
const org = (build: RouteFixture['build'], audit: RouteFixture['audit']): RouteFixture => ({
  scope: 'organization',
  build,
  audit,
  ...(typeof audit === 'function' || audit.length ? { sibling: 'deny' as const } : {}),
});

export const informationTypeFixtures: RouteFixtures = {
  'GET /api/v1/information-types': org(async (w) => (await informationType(w), {}), []),
  'POST /api/v1/information-types': org(
    async (w) => ({ body: { key: key(), name: `Remisser ${w.marker}`, personalData: 'patient', recommended } }),
    [{ action: 'create', entityType: 'information_type' }],
  ),
  'GET /api/v1/information-types/export': org(async () => ({}), []),
  'POST /api/v1/information-types/import': org(
    async (w) => ({
      body: { format: 'tillit.information-types', formatVersion: 1, types: [{ key: key(), name: `Importerad ${w.marker}`, recommended }] },
    }),
    [{ action: 'import', entityType: 'information_type' }],
  ),
  // The preset adds what the library lacks (one type is taken away first), one event per type it adds or changes.
  'POST /api/v1/information-types/preset': org(
    async (w) => (
      await w.db
        .deleteFrom('information_types')
        .where('organization_id', '=', w.organizationId)
        .where('key', '=', informationTypePreset.types[0]!.key)
        .execute(),
      {}
    ),
    (answer) => {
      const r = answer as { created: string[]; updated: string[] };
      return [...r.created, ...r.updated].map(() => ({ action: 'import', entityType: 'information_type' }));
    },
  ),
  'GET /api/v1/information-types/:id': org(async (w) => ({ params: { id: (await informationType(w)).id } }), []),
  'PATCH /api/v1/information-types/:id': org(
    async (w) => ({
      params: { id: (await informationType(w)).id },
      body: { name: `Omdöpt ${w.marker}`, recommended: { C: 3, I: 2, A: 1, T: null } },
    }),
    [{ action: 'update', entityType: 'information_type' }],
  ),
  'DELETE /api/v1/information-types/:id': org(
    async (w) => ({ params: { id: (await informationType(w)).id } }),
    [{ action: 'delete', entityType: 'information_type' }],
  ),
};
