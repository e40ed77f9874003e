import { measureLinkTypes, measureWorkflow } from '@tillit/core/modules/measures/rules';
import { defineAuditVocabulary, type CodesOf, type Labels } from '../../platform/audit/vocabulary.js';

const labelsOf = (r: Record<string, { sv: string; en: string }>): Record<string, Labels> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, { sv: v.sv, en: v.en }]));

/** Audit events of measures: their fields, status changes, links and verifications of effect. */
export const measuresAudit = defineAuditVocabulary({
  entityTypes: {
    measure: { sv: 'Åtgärd', en: 'Measure' },
  },
  actions: {
    change_status: { sv: 'Status ändrad', en: 'Status changed' },
    verify: { sv: 'Effekt verifierad', en: 'Effect verified' },
    link: { sv: 'Kopplad', en: 'Linked' },
    unlink: { sv: 'Koppling borttagen', en: 'Link removed' },
  },
  fields: {
    measure: {
      title: { sv: 'Rubrik', en: 'Title' },
      description: { sv: 'Beskrivning', en: 'Description' },
      unitId: { sv: 'Enhet', en: 'Unit', kind: 'unit' },
      ownerId: { sv: 'Åtgärdsansvarig', en: 'Measure owner', kind: 'user' },
      startDate: { sv: 'Startdatum', en: 'Start date', kind: 'date' },
      dueDate: { sv: 'Klart senast', en: 'Due date', kind: 'date' },
      priority: { sv: 'Prioritet', en: 'Priority', kind: 'enum', values: labelsOf(measureWorkflow.priorities) },
      estimatedCost: { sv: 'Uppskattad kostnad (kr)', en: 'Estimated cost (SEK)', kind: 'number' },
      estimatedHours: { sv: 'Uppskattad insats (timmar)', en: 'Estimated effort (hours)', kind: 'number' },
      status: { sv: 'Status', en: 'Status', kind: 'enum', values: labelsOf(measureWorkflow.statuses) },
      cancelReason: { sv: 'Skäl till att åtgärden avbröts', en: 'Reason for cancelling' },
      linkType: {
        sv: 'Typ av koppling',
        en: 'Kind of link',
        kind: 'enum',
        values: Object.fromEntries(measureLinkTypes.map((t) => [t.key, t.label])),
      },
      link: { sv: 'Svarar mot', en: 'Answers' },
      links: { sv: 'Svarar mot', en: 'Answers', kind: 'list' },
      verifiedBy: { sv: 'Kontrollerad av', en: 'Checked by', kind: 'user' },
      verifiedOn: { sv: 'Kontrollerad', en: 'Checked on', kind: 'date' },
      method: { sv: 'Metod', en: 'Method' },
      result: { sv: 'Resultat', en: 'Result', kind: 'enum', values: labelsOf(measureWorkflow.results) },
      comment: { sv: 'Kommentar', en: 'Comment' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof measuresAudit.entityTypes> {}
  interface AuditActionCodes extends CodesOf<typeof measuresAudit.actions> {}
}
