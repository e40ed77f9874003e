import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

/** Audit events of the requirement catalogues: a version is imported (or shipped) once and never changes. */
export const requirementCataloguesAudit = defineAuditVocabulary({
  entityTypes: { requirement_catalogue_version: { sv: 'Kravkatalogversion', en: 'Requirement catalogue version' } },
  actions: {},
  fields: {
    requirement_catalogue_version: {
      catalogue: { sv: 'Katalog', en: 'Catalogue' },
      version: { sv: 'Version', en: 'Version' },
      publishedAt: { sv: 'Publicerad', en: 'Published' },
      requirementCount: { sv: 'Antal krav', en: 'Number of requirements' },
      source: {
        sv: 'Ursprung',
        en: 'Source',
        kind: 'enum',
        values: { shipped: { sv: 'Medföljer Tillit', en: 'Shipped with Tillit' }, imported: { sv: 'Importerad', en: 'Imported' } },
      },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof requirementCataloguesAudit.entityTypes> {}
}
