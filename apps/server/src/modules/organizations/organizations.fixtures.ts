import type { RouteFixtures } from '../../platform/fixtures.js';
import { orgNumberFor } from '../../seed/factories.js';

let n = 0;
const base = Math.floor(Math.random() * 90000);
/** A fresh, valid organisation number per request (they are unique across the platform). */
const nextOrgNumber = () => orgNumberFor(10000 + ((base + ++n) % 90000));

export const organizationFixtures: RouteFixtures = {
  'GET /api/v1/organization': { scope: 'organization', build: async () => ({}), audit: [] },
  'PATCH /api/v1/organization': {
    // The organisation's settings are changed on its root: a grant on a unit below does not reach them.
    scope: 'organization',
    sibling: 'deny',
    build: async (w) => ({ body: { name: `Region ${w.marker} ${++n}` } }),
    audit: [{ action: 'update', entityType: 'organization' }],
  },
  'GET /api/v1/organizations': { scope: 'organization', build: async () => ({}), audit: [] },
  'POST /api/v1/organizations': {
    scope: 'organization',
    build: async (w) => ({
      body: {
        name: `Kommun ${w.marker} ${++n}`,
        orgNumber: nextOrgNumber(),
        kind: 'municipality',
        admin: { email: `admin${n}-${Date.now()}@kommun.example`, name: 'Första administratören' },
      },
    }),
    // The new organisation's chain starts with it, its classification model and the shipped requirement catalogue; its first administrator is invited with a role.
    audit: [
      { action: 'create', entityType: 'organization' },
      { action: 'create', entityType: 'classification_model' },
      { action: 'import', entityType: 'requirement_catalogue_version' },
      { action: 'invite', entityType: 'user' },
      { action: 'grant', entityType: 'role_assignment' },
    ],
  },
};
