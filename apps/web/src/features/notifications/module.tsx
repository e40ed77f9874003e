import { lazy } from 'react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/notifications.json';
import en from '../../i18n/en/notifications.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    notifications: typeof sv;
  }
}

const NotificationsPage = lazy(() => import('./NotificationsPage').then((m) => ({ default: m.NotificationsPage })));

/** The notification centre: reached from the bell in the header (app/AppLayout), so no menu entry. */
export default defineWebModule({
  name: 'notifications',
  routes: [{ path: 'notifications', page: NotificationsPage }],
  translations: { notifications: { sv, en } },
});
