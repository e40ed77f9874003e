import { defineModule } from '../../platform/module.js';
import { notificationRoutes } from './notifications.routes.js';
import { createNotificationsService } from './notifications.service.js';
import { kindsOf, notificationJobs } from './registry.js';
import { notificationsAudit } from './notifications.audit.js';

declare module '../../platform/module.js' {
  interface AppServices {
    notifications: ReturnType<typeof createNotificationsService>;
  }
}

/**
 * The notification centre: what the other modules' producers (their manifests' `notifications`)
 * report, per user, with preferences and the e-mail digest. See docs/ARCHITECTURE.md, "Notifications".
 */
export default defineModule({
  name: 'notifications',
  routes: notificationRoutes,
  services: ({ db, modules }) => ({ notifications: createNotificationsService(db, () => kindsOf(modules)) }),
  permissions: [],
  audit: notificationsAudit,
  jobs: notificationJobs,
});
