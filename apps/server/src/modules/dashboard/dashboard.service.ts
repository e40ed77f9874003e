import { sql } from 'kysely';
import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../db/database.js';
import * as auditRepo from '../audit/audit.repository.js';
import { holdsAnywhere } from '../../platform/access.js';

export function createDashboardService(db: Db) {
  return {
    /** The start page's figures, all counted from the database, for the actor's own organisation. */
    async get(actor: Actor) {
      if (!actor.userId && actor.kind !== 'system') throw new AppError('forbidden');
      const org = await db.selectFrom('organizations').select('name').where('id', '=', actor.organizationId).executeTakeFirstOrThrow();
      const counts = await sql<{ units: number; users: number; active_users: number; audit30: number }>`
        select
          (select count(*)::int from units where organization_id = ${actor.organizationId} and closed_at is null) as units,
          (select count(*)::int from users where organization_id = ${actor.organizationId} and status != 'disabled') as users,
          (select count(*)::int from users where organization_id = ${actor.organizationId} and status = 'active') as active_users,
          (select count(*)::int from audit_events where organization_id = ${actor.organizationId} and occurred_at > now() - interval '30 days') as audit30
      `.execute(db);
      const c = counts.rows[0]!;
      const events = holdsAnywhere(actor, 'audit.read') ? await auditRepo.recent(db, actor.organizationId, 8) : [];
      return {
        organizationName: org.name,
        counts: { units: c.units, users: c.users, activeUsers: c.active_users, auditEvents30d: c.audit30 },
        recentEvents: events.map((e) => ({ occurredAt: e.occurred_at.toISOString(), actorName: e.actor_name, action: e.action, entityType: e.entity_type, entityLabel: e.entity_label })),
      };
    },
  };
}
