import { authRoutes } from './auth.routes.js';
import { createAuthService } from './auth.service.js';
import { defineModule } from '../../platform/module.js';
import { authAudit } from './auth.audit.js';

declare module '../../platform/module.js' {
  interface AppServices {
    auth: ReturnType<typeof createAuthService>;
  }
}

/** The auth module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'auth',
  routes: authRoutes,
  services: ({ db, config }) => ({ auth: createAuthService(db, config) }),
  permissions: [],
  audit: authAudit,
  fixtures: async () => (await import('./auth.fixtures.js')).authFixtures,
});
