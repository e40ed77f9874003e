import { baseCatalogue } from '@tillit/core';
import type { FixtureWorld, RouteFixture, RouteFixtures } from '../../platform/fixtures.js';
import * as repo from './requirement-catalogues.repository.js';

let n = 0;

/** The organisation's shipped base catalogue version (every organisation has it from its creation). */
async function baseVersionId(w: FixtureWorld): Promise<string> {
  const v = await repo.findLatestVersion(w.db, w.organizationId, baseCatalogue.catalogue);
  if (!v) throw new Error('fixture: the organisation has no base catalogue');
  return v.id;
}

/** A small valid catalogue of the organisation's own, with a version number not used before. */
export function ownCatalogue(marker: string) {
  return {
    catalogue: 'egen-katalog',
    version: `${++n}.${Date.now().toString(36)}`,
    publishedAt: '2026-12-01',
    name: { sv: `Egen katalog ${marker}`, en: 'Own catalogue' },
    themes: [{ code: 'EGEN', label: { sv: 'Egna krav', en: 'Own requirements' } }],
    requirements: [
      {
        id: 'EG-01',
        theme: 'EGEN',
        title: { sv: 'Krypterade usb-minnen', en: 'Encrypted USB sticks' },
        statement: {
          sv: 'Usb-minnen med skyddsvärd information är krypterade.',
          en: 'USB sticks with sensitive information are encrypted.',
        },
        procurement: { sv: 'Leverantören ska använda krypterade usb-minnen.', en: 'The supplier shall use encrypted USB sticks.' },
        guidance: { sv: 'Ett tappat minne ska inte bli en incident.', en: 'A lost stick should not become an incident.' },
        appliesAt: { C: 2 },
        triggers: [],
        references: [{ kind: 'iso27002', control: '7.10' }],
      },
    ],
  };
}

/** The catalogues are the organisation's: a grant anywhere reads them; importing needs the permission on the top unit. */
const org = (build: RouteFixture['build'], audit: RouteFixture['audit'], sibling?: RouteFixture['sibling']): RouteFixture => ({
  scope: 'organization',
  build,
  audit,
  ...(sibling ? { sibling } : {}),
});

export const requirementCatalogueFixtures: RouteFixtures = {
  'GET /api/v1/requirement-catalogues': org(async () => ({}), []),
  'POST /api/v1/requirement-catalogues/import': org(
    async (w) => ({ body: ownCatalogue(w.marker) }),
    [{ action: 'import', entityType: 'requirement_catalogue_version' }],
    'deny',
  ),
  'GET /api/v1/requirement-catalogues/:id': org(async (w) => ({ params: { id: await baseVersionId(w) } }), []),
  'GET /api/v1/requirement-catalogues/:id/requirements': org(async (w) => ({ params: { id: await baseVersionId(w) } }), []),
  'GET /api/v1/requirement-catalogues/:id/requirements/:requirementId': org(
    async (w) => ({ params: { id: await baseVersionId(w), requirementId: baseCatalogue.requirements[0]!.id } }),
    [],
  ),
  'GET /api/v1/requirement-catalogues/:id/export.json': org(async (w) => ({ params: { id: await baseVersionId(w) } }), []),
  'GET /api/v1/requirement-catalogues/:id/export.xlsx': org(async (w) => ({ params: { id: await baseVersionId(w) } }), []),
};
