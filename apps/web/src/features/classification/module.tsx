import { lazy } from 'react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/classification.json';
import en from '../../i18n/en/classification.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    classification: typeof sv;
  }
}

const ClassificationListPage = lazy(() => import('./ClassificationListPage').then((m) => ({ default: m.ClassificationListPage })));
const ClassificationPage = lazy(() => import('./ClassificationPage').then((m) => ({ default: m.ClassificationPage })));
const ModelPage = lazy(() => import('./settings/ModelPage').then((m) => ({ default: m.ModelPage })));

/** Classifications and the classification model (menu entries in the assets section). */
export default defineWebModule({
  name: 'classification',
  routes: [
    { path: 'classifications', page: ClassificationListPage, permission: 'classification.read' },
    { path: 'classifications/:id', page: ClassificationPage, permission: 'classification.read' },
    { path: 'settings/classification-model', page: ModelPage, permission: 'classification.read' },
  ],
  translations: { classification: { sv, en } },
});
