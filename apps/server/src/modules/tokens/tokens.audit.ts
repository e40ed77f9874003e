import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

/** Audit events of API tokens (created, revoked; the secret is never recorded). */
export const tokensAudit = defineAuditVocabulary({
  entityTypes: { api_token: { sv: 'API-nyckel', en: 'API token' } },
  actions: {},
  fields: {
    api_token: {
      name: { sv: 'Namn', en: 'Name' },
      scope: {
        sv: 'Behörighet',
        en: 'Scope',
        kind: 'enum',
        values: { read: { sv: 'Bara läsa', en: 'Read only' }, write: { sv: 'Läsa och ändra', en: 'Read and change' } },
      },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof tokensAudit.entityTypes> {}
}
