import { auditList } from '@tillit/core';
import { auditRoutes } from './audit.routes.js';
import { createAuditService } from './audit.service.js';
import { defineModule } from '../../platform/module.js';
import { auditProducers } from './audit.notifications.js';

declare module '../../platform/module.js' {
  interface AppServices {
    audit: ReturnType<typeof createAuditService>;
  }
}

/** The audit module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'audit',
  lists: [auditList],
  routes: auditRoutes,
  services: ({ db }) => ({ audit: createAuditService(db) }),
  permissions: [{ permission: 'audit.read' }],
  notifications: auditProducers,
  fixtures: async () => (await import('./audit.fixtures.js')).auditFixtures,
});
