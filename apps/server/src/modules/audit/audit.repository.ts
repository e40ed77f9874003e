import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface AuditFilter {
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function list(db: Db, organizationId: string, f: AuditFilter) {
  let q = db.selectFrom('audit_events').where('organization_id', '=', organizationId);
  if (f.actorUserId) q = q.where('actor_user_id', '=', f.actorUserId);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('occurred_at', '>=', new Date(f.from));
  if (f.to) q = q.where('occurred_at', '<=', new Date(f.to));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('entity_label', 'ilike', like), eb('actor_name', 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    // Counting millions of rows exactly on every page view is wasteful; cap it and say "10 000+".
    sql<{ n: number }>`select count(*)::int as n from (${q.select(sql`1`.as('one')).limit(10_001)}) t`.execute(db),
  ]);
  return { rows, total: count.rows[0]?.n ?? 0 };
}

export function recent(db: Db, organizationId: string, limit: number) {
  return db.selectFrom('audit_events').selectAll().where('organization_id', '=', organizationId).orderBy('id', 'desc').limit(limit).execute();
}
