import { assetImportRoutes } from './asset-import.routes.js';
import { createAssetImportService, failOrphanedImports } from './asset-import.service.js';
import { defineModule } from '../../platform/module.js';
import { assetImportAudit } from './asset-import.audit.js';
import { createImportWords } from './words.js';

declare module '../../platform/module.js' {
  interface AppServices {
    assetImport: ReturnType<typeof createAssetImportService>;
    assetImportWords: ReturnType<typeof createImportWords>;
  }
}

/** The asset-import module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'asset-import',
  routes: assetImportRoutes,
  services: ({ db, services }) => ({
    assetImport: createAssetImportService(db, () => services.users),
    assetImportWords: createImportWords(db),
  }),
  permissions: [{ permission: 'asset.import' }],
  audit: assetImportAudit,
  // Imports left `applying` by a crash are released every minute and at start (issue 8 item 12).
  jobs: () => [
    {
      name: 'asset-import.release-orphans',
      cron: '* * * * *',
      runAtStart: true,
      run: async (_payload, ctx) => void (await failOrphanedImports(ctx.db)),
    },
  ],
  fixtures: async () => (await import('./asset-import.fixtures.js')).assetImportFixtures,
});
