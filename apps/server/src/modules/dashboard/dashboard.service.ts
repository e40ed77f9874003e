import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../db/database.js';
import { recentEvents } from '../audit/audit.service.js';
import * as repo from './dashboard.repository.js';
import { holdsAnywhere } from '../../platform/access.js';

export function createDashboardService(db: Db) {
  return {
    /** The start page's figures, all counted from the database, for the actor's own organisation. */
    async get(actor: Actor) {
      if (!actor.userId && actor.kind !== 'system') throw new AppError('forbidden');
      const org = await repo.organizationName(db, actor.organizationId);
      const c = await repo.counts(db, actor.organizationId);
      const events = holdsAnywhere(actor, 'audit.read') ? await recentEvents(db, actor.organizationId, 8) : [];
      return {
        organizationName: org.name,
        counts: { units: c.units, users: c.users, activeUsers: c.active_users, auditEvents30d: c.audit30 },
        recentEvents: events.map((e) => ({ occurredAt: e.occurred_at.toISOString(), actorName: e.actor_name, action: e.action, entityType: e.entity_type, entityLabel: e.entity_label })),
      };
    },
  };
}
