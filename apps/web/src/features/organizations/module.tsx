import { lazy } from 'react';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/organizations.json';
import en from '../../i18n/en/organizations.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    organizations: typeof sv;
  }
}

const OrganizationsPage = lazy(() => import('./OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })));

/** The platform administrator's list of organisations. */
export default defineWebModule({
  name: 'organizations',
  routes: [{ path: 'organizations', page: OrganizationsPage, platformAdmin: true }],
  nav: [
    {
      order: 60,
      to: '/organizations',
      label: (t) => t('nav.organizations'),
      icon: IconBuildingCommunity,
      platformAdmin: true,
      testId: 'nav-organizations',
    },
  ],
  translations: { organizations: { sv, en } },
});
