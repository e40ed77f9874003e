import { lazy } from 'react';
import { defineWebModule } from '../../app/module';
import sv from './i18n/sv/measures.json';
import en from './i18n/en/measures.json';
import { MeasuresNavSection } from './MeasuresNav';

declare module '../../i18n/resources' {
  interface ModuleResources {
    measures: typeof sv;
  }
}

const MeasuresPage = lazy(() => import('./MeasuresPage').then((m) => ({ default: m.MeasuresPage })));
const MyMeasuresPage = lazy(() => import('./MeasuresPage').then((m) => ({ default: m.MyMeasuresPage })));
const MeasureBoardPage = lazy(() => import('./MeasureBoardPage').then((m) => ({ default: m.MeasureBoardPage })));
const MeasureDetailPage = lazy(() => import('./MeasureDetailPage').then((m) => ({ default: m.MeasureDetailPage })));

/** Measures (åtgärder): the organisation's lists, Mina åtgärder, the grouped view and a measure with its verification. */
export default defineWebModule({
  name: 'measures',
  routes: [
    { path: 'measures', page: MeasuresPage, permission: 'measure.read' },
    { path: 'measures/mine', page: MyMeasuresPage, permission: 'measure.read' },
    { path: 'measures/board', page: MeasureBoardPage, permission: 'measure.read' },
    { path: 'measures/:id', page: MeasureDetailPage, permission: 'measure.read' },
  ],
  // After the information assets' section.
  nav: [{ order: 15, key: 'measures-section', section: MeasuresNavSection }],
  translations: { measures: { sv, en } },
});
