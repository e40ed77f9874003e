import { lazy } from 'react';
import { defineWebModule } from '../../app/module';
import sv from './i18n/sv/informationTypes.json';
import en from './i18n/en/informationTypes.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    informationTypes: typeof sv;
  }
}

const InformationTypesPage = lazy(() => import('./InformationTypesPage').then((m) => ({ default: m.InformationTypesPage })));

/** The organisation's information types (menu entry in the assets section). */
export default defineWebModule({
  name: 'information-types',
  routes: [{ path: 'information-types', page: InformationTypesPage, permission: 'classification.read' }],
  translations: { informationTypes: { sv, en } },
});
