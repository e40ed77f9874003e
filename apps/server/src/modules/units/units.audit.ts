import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

export const unitKindLabels = {
  organization: { sv: 'Organisation', en: 'Organisation' },
  administration: { sv: 'Förvaltning', en: 'Administration' },
  operation: { sv: 'Verksamhet', en: 'Operation' },
  unit: { sv: 'Enhet', en: 'Unit' },
};

/** Audit events of the unit tree. */
export const unitsAudit = defineAuditVocabulary({
  entityTypes: { unit: { sv: 'Enhet', en: 'Unit' } },
  actions: {
    move: { sv: 'Flyttad', en: 'Moved' },
    close: { sv: 'Stängd', en: 'Closed' },
    reopen: { sv: 'Öppnad igen', en: 'Reopened' },
  },
  fields: {
    unit: {
      name: { sv: 'Namn', en: 'Name' },
      kind: { sv: 'Typ', en: 'Kind', kind: 'enum', values: unitKindLabels },
      description: { sv: 'Beskrivning', en: 'Description' },
      parentId: { sv: 'Ligger under', en: 'Part of', kind: 'unit' },
      closedAt: { sv: 'Stängd', en: 'Closed', kind: 'datetime' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof unitsAudit.entityTypes> {}
  interface AuditActionCodes extends CodesOf<typeof unitsAudit.actions> {}
}
