import { soaRoutes } from './soa.routes.js';
import { createSoaService } from './soa.service.js';
import { defineModule } from '../../platform/module.js';
import { soaAudit } from './soa.audit.js';
import { seedDemoSoa, soaGeneratorStep } from './soa.seed.js';
import './soa.tables.js';

declare module '../../platform/module.js' {
  interface AppServices {
    soa: ReturnType<typeof createSoaService>;
  }
}

/** The statement of applicability (uttalande om tillämplighet) over ISO/IEC 27001:2022 Annex A, one version per year. */
export default defineModule({
  name: 'soa',
  after: ['measures', 'requirement-catalogues'],
  routes: soaRoutes,
  services: ({ db, services }) => ({ soa: createSoaService(db, services) }),
  permissions: [{ permission: 'soa.read' }, { permission: 'soa.write' }],
  audit: soaAudit,
  seed: seedDemoSoa,
  generator: soaGeneratorStep,
  bench: async () => (await import('./soa.bench.js')).soaBenchEndpoints,
  fixtures: async () => (await import('./soa.fixtures.js')).soaFixtures,
});
