import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

/** The same labels as the asset's field (a module uses another only through its service, so they are repeated here). */
const personalDataLabels = {
  none: { sv: 'Inga personuppgifter', en: 'No personal data' },
  ordinary: { sv: 'Vanliga personuppgifter', en: 'Ordinary personal data' },
  sensitive: { sv: 'Känsliga personuppgifter', en: 'Special categories of personal data' },
  patient: { sv: 'Patientuppgifter', en: 'Patient data' },
};

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
