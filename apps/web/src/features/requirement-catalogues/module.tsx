import { lazy } from 'react';
import { IconListCheck } from '@tabler/icons-react';
import { defineWebModule } from '../../app/module';
import sv from './i18n/sv/requirementCatalogues.json';
import en from './i18n/en/requirementCatalogues.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    requirementCatalogues: typeof sv;
  }
}

const CataloguePage = lazy(() => import('./CataloguePage').then((m) => ({ default: m.CataloguePage })));

/** The requirement catalogues: browse versions and requirements. */
export default defineWebModule({
  name: 'requirement-catalogues',
  routes: [{ path: 'requirement-catalogues', page: CataloguePage, permission: 'requirement.read' }],
  nav: [
    {
      order: 25,
      to: '/requirement-catalogues',
      label: (t) => t('nav.requirementCatalogues'),
      icon: IconListCheck,
      permission: 'requirement.read',
      testId: 'nav-requirement-catalogues',
    },
  ],
  translations: { requirementCatalogues: { sv, en } },
});
