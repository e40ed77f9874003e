import { klassaPresetModel, messages } from '@tillit/core';
import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

/** A status word as screen, export and e-mail say it (`states` in core's texts, one label per state). */
const status = (code: keyof typeof messages.sv.states.classificationStatuses) => ({
  sv: messages.sv.states.classificationStatuses[code],
  en: messages.en.states.classificationStatuses[code],
});

/** Audit events of classifications (versions and their decisions) and of the classification model. */
export const classificationAudit = defineAuditVocabulary({
  entityTypes: {
    classification: { sv: 'Klassning', en: 'Classification' },
    classification_model: { sv: 'Klassningsmodell', en: 'Classification model' },
    decision_delegate: { sv: 'Ombud för informationsägarens beslut', en: "Delegate for the information owner's decision" },
  },
  actions: {
    submit: { sv: 'Inskickad för godkännande', en: 'Submitted for approval' },
    approve: { sv: 'Godkänd', en: 'Approved' },
    return: { sv: 'Skickad tillbaka', en: 'Returned' },
    check: { sv: 'Granskad', en: 'Reviewed' },
  },
  fields: {
    classification: {
      assetId: { sv: 'Tillgång', en: 'Asset', kind: 'asset' },
      modelVersion: { sv: 'Modellversion', en: 'Model version', kind: 'number' },
      copiedFrom: { sv: 'Utgår från', en: 'Based on', kind: 'classification' },
      versionNo: { sv: 'Version', en: 'Version', kind: 'number' },
      status: {
        sv: 'Status',
        en: 'Status',
        kind: 'enum',
        values: {
          draft: status('draft'),
          submitted: status('submitted'),
          returned: status('returned'),
          approved: status('approved'),
        },
      },
      profile: { sv: 'Klassning', en: 'Classification', kind: 'profile' },
      answers: { sv: 'Bedömning', en: 'Assessment', kind: 'answers' },
      justifications: { sv: 'Motivering', en: 'Justification', kind: 'justifications' },
      raises: { sv: 'Höjning', en: 'Raise', kind: 'raises' },
      typeDeviationReason: { sv: 'Skäl att avvika från informationstypen', en: 'Reason to deviate from the information type' },
      notes: { sv: 'Anteckningar', en: 'Notes' },
      reviewDueAt: { sv: messages.sv.states.reviewDueAt, en: messages.en.states.reviewDueAt, kind: 'date' },
      comment: { sv: 'Kommentar', en: 'Comment' },
      checkedBy: { sv: 'Granskad av', en: 'Reviewed by', kind: 'user' },
    },
    decision_delegate: {
      delegateId: { sv: 'Ombud', en: 'Delegate', kind: 'user' },
    },
    classification_model: {
      version: { sv: 'Version', en: 'Version', kind: 'number' },
      key: {
        sv: 'Modell',
        en: 'Model',
        kind: 'enum',
        values: { [klassaPresetModel.key]: { sv: klassaPresetModel.name.sv, en: klassaPresetModel.name.en ?? klassaPresetModel.name.sv } },
      },
      levels: { sv: 'Antal nivåer', en: 'Number of levels', kind: 'number' },
      traceability: { sv: 'Spårbarhet bedöms', en: 'Traceability assessed', kind: 'boolean' },
      note: { sv: 'Anteckning', en: 'Note' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof classificationAudit.entityTypes> {}
  interface AuditActionCodes extends CodesOf<typeof classificationAudit.actions> {}
}
