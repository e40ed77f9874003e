import { dashboardRoutes } from './dashboard.routes.js';
import { createDashboardService } from './dashboard.service.js';
import { defineModule } from '../../platform/module.js';

declare module '../../platform/module.js' {
  interface AppServices {
    dashboard: ReturnType<typeof createDashboardService>;
  }
}

/** The dashboard module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'dashboard',
  routes: dashboardRoutes,
  services: ({ db }) => ({ dashboard: createDashboardService(db) }),
  permissions: [],
});
