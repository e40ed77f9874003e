import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

const labels = (list: { code: string; label: { sv: string; en: string } }[]) => Object.fromEntries(list.map((x) => [x.code, x.label]));
import { soaVocabulary } from '@tillit/core/modules/soa/schemas';

/** Audit events of the statement of applicability. */
export const soaAudit = defineAuditVocabulary({
  entityTypes: {
    soa_version: { sv: 'Uttalande om tillämplighet', en: 'Statement of applicability' },
    soa_entry: { sv: 'Kontroll i uttalande om tillämplighet', en: 'Control in the statement of applicability' },
  },
  actions: {},
  fields: {
    soa_version: {
      year: { sv: 'År', en: 'Year' },
      copiedFromYear: { sv: 'Kopia av år', en: 'Copied from year' },
      note: { sv: 'Anteckning', en: 'Note' },
    },
    soa_entry: {
      applicable: { sv: 'Tillämplig', en: 'Applicable' },
      reasons: { sv: 'Skäl', en: 'Reasons' },
      reasonText: { sv: 'Motivering', en: 'Justification' },
      implementation: {
        sv: 'Införd och fungerar',
        en: 'Implemented and working',
        kind: 'enum',
        values: labels(soaVocabulary.implementation),
      },
      gapSeverity: { sv: 'Gapets storlek', en: 'Gap severity', kind: 'enum', values: labels(soaVocabulary.gapSeverity) },
      currentState: { sv: 'Nuläge', en: 'Current state' },
      plannedImprovement: { sv: 'Planerad förbättring', en: 'Planned improvement' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof soaAudit.entityTypes> {}
}
