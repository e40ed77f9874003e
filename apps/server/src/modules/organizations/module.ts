import { organizationRoutes } from './organizations.routes.js';
import { createOrganizationsService } from './organizations.service.js';
import { defineModule } from '../../platform/module.js';
import { organizationsAudit } from './organizations.audit.js';

declare module '../../platform/module.js' {
  interface AppServices {
    organizations: ReturnType<typeof createOrganizationsService>;
  }
}

/** The organizations module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'organizations',
  routes: organizationRoutes,
  services: ({ db, services }) => ({ organizations: createOrganizationsService(db, () => services.users) }),
  permissions: [{ permission: 'org.read' }, { permission: 'org.manage' }],
  audit: organizationsAudit,
  fixtures: async () => (await import('./organizations.fixtures.js')).organizationFixtures,
});
