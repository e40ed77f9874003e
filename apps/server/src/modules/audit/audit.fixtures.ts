import type { RouteFixtures } from '../../platform/fixtures.js';

export const auditFixtures: RouteFixtures = {
  // The audit log is read per organisation; a grant anywhere in it reads the whole log.
  'GET /api/v1/audit-events': { scope: 'organization', build: async () => ({}), audit: [] },
  'GET /api/v1/audit-events/vocabulary': { scope: 'organization', build: async () => ({}), audit: [] },
  'GET /api/v1/audit-events/verify': { scope: 'organization', build: async () => ({}), audit: [] },
};
