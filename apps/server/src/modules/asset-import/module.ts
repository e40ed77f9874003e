import { assetImportRoutes } from './asset-import.routes.js';
import { createAssetImportService } from './asset-import.service.js';
import { defineModule } from '../../platform/module.js';
import { assetImportAudit } from './asset-import.audit.js';

declare module '../../platform/module.js' {
  interface AppServices {
    assetImport: ReturnType<typeof createAssetImportService>;
  }
}

/** The asset-import module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'asset-import',
  routes: assetImportRoutes,
  services: ({ db }) => ({ assetImport: createAssetImportService(db) }),
  permissions: [{ permission: 'asset.import' }],
  audit: assetImportAudit,
  fixtures: async () => (await import('./asset-import.fixtures.js')).assetImportFixtures,
});
