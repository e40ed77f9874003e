import { informationTypeRoutes } from './information-types.routes.js';
import { createInformationTypesService } from './information-types.service.js';
import { defineModule } from '../../platform/module.js';
import { informationTypesAudit } from './information-types.audit.js';

declare module '../../platform/module.js' {
  interface AppServices {
    informationTypes: ReturnType<typeof createInformationTypesService>;
  }
}

/** The information-types module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'information-types',
  routes: informationTypeRoutes,
  services: ({ db }) => ({ informationTypes: createInformationTypesService(db) }),
  permissions: [{ permission: 'information_type.manage' }],
  audit: informationTypesAudit,
  fixtures: async () => (await import('./information-types.fixtures.js')).informationTypeFixtures,
});
