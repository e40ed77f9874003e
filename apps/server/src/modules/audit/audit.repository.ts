import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { auditList, type ListCursor } from '@tillit/core';
import type { Db } from '../../db/database.js';
import { scopeCondition } from '../../platform/scope.js';
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
  /** Unit ids whose sub-trees the reader may see (null: all events, also those without a unit). */
  unitScope?: string[] | null;
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
  // One condition, index-friendly: the scope's units come from the GIN index on units.path, the
  // events by audit_events.unit_id; events without a unit drop out (NULL is in no list).
  if (f.unitScope)
    where.push(sql`e.unit_id IN (SELECT u.id FROM units u WHERE u.organization_id = ${organizationId} AND ${scopeCondition(f.unitScope)})`);
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

export function recent(db: Db, organizationId: string, limit: number, unitScope: string[] | null = null) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .$if(unitScope !== null, (q) =>
      q.where(
        sql<SqlBool>`unit_id IN (SELECT u.id FROM units u WHERE u.organization_id = ${organizationId} AND ${scopeCondition(unitScope)})`,
      ),
    )
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** What the display resolves ids of: the reference kinds of the audit vocabulary. */
export type ReferenceKind = 'user' | 'unit' | 'asset' | 'information_type' | 'classification';

/** Today's names of the referenced objects of one organisation (a classification reads as its asset's name and version). */
export async function referenceNames(db: Db, organizationId: string, ids: Record<ReferenceKind, string[]>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const add = (rows: { id: string; name: string }[]) => rows.forEach((r) => out.set(r.id, r.name));
  const [users, units, assets, types, versions] = await Promise.all([
    ids.user.length
      ? db.selectFrom('users').select(['id', 'name']).where('organization_id', '=', organizationId).where('id', 'in', ids.user).execute()
      : [],
    ids.unit.length
      ? db.selectFrom('units').select(['id', 'name']).where('organization_id', '=', organizationId).where('id', 'in', ids.unit).execute()
      : [],
    ids.asset.length
      ? db.selectFrom('assets').select(['id', 'name']).where('organization_id', '=', organizationId).where('id', 'in', ids.asset).execute()
      : [],
    ids.information_type.length
      ? db
          .selectFrom('information_types')
          .select(['id', 'name'])
          .where('organization_id', '=', organizationId)
          .where('id', 'in', ids.information_type)
          .execute()
      : [],
    ids.classification.length
      ? db
          .selectFrom('classification_versions as v')
          .innerJoin('assets as a', 'a.id', 'v.asset_id')
          .select(['v.id', 'a.name', 'v.version_no'])
          .where('v.organization_id', '=', organizationId)
          .where('v.id', 'in', ids.classification)
          .execute()
      : [],
  ]);
  add(users);
  add(units);
  add(assets);
  add(types);
  versions.forEach((v) => out.set(v.id, `${v.name} (${v.version_no})`));
  return out;
}

/**
 * The last label the audit log recorded for objects that no longer exist (a deleted unit or asset):
 * what the object was called when it was last changed.
 */
export async function lastRecordedLabels(db: Db, organizationId: string, entityType: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('audit_events')
    .select(['entity_id', 'entity_label'])
    .distinctOn('entity_id')
    .where('organization_id', '=', organizationId)
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', ids)
    .where('entity_label', 'is not', null)
    .orderBy('entity_id')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.entity_id!, r.entity_label!]));
}

/** The model definitions of classification versions, and the organisation's current one (for events of deleted versions and of information types). */
export async function modelDefinitions(db: Db, organizationId: string, versionIds: string[]) {
  const [byVersion, current] = await Promise.all([
    versionIds.length
      ? db
          .selectFrom('classification_versions as v')
          .innerJoin('classification_models as m', 'm.id', 'v.model_id')
          .select(['v.id', 'm.definition'])
          .where('v.organization_id', '=', organizationId)
          .where('v.id', 'in', versionIds)
          .execute()
      : [],
    db
      .selectFrom('classification_models')
      .select('definition')
      .where('organization_id', '=', organizationId)
      .where('is_current', '=', true)
      .executeTakeFirst(),
  ]);
  return { byVersion: new Map(byVersion.map((r) => [r.id, r.definition])), current: current?.definition ?? null };
}
