import { defineModule } from '../../platform/module.js';
import { unitRoutes } from './units.routes.js';
import { createUnitsService } from './units.service.js';
import { unitsAudit } from './units.audit.js';

/** The published service interface other modules may use (through `ctx.services.units` or `deps.services.units`). */
export type UnitsService = ReturnType<typeof createUnitsService>;

// Routes find the service as `services.units`: the platform's AppServices learns it from here.
declare module '../../platform/module.js' {
  interface AppServices {
    units: UnitsService;
  }
}

/** The units module (the organisation's tree): the worked example in docs/ARCHITECTURE.md. */
export default defineModule({
  name: 'units',
  routes: unitRoutes,
  // Every module's content tables, so a unit that still holds data of any module cannot be deleted.
  services: ({ db, contentTables }) => ({ units: createUnitsService(db, contentTables) }),
  permissions: [{ permission: 'unit.read' }, { permission: 'unit.manage' }],
  audit: unitsAudit,
  fixtures: async () => (await import('./units.fixtures.js')).unitFixtures,
});
