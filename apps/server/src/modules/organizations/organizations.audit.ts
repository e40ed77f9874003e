import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

/** Audit events of organisations: their labels and how their changed fields read. */
export const organizationsAudit = defineAuditVocabulary({
  entityTypes: { organization: { sv: 'Organisation', en: 'Organisation' } },
  actions: {},
  fields: {
    organization: {
      name: { sv: 'Namn', en: 'Name' },
      orgNumber: { sv: 'Organisationsnummer', en: 'Organisation number' },
      kind: {
        sv: 'Typ',
        en: 'Kind',
        kind: 'enum',
        values: {
          region: { sv: 'Region', en: 'Region' },
          municipality: { sv: 'Kommun', en: 'Municipality' },
          other: { sv: 'Annan organisation', en: 'Other organisation' },
        },
      },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof organizationsAudit.entityTypes> {}
}
