import { assetList } from '@tillit/core';
import { defineModule } from '../../platform/module.js';
import { seedDemoAssets } from '../../seed/demo-assets.js';
import { assetsGeneratorStep } from '../../seed/generator/assets.js';
import { assetRoutes } from './assets.routes.js';
import { createAssetsService } from './assets.service.js';
import { createAssetExportService } from './export.service.js';
import { assetsDashboard } from './assets.dashboard.js';
import { assetsAudit } from './assets.audit.js';

declare module '../../platform/module.js' {
  interface AppServices {
    assets: ReturnType<typeof createAssetsService>;
    assetExport: ReturnType<typeof createAssetExportService>;
  }
}

/** Information assets (systems, processes, information sets) and their links; Excel export. */
export default defineModule({
  name: 'assets',
  lists: [assetList],
  routes: assetRoutes,
  services: ({ db }) => ({ assets: createAssetsService(db), assetExport: createAssetExportService(db) }),
  permissions: [{ permission: 'asset.read' }, { permission: 'asset.write' }],
  audit: assetsAudit,
  contentTables: [{ table: 'assets', column: 'unit_id' }],
  dashboard: assetsDashboard,
  // The demo and generated assets include their classifications (the classification module's data).
  seed: seedDemoAssets,
  generator: assetsGeneratorStep,
  bench: async () => (await import('./assets.bench.js')).assetBenchEndpoints,
  fixtures: async () => (await import('./assets.fixtures.js')).assetFixtures,
});
