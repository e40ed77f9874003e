import { measureList } from '@tillit/core/modules/measures/schemas';
import { defineModule } from '../../platform/module.js';
import { measureRoutes } from './measures.routes.js';
import { createMeasuresService, type MeasuresService } from './measures.service.js';
import { measuresAudit } from './measures.audit.js';
import { measureProducers } from './measures.notifications.js';
import { measuresDashboard } from './measures.dashboard.js';
import { seedDemoMeasures } from './measures.seed.js';
import { measuresGeneratorStep } from './measures.generator.js';

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
  notifications: measureProducers,
  dashboard: measuresDashboard,
  // After the assets' seed: later the demo links measures to the action plans' requirements.
  after: ['assets'],
  seed: seedDemoMeasures,
  generator: measuresGeneratorStep,
  bench: async () => (await import('./measures.bench.js')).measureBenchEndpoints,
  contentTables: [{ table: 'measures', column: 'unit_id' }],
  fixtures: async () => (await import('./measures.fixtures.js')).measureFixtures,
});
