import { dashboardRoutes } from './dashboard.routes.js';
import { createDashboardService } from './dashboard.service.js';
import { defineModule } from '../../platform/module.js';
import { organizationDashboard } from './organization.dashboard.js';

declare module '../../platform/module.js' {
  interface AppServices {
    dashboard: ReturnType<typeof createDashboardService>;
  }
}

/** The dashboard module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'dashboard',
  routes: dashboardRoutes,
  services: (deps) => ({ dashboard: createDashboardService(deps) }),
  permissions: [],
  // The organisation's own figures (units, users, audit activity); the other modules bring theirs.
  dashboard: organizationDashboard,
  fixtures: async () => (await import('./dashboard.fixtures.js')).dashboardFixtures,
});
