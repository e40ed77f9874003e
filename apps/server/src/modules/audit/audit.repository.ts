import { sql, type RawBuilder } from 'kysely';
import { auditList, type ListCursor } from '@tillit/core';
import type { Db } from '../../db/database.js';
import { containsPattern, listPage } from '../../platform/list/list.js';
import type { AuditEventsTable } from '../../db/tables/foundation.js';
import type { Selectable } from 'kysely';

export interface AuditFilter {
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  q?: string;
  sort: string;
  page: number;
  pageSize: number;
  cursor?: ListCursor | undefined;
}

/**
 * Newest first by (occurred_at, id): the time window and every filter read their rows from an
 * (organization_id, <filter>, occurred_at, id) index; search uses the trigram indexes on label and actor.
 */
export function list(db: Db, organizationId: string, f: AuditFilter) {
  const where: RawBuilder<unknown>[] = [sql`e.organization_id = ${organizationId}`];
  if (f.actorUserId) where.push(sql`e.actor_user_id = ${f.actorUserId}`);
  if (f.entityType) where.push(sql`e.entity_type = ${f.entityType}`);
  if (f.entityId) where.push(sql`e.entity_id = ${f.entityId}`);
  if (f.action) where.push(sql`e.action = ${f.action}`);
  if (f.from) where.push(sql`e.occurred_at >= ${new Date(f.from)}`);
  if (f.to) where.push(sql`e.occurred_at <= ${new Date(f.to)}`);
  const like = f.q ? containsPattern(f.q) : null;
  return listPage<'occurredAt', Selectable<AuditEventsTable>>(db, {
    spec: auditList,
    keys: { occurredAt: { expr: sql`e.occurred_at` } },
    id: sql`e.id`,
    from: sql`audit_events e`,
    where,
    search: like === null ? undefined : sql`(e.entity_label ilike ${like} or e.actor_name ilike ${like})`,
    detail: (id) => sql`select * from audit_events d where d.id = ${id}`,
    query: f,
  });
}

export function recent(db: Db, organizationId: string, limit: number) {
  return db.selectFrom('audit_events').selectAll().where('organization_id', '=', organizationId).orderBy('id', 'desc').limit(limit).execute();
}
