import { measureList } from '@tillit/core/schemas/measures';
import { defineModule } from '../../platform/module.js';
import { measureRoutes } from './measures.routes.js';
import { createMeasuresService, type MeasuresService } from './measures.service.js';
import { measuresAudit } from './measures.audit.js';

declare module '../../platform/module.js' {
  interface AppServices {
    measures: MeasuresService;
  }
}

/** Measures (åtgärder): one table for all of Tillit, links to what each answers, verification of effect. */
export default defineModule({
  name: 'measures',
  lists: [measureList],
  routes: measureRoutes,
  services: ({ db }) => ({ measures: createMeasuresService(db) }),
  permissions: [{ permission: 'measure.read' }, { permission: 'measure.write' }, { permission: 'measure.verify' }],
  audit: measuresAudit,
  contentTables: [{ table: 'measures', column: 'unit_id' }],
  fixtures: async () => (await import('./measures.fixtures.js')).measureFixtures,
});
