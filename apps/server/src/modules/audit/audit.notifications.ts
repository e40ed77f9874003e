import { roleGrants, roles } from '@tillit/core';
import { systemActor } from '../../platform/access.js';
import { kindsFrom, type NotificationDraft, type NotificationProducer } from '../../platform/contributions.js';
import type { ModuleDeps } from '../../platform/module.js';
import kindTexts from './notification-kinds.json' with { type: 'json' };

const kinds = kindsFrom(kindTexts);

/**
 * Every night the whole audit chain of each organisation is verified through the audit service
 * (the same check as the audit page's "whole log"); a failure is told to the organisation's
 * administrators (the roles that manage the organisation, from the role data).
 */
export const auditChainCheck: NotificationProducer<ModuleDeps> = {
  name: 'audit.verify',
  cron: '30 2 * * *',
  kinds,
  async produce({ services }) {
    const admins = roles.filter((r) => roleGrants(r, 'org.manage'));
    const drafts: NotificationDraft[] = [];
    for (const organizationId of await services.notifications.organizationIds()) {
      const r = await services.audit.verify(systemActor(organizationId, 'Tillit (nattlig kontroll)'), { full: true });
      if (r.ok) continue;
      const eventId = String(r.firstBrokenId ?? '');
      for (const userId of await services.notifications.usersWithRole(organizationId, admins)) {
        drafts.push({
          organizationId,
          userId,
          kind: 'audit.chain_broken',
          entityType: 'audit_chain',
          entityId: organizationId,
          params: { eventId },
          link: '/audit',
        });
      }
    }
    return drafts;
  },
};

export const auditProducers = [auditChainCheck];
