import { messages, roles } from '@tillit/core';
import { defineAuditVocabulary, type CodesOf } from '../../platform/audit/vocabulary.js';

/**
 * The role names from core (one place for them), plus codes that earlier events may carry:
 * `system_administrator` was renamed `system_steward` (migration 20261205T0100), and audit events
 * are never rewritten.
 */
const roleLabels: Record<string, { sv: string; en: string }> = {
  ...Object.fromEntries(roles.map((r) => [r, { sv: messages.sv.roles[r], en: messages.en.roles[r] }])),
  system_administrator: { sv: messages.sv.roles.system_steward, en: messages.en.roles.system_steward },
};

/** Audit events of user accounts and their roles. */
export const usersAudit = defineAuditVocabulary({
  entityTypes: {
    user: { sv: 'Användare', en: 'User' },
    role_assignment: { sv: 'Roll', en: 'Role' },
  },
  actions: {
    invite: { sv: 'Inbjuden', en: 'Invited' },
    grant: { sv: 'Tilldelad', en: 'Granted' },
    password_reset: { sv: 'Länk för nytt lösenord skapad', en: 'Password reset link created' },
    password_change: { sv: 'Lösenord bytt', en: 'Password changed' },
  },
  fields: {
    user: {
      email: { sv: 'E-postadress', en: 'Email address' },
      name: { sv: 'Namn', en: 'Name' },
      status: {
        sv: 'Status',
        en: 'Status',
        kind: 'enum',
        values: {
          invited: { sv: 'Inbjuden', en: 'Invited' },
          active: { sv: 'Aktiv', en: 'Active' },
          disabled: { sv: 'Inaktiverad', en: 'Disabled' },
        },
      },
      lockedUntil: { sv: 'Låst till', en: 'Locked until', kind: 'datetime' },
      linkDelivery: {
        sv: 'Engångslänk',
        en: 'One-time link',
        kind: 'enum',
        values: {
          mailed: { sv: 'Skickad med e-post till personen', en: 'Mailed to the person' },
          shown: { sv: 'Visad för administratören (e-post är inte inställd)', en: 'Shown to the administrator (mail is not set up)' },
        },
      },
    },
    role_assignment: {
      role: { sv: 'Roll', en: 'Role', kind: 'enum', values: roleLabels },
      unitId: { sv: 'Enhet', en: 'Unit', kind: 'unit' },
      userId: { sv: 'Användare', en: 'User', kind: 'user' },
    },
  },
});

declare module '../../platform/audit/vocabulary.js' {
  interface AuditEntityTypeCodes extends CodesOf<typeof usersAudit.entityTypes> {}
  interface AuditActionCodes extends CodesOf<typeof usersAudit.actions> {}
}
