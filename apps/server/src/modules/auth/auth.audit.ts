import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

/** Audit events of signing in and out. Password changes are events of the user (see users.audit.ts). */
export const authAudit = defineAuditVocabulary({
  entityTypes: { session: { sv: 'Inloggning', en: 'Sign-in' } },
  actions: {
    login: { sv: 'Inloggad', en: 'Signed in' },
    logout: { sv: 'Utloggad', en: 'Signed out' },
    login_failed: { sv: 'Misslyckad inloggning', en: 'Failed sign-in' },
  },
  fields: {
    session: { failedAttempts: { sv: 'Misslyckade försök i rad', en: 'Failed attempts in a row', kind: 'number' } },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof authAudit.entityTypes> {}
  interface AuditActionCodes extends CodesOf<typeof authAudit.actions> {}
}
