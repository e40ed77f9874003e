import type { RouteFixtures } from '../../platform/fixtures.js';

export const dashboardFixtures: RouteFixtures = {
  'GET /api/v1/dashboard': { scope: 'organization', build: async () => ({}), audit: [] },
};
