import { lazy } from 'react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/assets.json';
import en from '../../i18n/en/assets.json';
import { AssetsNavSection } from './AssetsNav';

declare module '../../i18n/resources' {
  interface ModuleResources {
    assets: typeof sv;
  }
}

const AssetsPage = lazy(() => import('./AssetsPage').then((m) => ({ default: m.AssetsPage })));
const AssetDetailPage = lazy(() => import('./AssetDetailPage').then((m) => ({ default: m.AssetDetailPage })));
const CoveragePage = lazy(() => import('./CoveragePage').then((m) => ({ default: m.CoveragePage })));

/** Information assets; their menu section also holds the classification and import pages. */
export default defineWebModule({
  name: 'assets',
  routes: [
    { path: 'assets', page: AssetsPage, permission: 'asset.read' },
    { path: 'assets/coverage', page: CoveragePage, permission: 'classification.read' },
    { path: 'assets/:id', page: AssetDetailPage, permission: 'asset.read' },
  ],
  // The information-asset section follows the start page.
  nav: [{ order: 10, key: 'assets-section', section: AssetsNavSection }],
  translations: { assets: { sv, en } },
});
