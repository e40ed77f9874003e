import { lazy } from 'react';
import { IconHome } from '@tabler/icons-react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/dashboard.json';
import en from '../../i18n/en/dashboard.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    dashboard: typeof sv;
  }
}

const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

/** The start page. */
export default defineWebModule({
  name: 'dashboard',
  routes: [{ page: DashboardPage }],
  nav: [{ order: 0, to: '/', label: (t) => t('nav.dashboard'), icon: IconHome, testId: 'nav-dashboard' }],
  translations: { dashboard: { sv, en } },
});
