import { requirementCatalogueRoutes } from './requirement-catalogues.routes.js';
import { createRequirementCataloguesService, loadShippedCatalogues } from './requirement-catalogues.service.js';
import { defineModule } from '../../platform/module.js';
import { requirementCataloguesAudit } from './requirement-catalogues.audit.js';
import './requirement-catalogues.tables.js';

declare module '../../platform/module.js' {
  interface AppServices {
    requirementCatalogues: ReturnType<typeof createRequirementCataloguesService>;
  }
}

/** The requirement catalogues (kravkataloger): see docs/requirement-catalogue-format.md. */
export default defineModule({
  name: 'requirement-catalogues',
  after: ['classification'],
  routes: requirementCatalogueRoutes,
  services: ({ db }) => ({ requirementCatalogues: createRequirementCataloguesService(db) }),
  permissions: [{ permission: 'requirement.read' }, { permission: 'requirement_catalogue.manage' }],
  audit: requirementCataloguesAudit,
  // A new organisation has the shipped catalogues from the start; a release with a new shipped
  // version brings it to every organisation at the next start.
  onOrganizationCreated: (trx, org) => loadShippedCatalogues(trx, org.organizationId).then(() => undefined),
  jobs: () => [
    {
      name: 'requirement-catalogues.load-shipped',
      runAtStart: true,
      run: async (_payload, ctx) => void (await ctx.services.requirementCatalogues.loadShippedEverywhere()),
    },
  ],
  fixtures: async () => (await import('./requirement-catalogues.fixtures.js')).requirementCatalogueFixtures,
});
