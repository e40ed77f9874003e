import { auditRoutes } from './audit.routes.js';
import { createAuditService } from './audit.service.js';
import { defineModule } from '../../platform/module.js';

declare module '../../platform/module.js' {
  interface AppServices {
    audit: ReturnType<typeof createAuditService>;
  }
}

/** The audit module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'audit',
  routes: auditRoutes,
  services: ({ db }) => ({ audit: createAuditService(db) }),
  permissions: [{ permission: 'audit.read' }],
});
