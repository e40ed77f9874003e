import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditAction } from '@tillit/core';

const actions = new Set<string>([
  'create', 'update', 'delete', 'move', 'close', 'reopen', 'grant', 'revoke', 'login', 'logout', 'login_failed',
  'invite', 'password_change', 'password_reset', 'approve', 'return', 'submit', 'import', 'restore',
] satisfies AuditAction[]);
const entityTypes = ['organization', 'unit', 'user', 'role_assignment', 'api_token', 'session'] as const;
export type EntityType = (typeof entityTypes)[number];

export const knownAuditActions = [...actions] as AuditAction[];
export const knownEntityTypes: readonly EntityType[] = entityTypes;

const isEntityType = (value: string): value is EntityType => (entityTypes as readonly string[]).includes(value);

/** Audit actions and entity types are open-ended on the server; unknown ones (from newer modules) are shown as sent. */
export function useAuditLabels() {
  const { t } = useTranslation('audit');
  const actionLabel = useCallback((action: string) => (actions.has(action) ? t(`actions.${action as AuditAction}`) : action), [t]);
  const entityTypeLabel = useCallback((entityType: string) => (isEntityType(entityType) ? t(`entityTypes.${entityType}`) : entityType), [t]);
  return { actionLabel, entityTypeLabel };
}
