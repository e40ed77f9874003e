import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';
import { personalDataLabels } from '../assets/assets.audit.js';

/** Audit events of the information type library. */
export const informationTypesAudit = defineAuditVocabulary({
  entityTypes: { information_type: { sv: 'Informationstyp', en: 'Information type' } },
  actions: {},
  fields: {
    information_type: {
      key: { sv: 'Nyckel', en: 'Key' },
      name: { sv: 'Namn', en: 'Name' },
      description: { sv: 'Beskrivning', en: 'Description' },
      personalData: { sv: 'Personuppgifter', en: 'Personal data', kind: 'enum', values: personalDataLabels },
      recommended: { sv: 'Rekommenderad klassning', en: 'Recommended classification', kind: 'profile' },
      justification: { sv: 'Motivering', en: 'Justification' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof informationTypesAudit.entityTypes> {}
}
