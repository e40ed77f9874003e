import { lazy } from 'react';
import { IconSitemap } from '@tabler/icons-react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/units.json';
import en from '../../i18n/en/units.json';

// The namespace's keys, typed: `t('units:tree.title')` fails to compile when Swedish lacks it.
declare module '../../i18n/resources' {
  interface ModuleResources {
    units: typeof sv;
  }
}

// Each page is its own chunk, loaded when first opened.
const UnitsPage = lazy(() => import('./UnitsPage').then((m) => ({ default: m.UnitsPage })));

/** The organisation's units: the worked example in docs/ARCHITECTURE.md. */
export default defineWebModule({
  name: 'units',
  routes: [{ path: 'units', page: UnitsPage, permission: 'unit.read' }],
  nav: [{ order: 20, to: '/units', label: (t) => t('nav.units'), icon: IconSitemap, permission: 'unit.read', testId: 'nav-units' }],
  translations: { units: { sv, en } },
});
