import { defineModule } from '../../platform/module.js';
import { actionPlanRoutes, procurementRoutes } from './action-plans.routes.js';
import { createProcurementService } from './procurement.service.js';
import { createActionPlansService } from './action-plans.service.js';
import { createPlanEvidenceService } from './action-plans.evidence.js';
import { actionPlansAudit } from './action-plans.audit.js';
import { staleAssessments } from './action-plans.notifications.js';
import { seedDemoPlans } from './action-plans.seed.js';
import { actionPlansGeneratorStep } from './action-plans.generator.js';

declare module '../../platform/module.js' {
  interface AppServices {
    actionPlans: ReturnType<typeof createActionPlansService>;
    planEvidence: ReturnType<typeof createPlanEvidenceService>;
    procurements: ReturnType<typeof createProcurementService>;
  }
}

/** Action plans (handlingsplaner): see docs/api-requirements.md. */
export default defineModule({
  name: 'action-plans',
  after: ['assets', 'classification', 'measures', 'requirement-catalogues'],
  routes: [...actionPlanRoutes, ...procurementRoutes],
  services: ({ db, services }) => ({
    actionPlans: createActionPlansService(db),
    planEvidence: createPlanEvidenceService(db, () => services.actionPlans),
    procurements: createProcurementService(db),
  }),
  contentTables: [{ table: 'procurements', column: 'unit_id' }],
  permissions: [{ permission: 'plan.read' }, { permission: 'plan.write' }],
  audit: actionPlansAudit,
  notifications: [staleAssessments],
  seed: seedDemoPlans,
  generator: actionPlansGeneratorStep,
  bench: async () => {
    const b = await import('./action-plans.bench.js');
    return [...b.actionPlanBenchEndpoints, ...b.procurementBenchEndpoints];
  },
  fixtures: async () => (await import('./action-plans.fixtures.js')).actionPlanFixtures,
});
