import { classificationList } from '@tillit/core';
import { classificationRoutes } from './classification.routes.js';
import { createClassificationService } from './classification.service.js';
import { createCoverageService } from './coverage.service.js';
import { createInitialModel, createModelsService } from './models.service.js';
import { defineModule } from '../../platform/module.js';
import { classificationDashboard } from './classification.dashboard.js';
import { classificationProducers } from './classification.notifications.js';
import { classificationAudit } from './classification.audit.js';

declare module '../../platform/module.js' {
  interface AppServices {
    classificationModels: ReturnType<typeof createModelsService>;
    classification: ReturnType<typeof createClassificationService>;
    coverage: ReturnType<typeof createCoverageService>;
  }
}

/** The classification module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'classification',
  lists: [classificationList],
  routes: classificationRoutes,
  services: ({ db }) => ({
    classificationModels: createModelsService(db),
    classification: createClassificationService(db),
    coverage: createCoverageService(db),
  }),
  notifications: classificationProducers,
  dashboard: classificationDashboard,
  // Every organisation classifies from the start with the shipped model as its version 1.
  onOrganizationCreated: (trx, org) => createInitialModel(trx, org.organizationId),
  permissions: [
    { permission: 'classification.read' },
    { permission: 'classification.write' },
    { permission: 'classification.approve' },
    { permission: 'classification_model.manage' },
  ],
  audit: classificationAudit,
  fixtures: async () => (await import('./classification.fixtures.js')).classificationFixtures,
});
