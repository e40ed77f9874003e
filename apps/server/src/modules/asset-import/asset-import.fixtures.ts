import type { FixtureWorld, RouteFixture, RouteFixtures } from '../../platform/fixtures.js';
import { norm } from './check.js';
import { parseCsv } from './parse.js';
import * as repo from './asset-import.repository.js';
import { systemActor } from '../../platform/access.js';
import { createAssetImportService } from './asset-import.service.js';

let n = 0;
/** Two new systems, one per row; unique external ids so every file creates its own. */
const csv = (w: FixtureWorld) => {
  const k = `${++n}-${Date.now()}`;
  return `Namn;Leverantör;Externt id\r\nLönesystem ${w.marker};Lön AB;L-${k}\r\nPassersystem ${w.marker};Lås AB;P-${k}\r\n`;
};

async function uploaded(w: FixtureWorld) {
  const uploader = await w.person();
  return repo.insert(w.db, {
    organization_id: w.organizationId,
    created_by: uploader.id,
    file_name: 'system.csv',
    sheets: [parseCsv(Buffer.from(csv(w)))],
  });
}

/** The rows go to the world's unit: the importer needs asset.write there. */
const mapping = (w: FixtureWorld) => ({
  mapping: { name: 'Namn', supplier: 'Leverantör', externalId: 'Externt id' },
  defaultKind: 'system' as const,
  defaultUnitId: w.unit.id,
});

const onImport = (audit: RouteFixture['audit'], sibling: RouteFixture['sibling'], query?: Record<string, string>): RouteFixture => ({
  scope: 'unit',
  sibling,
  build: async (w) => ({ params: { id: (await uploaded(w)).id }, body: mapping(w), ...(query ? { query } : {}) }),
  audit,
});

export const assetImportFixtures: RouteFixtures = {
  // Uploading stores the file for checking (an event); the register changes only when it is applied.
  'POST /api/v1/asset-imports': {
    scope: 'organization',
    build: async (w) => ({ query: { fileName: 'system.csv' }, raw: { payload: csv(w), contentType: 'text/csv' } }),
    audit: [{ action: 'upload', entityType: 'asset_import' }],
  },
  'GET /api/v1/asset-imports/:id/problems.xlsx': {
    scope: 'organization',
    build: async (w) => {
      const { id } = await uploaded(w);
      const report = {
        rows: 2,
        toCreate: 1,
        toUpdate: 0,
        unchanged: 0,
        validRows: 1,
        byKind: { information_set: 0, system: 1, process: 0 },
        links: 0,
        problemCount: 1,
        matches: [],
        problems: [{ row: 3, field: 'name', column: 'Namn', code: 'too_long', message: 'Värdet är för långt.', value: 'P' }],
      };
      await repo.update(w.db, id, { status: 'checked', report: JSON.stringify(report) });
      return { params: { id } };
    },
    audit: [],
  },
  'GET /api/v1/asset-imports/template.xlsx': { scope: 'organization', build: async () => ({}), audit: [] },
  'GET /api/v1/asset-imports/:id': { scope: 'organization', build: async (w) => ({ params: { id: (await uploaded(w)).id } }), audit: [] },
  // A dry run: rows in units the user may not write come back as problems of the file. The
  // report is recorded on the import (an event); no asset changes.
  'POST /api/v1/asset-imports/:id/check': onImport([{ action: 'dry_run', entityType: 'asset_import' }], 'allow'),
  // One event per asset the file creates or changes, and the import's summary.
  'POST /api/v1/asset-imports/:id/apply': onImport(
    (answer) => {
      const report = (answer as { report: { toCreate: number; toUpdate: number } }).report;
      return [
        ...Array.from({ length: report.toCreate + report.toUpdate }, () => ({ action: 'import' as const, entityType: 'asset' as const })),
        { action: 'import' as const, entityType: 'asset_import' as const },
      ];
    },
    'refused',
    { wait: 'true' },
  ),
  // Undo: the two systems an applied import created in the world's unit are removed (an event each) and the summary.
  'POST /api/v1/asset-imports/:id/undo': {
    scope: 'unit',
    sibling: 'deny',
    build: async (w) => {
      const { id } = await uploaded(w);
      await createAssetImportService(w.db).apply(systemActor(w.organizationId), id, mapping(w), { wait: true, onlyValid: false });
      return { params: { id } };
    },
    audit: [
      { action: 'import_undo', entityType: 'asset' },
      { action: 'import_undo', entityType: 'asset' },
      { action: 'import_undo', entityType: 'asset_import' },
    ],
  },
  'GET /api/v1/asset-import-words': { scope: 'organization', build: async () => ({}), audit: [] },
  // Own words change every import of the organisation: asset.import on the top unit decides.
  'POST /api/v1/asset-import-words': {
    scope: 'organization',
    sibling: 'deny',
    build: async (w) => ({ body: { field: 'hosting', code: 'own_datacenter', word: `Vår hall ${w.marker} ${++n}` } }),
    audit: [{ action: 'word_add', entityType: 'asset_import_word' }],
  },
  'DELETE /api/v1/asset-import-words/:id': {
    scope: 'organization',
    sibling: 'deny',
    build: async (w) => {
      const word = `Vår hall ${w.marker} ${++n}`;
      const made = await w.tx((trx) =>
        repo.insertWord(trx, {
          organization_id: w.organizationId,
          field: 'hosting',
          code: 'own_datacenter',
          word,
          normalized: norm(word),
          created_by: null,
        }),
      );
      return { params: { id: made!.id } };
    },
    audit: [{ action: 'word_remove', entityType: 'asset_import_word' }],
  },
};
