import { triggerVocabulary } from '@tillit/core';
import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

// Law triggers read by their names in the trigger vocabulary (data), never as codes.
const triggerLabels = Object.fromEntries(triggerVocabulary.triggers.map((t) => [t.code, { sv: t.label.sv, en: t.label.en ?? t.label.sv }]));

const statusLabels = {
  met: { sv: 'Uppfyllt', en: 'Met' },
  partly_met: { sv: 'Delvis uppfyllt', en: 'Partly met' },
  not_met: { sv: 'Ej uppfyllt', en: 'Not met' },
  not_applicable: { sv: 'Ej tillämpligt', en: 'Not applicable' },
};

/** Audit events of action plans. */
export const actionPlansAudit = defineAuditVocabulary({
  entityTypes: {
    action_plan: { sv: 'Handlingsplan', en: 'Action plan' },
    plan_requirement: { sv: 'Krav i handlingsplan', en: 'Requirement in an action plan' },
    plan_evidence: { sv: 'Underlag för självskattning', en: 'Evidence of a self-assessment' },
    procurement: { sv: 'Upphandling', en: 'Procurement' },
    contract_check: { sv: 'Avtalsuppföljning', en: 'Contract follow-up check' },
  },
  actions: {
    generate: { sv: 'Skapad från kravkatalogen', en: 'Generated from the requirement catalogue' },
    regenerate: { sv: 'Ersatt av ny version', en: 'Replaced by a new version' },
    assess: { sv: 'Självskattad', en: 'Self-assessed' },
    award: { sv: 'Tilldelad', en: 'Awarded' },
  },
  fields: {
    action_plan: {
      assetId: { sv: 'Tillgång', en: 'Asset', kind: 'asset' },
      catalogue: { sv: 'Kravkatalog', en: 'Requirement catalogue' },
      levels: { sv: 'Klassning', en: 'Classification', kind: 'profile' },
      triggers: { sv: 'Lagkrav som utlöser krav', en: 'Law triggers', kind: 'list', values: triggerLabels },
      requirements: { sv: 'Antal krav', en: 'Number of requirements', kind: 'number' },
      added: { sv: 'Nya krav', en: 'Added requirements', kind: 'number' },
      changed: { sv: 'Ändrade krav', en: 'Changed requirements', kind: 'number' },
      removed: { sv: 'Borttagna krav', en: 'Removed requirements', kind: 'number' },
      carried: { sv: 'Överförda svar', en: 'Carried answers', kind: 'number' },
    },
    plan_requirement: {
      requirement: { sv: 'Krav', en: 'Requirement' },
      status: { sv: 'Status', en: 'Status', kind: 'enum', values: statusLabels },
      how: { sv: 'Hur', en: 'How' },
      comment: { sv: 'Kommentar', en: 'Comment' },
      naReason: { sv: 'Skäl till ej tillämpligt', en: 'Reason for not applicable' },
    },
    procurement: {
      name: { sv: 'Namn', en: 'Name' },
      referenceNumber: { sv: 'Diarienummer', en: 'Reference number' },
      supplier: { sv: 'Leverantör', en: 'Supplier' },
      status: {
        sv: 'Läge',
        en: 'State',
        kind: 'enum',
        values: { preparing: { sv: 'Förbereds', en: 'Preparing' }, awarded: { sv: 'Tilldelad', en: 'Awarded' } },
      },
      awardedOn: { sv: 'Tilldelad den', en: 'Awarded on', kind: 'date' },
      goLiveOn: { sv: 'Driftstart', en: 'Go-live', kind: 'date' },
      recheckMonths: { sv: 'Uppföljning var (månader)', en: 'Follow-up every (months)', kind: 'number' },
      requirements: { sv: 'Antal krav', en: 'Number of requirements', kind: 'number' },
    },
    contract_check: {
      kind: {
        sv: 'Slag',
        en: 'Kind',
        kind: 'enum',
        values: { go_live: { sv: 'Vid driftstart', en: 'At go-live' }, periodic: { sv: 'Återkommande', en: 'Periodic' } },
      },
      checkedOn: { sv: 'Datum', en: 'Date', kind: 'date' },
      met: { sv: 'Uppfyllda', en: 'Met', kind: 'number' },
      partlyMet: { sv: 'Delvis uppfyllda', en: 'Partly met', kind: 'number' },
      notMet: { sv: 'Ej uppfyllda', en: 'Not met', kind: 'number' },
    },
    plan_evidence: {
      kind: { sv: 'Slag', en: 'Kind', kind: 'enum', values: { link: { sv: 'Länk', en: 'Link' }, file: { sv: 'Fil', en: 'File' } } },
      title: { sv: 'Rubrik', en: 'Title' },
      url: { sv: 'Adress', en: 'Address' },
      fileName: { sv: 'Filnamn', en: 'File name' },
      sizeBytes: { sv: 'Storlek (byte)', en: 'Size (bytes)', kind: 'number' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof actionPlansAudit.entityTypes> {}
  interface AuditActionCodes extends CodesOf<typeof actionPlansAudit.actions> {}
}
