import { lazy } from 'react';
import { IconChecklist } from '@tabler/icons-react';
import { defineWebModule } from '../../app/module';
import sv from './i18n/sv/soa.json';
import en from './i18n/en/soa.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    soa: typeof sv;
  }
}

const SoaListPage = lazy(() => import('./SoaListPage').then((m) => ({ default: m.SoaListPage })));
const SoaVersionPage = lazy(() => import('./SoaVersionPage').then((m) => ({ default: m.SoaVersionPage })));
const SoaComparePage = lazy(() => import('./SoaComparePage').then((m) => ({ default: m.SoaComparePage })));

/** The statement of applicability (uttalande om tillämplighet), one per year. */
export default defineWebModule({
  name: 'soa',
  routes: [
    { path: 'soa', page: SoaListPage, permission: 'soa.read' },
    { path: 'soa/compare', page: SoaComparePage, permission: 'soa.read' },
    { path: 'soa/:id', page: SoaVersionPage, permission: 'soa.read' },
  ],
  nav: [{ order: 26, to: '/soa', label: (t) => t('nav.soa'), icon: IconChecklist, permission: 'soa.read', testId: 'nav-soa' }],
  translations: { soa: { sv, en } },
});
