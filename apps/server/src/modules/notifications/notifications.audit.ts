import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

/** Audit events of the notification centre: a user's preferences (reading a notice is not audited). */
export const notificationsAudit = defineAuditVocabulary({
  entityTypes: { notification_preferences: { sv: 'Inställningar för aviseringar', en: 'Notification settings' } },
  actions: {},
  fields: {
    notification_preferences: {
      digest: {
        sv: 'Sammanfattning per e-post',
        en: 'E-mail summary',
        kind: 'enum',
        values: {
          off: { sv: 'Ingen', en: 'None' },
          daily: { sv: 'Varje dag', en: 'Every day' },
          weekly: { sv: 'Varje vecka', en: 'Every week' },
        },
      },
      // Recorded as the kinds' Swedish names (the kinds are the other modules' data), so no code is shown.
      mutedKinds: { sv: 'Avstängda i Tillit', en: 'Switched off in Tillit', kind: 'list' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof notificationsAudit.entityTypes> {}
}
