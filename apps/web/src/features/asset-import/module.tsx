import { lazy } from 'react';
import { defineWebModule } from '../../app/module';
import sv from '../../i18n/sv/assetImport.json';
import en from '../../i18n/en/assetImport.json';

declare module '../../i18n/resources' {
  interface ModuleResources {
    assetImport: typeof sv;
  }
}

const AssetImportPage = lazy(() => import('./AssetImportPage').then((m) => ({ default: m.AssetImportPage })));

/** Importing an inventory from a spreadsheet (its menu entry is in the assets section). */
export default defineWebModule({
  name: 'asset-import',
  routes: [{ path: 'assets/import', page: AssetImportPage, permission: 'asset.import' }],
  translations: { assetImport: { sv, en } },
});
