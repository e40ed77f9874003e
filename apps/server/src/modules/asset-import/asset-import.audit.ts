import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

/**
 * The summary event of an applied import. Each asset it created or changed has its own event
 * (entity type `asset`, action `import`), with the asset's fields.
 */
export const assetImportAudit = defineAuditVocabulary({
  entityTypes: { asset_import: { sv: 'Import av tillgångar', en: 'Asset import' } },
  actions: {},
  fields: {
    asset_import: {
      created: { sv: 'Nya tillgångar', en: 'Assets created', kind: 'number' },
      updated: { sv: 'Ändrade tillgångar', en: 'Assets changed', kind: 'number' },
      links: { sv: 'Kopplingar till informationsmängder', en: 'Links to information sets', kind: 'number' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof assetImportAudit.entityTypes> {}
}
