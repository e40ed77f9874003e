import { defineAuditVocabulary, type CodesOf, type Labels } from '../../platform/audit/vocabulary.js';
import { assetAuditFields } from '../assets/assets.service.js';

// An own word names one of the asset's fields and one of its values: both read as on the asset's events.
const assetFields = assetAuditFields as unknown as Record<string, Labels & { values?: Record<string, Labels> }>;
const fieldLabels: Record<string, Labels> = Object.fromEntries(Object.entries(assetFields).map(([k, f]) => [k, { sv: f.sv, en: f.en }]));
const valueLabels: Record<string, Labels> = Object.assign({}, ...Object.values(assetFields).map((f) => f.values ?? {}));

/**
 * An import's events: upload (the file is kept for the checks), dry_run (the dry run's report is
 * recorded) and the summary of the apply. Each asset it created or changed has its own event
 * (entity type `asset`, action `import`), with the asset's fields.
 */
export const assetImportAudit = defineAuditVocabulary({
  entityTypes: {
    asset_import: { sv: 'Import av tillgångar', en: 'Asset import' },
    asset_import_word: { sv: 'Eget ord för import', en: 'Own import word' },
  },
  actions: {
    upload: { sv: 'Uppladdad', en: 'Uploaded' },
    // Not `check`: classification's `check` (granskad) reads otherwise, and one code reads one way.
    dry_run: { sv: 'Provkörd', en: 'Dry run' },
    import_undo: { sv: 'Import ångrad', en: 'Import undone' },
    word_add: { sv: 'Eget ord tillagt', en: 'Own word added' },
    word_remove: { sv: 'Eget ord borttaget', en: 'Own word removed' },
  },
  fields: {
    asset_import: {
      created: { sv: 'Nya tillgångar', en: 'Assets created', kind: 'number' },
      updated: { sv: 'Ändrade tillgångar', en: 'Assets changed', kind: 'number' },
      links: { sv: 'Kopplingar till informationsmängder', en: 'Links to information sets', kind: 'number' },
      leftOut: { sv: 'Rader med problem som lämnades', en: 'Rows with problems left out', kind: 'number' },
      fileName: { sv: 'Fil', en: 'File' },
      bytes: { sv: 'Storlek (byte)', en: 'Size (bytes)', kind: 'number' },
      rows: { sv: 'Rader', en: 'Rows', kind: 'number' },
      toCreate: { sv: 'Blir nya', en: 'To create', kind: 'number' },
      toUpdate: { sv: 'Ändras', en: 'To change', kind: 'number' },
      unchanged: { sv: 'Oförändrade', en: 'Unchanged', kind: 'number' },
      problems: { sv: 'Problem', en: 'Problems', kind: 'number' },
      removed: { sv: 'Borttagna tillgångar', en: 'Assets removed', kind: 'number' },
      reverted: { sv: 'Återställda tillgångar', en: 'Assets restored', kind: 'number' },
    },
    asset_import_word: {
      field: { sv: 'Fält', en: 'Field', kind: 'enum', values: fieldLabels },
      code: { sv: 'Värde', en: 'Value', kind: 'enum', values: valueLabels },
      word: { sv: 'Ord', en: 'Word' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof assetImportAudit.entityTypes> {}
  interface AuditActionCodes extends CodesOf<typeof assetImportAudit.actions> {}
}
