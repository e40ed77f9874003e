import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { type ListCursor } from '@tillit/core';
import { measureList, type MeasureListQuery } from '@tillit/core/modules/measures/schemas';
import { containsPattern, effectiveScope, inUnits, listPage, listStatement, type SortKey } from '../../platform/list/list.js';
import type { Db, Trx } from '../../db/database.js';
import './measures.tables.js';

type Q = Db | Trx;

/** A measure as read: dates as YYYY-MM-DD, with its unit (name, path) and owner's name. */
export interface MeasureRow {
  id: string;
  organization_id: string;
  unit_id: string;
  unit_name: string;
  unit_path: string[];
  title: string;
  description: string | null;
  owner_id: string | null;
  owner_name: string | null;
  start_date: string | null;
  due_date: string;
  priority: string;
  estimated_cost: number | null;
  estimated_hours: number | null;
  status: string;
  cancel_reason: string | null;
  completed_at: Date | null;
  verified_at: Date | null;
  last_result: string | null;
  created_at: Date;
  updated_at: Date;
  row_version: number;
}

export interface LinkRow {
  id: string;
  measure_id: string;
  link_type: string;
  target_id: string;
  context_id: string | null;
  label: string;
}

const SELECT = sql`m.id, m.organization_id, m.unit_id, u.name as unit_name, u.path as unit_path, m.title, m.description,
  m.owner_id, o.name as owner_name, m.start_date::text as start_date, m.due_date::text as due_date, m.priority,
  m.estimated_cost, m.estimated_hours, m.status, m.cancel_reason, m.completed_at, m.verified_at, m.last_result,
  m.created_at, m.updated_at, m.row_version`;
const FROM = sql`measures m join units u on u.id = m.unit_id left join users o on o.id = m.owner_id`;

export async function findById(db: Q, organizationId: string, id: string): Promise<MeasureRow | undefined> {
  return (await sql<MeasureRow>`select ${SELECT} from ${FROM} where m.organization_id = ${organizationId} and m.id = ${id}`.execute(db))
    .rows[0];
}

export function lockForUpdate(trx: Trx, id: string) {
  return trx.selectFrom('measures').select('id').where('id', '=', id).forUpdate().execute();
}

export interface MeasureValues {
  unit_id?: string;
  title?: string;
  description?: string | null;
  owner_id?: string | null;
  start_date?: string | null;
  due_date?: string;
  priority?: string;
  estimated_cost?: number | null;
  estimated_hours?: number | null;
  status?: string;
  cancel_reason?: string | null;
  completed_at?: Date | null;
  verified_at?: Date | null;
  last_result?: string | null;
}

export async function insertMeasure(
  trx: Trx,
  organizationId: string,
  createdBy: string | null,
  v: MeasureValues & { unit_id: string; title: string; due_date: string },
) {
  const r = await trx
    .insertInto('measures')
    .values({ ...v, organization_id: organizationId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateMeasure(trx: Trx, id: string, v: MeasureValues) {
  await trx
    .updateTable('measures')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertLinks(
  trx: Trx,
  organizationId: string,
  measureId: string,
  createdBy: string | null,
  links: { type: string; targetId: string; contextId?: string | null | undefined; label: string }[],
) {
  if (!links.length) return [];
  return trx
    .insertInto('measure_links')
    .values(
      links.map((l) => ({
        organization_id: organizationId,
        measure_id: measureId,
        link_type: l.type,
        target_id: l.targetId,
        context_id: l.contextId ?? null,
        label: l.label,
        created_by: createdBy,
      })),
    )
    .onConflict((oc) => oc.columns(['measure_id', 'link_type', 'target_id']).doNothing())
    .returning(['id', 'measure_id', 'link_type', 'target_id', 'context_id', 'label'])
    .execute();
}

export function deleteLink(trx: Trx, measureId: string, linkId: string) {
  return trx
    .deleteFrom('measure_links')
    .where('measure_id', '=', measureId)
    .where('id', '=', linkId)
    .returning(['id', 'link_type', 'target_id', 'context_id', 'label'])
    .executeTakeFirst();
}

export function linksOf(db: Q, measureIds: string[]): Promise<LinkRow[]> {
  if (!measureIds.length) return Promise.resolve([]);
  return db
    .selectFrom('measure_links')
    .select(['id', 'measure_id', 'link_type', 'target_id', 'context_id', 'label'])
    .where('measure_id', 'in', measureIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function relabel(trx: Trx, organizationId: string, linkType: string, targetId: string, label: string) {
  const r = await trx
    .updateTable('measure_links')
    .set({ label })
    .where('organization_id', '=', organizationId)
    .where('link_type', '=', linkType)
    .where('target_id', '=', targetId)
    .where('label', '<>', label)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface VerificationRow {
  id: string;
  verified_by: string;
  verifier_name: string;
  verified_on: string;
  method: string;
  result: string;
  comment: string | null;
  created_at: Date;
}

export async function verificationsOf(db: Q, measureId: string): Promise<VerificationRow[]> {
  return (
    await sql<VerificationRow>`select v.id, v.verified_by, u.name as verifier_name, v.verified_on::text as verified_on, v.method, v.result, v.comment, v.created_at
      from measure_verifications v join users u on u.id = v.verified_by where v.measure_id = ${measureId} order by v.created_at desc, v.id desc`.execute(
      db,
    )
  ).rows;
}

export async function insertVerification(
  trx: Trx,
  organizationId: string,
  measureId: string,
  v: { verified_by: string; verified_on: string; method: string; result: string; comment: string | null },
) {
  return (
    await trx
      .insertInto('measure_verifications')
      .values({ ...v, organization_id: organizationId, measure_id: measureId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function activeUserExists(db: Q, organizationId: string, id: string) {
  return Boolean(
    await db
      .selectFrom('users')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst(),
  );
}

/** Measures linked to any of the targets (of one link type), with the link's target, for summaries. */
export async function linkedTo(
  db: Q,
  organizationId: string,
  scope: string[] | null,
  linkType: string,
  by: { targetIds?: string[]; contextId?: string },
) {
  const where: RawBuilder<unknown>[] = [sql`l.organization_id = ${organizationId}`, sql`l.link_type = ${linkType}`];
  if (by.targetIds) where.push(sql`l.target_id = any(${sql.val(by.targetIds)}::uuid[])`);
  if (by.contextId) where.push(sql`l.context_id = ${by.contextId}`);
  if (scope !== null) where.push(inUnits(organizationId, scope, sql`m.unit_id`));
  return (
    await sql<MeasureRow & { target_id: string }>`select l.target_id, ${SELECT} from measure_links l join measures m on m.id = l.measure_id
      join units u on u.id = m.unit_id left join users o on o.id = m.owner_id
      where ${sql.join(where, sql` and `)} order by m.due_date, m.id`.execute(db)
  ).rows;
}

// ——— lists ———

export type MeasureFilter = Omit<MeasureListQuery, 'page' | 'pageSize' | 'sort' | 'cursor'> & {
  sort?: string | undefined;
  today: string;
  me: string | null;
};
type PageQuery = MeasureFilter & { page: number; pageSize: number; cursor?: ListCursor | undefined };

const SORTS: Record<keyof typeof measureList.sorts, SortKey> = {
  dueDate: { expr: sql`m.due_day` },
  title: { expr: sql`lower(m.title)` },
  updatedAt: { expr: sql`m.updated_at` },
};

const OPEN = sql`m.status in ('planned', 'in_progress')`;
/** YYYY-MM-DD → days since 1970-01-01, as the generated `due_day` column counts them. */
const dayOf = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

function conditions(organizationId: string, scope: string[] | null, f: MeasureFilter): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [sql`m.organization_id = ${organizationId}`];
  // An owner always sees their own measures, wherever they lie.
  if (scope !== null)
    c.push(
      f.me
        ? sql`(${inUnits(organizationId, scope, sql`m.unit_id`)} or m.owner_id = ${f.me})`
        : inUnits(organizationId, scope, sql`m.unit_id`),
    );
  if (f.view === 'open') c.push(OPEN);
  // Day numbers, so the condition is a range of the (organization_id, due_day, id) indexes.
  if (f.view === 'overdue') c.push(sql`${OPEN} and m.due_day < ${dayOf(f.today)}`);
  if (f.view === 'unverified') c.push(sql`m.status = 'done'`);
  if (f.unitId)
    c.push(
      sql`m.unit_id = any(array(select su.id from units su where su.organization_id = ${organizationId} and su.path @> array[${f.unitId}]::uuid[]))`,
    );
  if (f.ownerId) c.push(sql`m.owner_id = ${f.ownerId}`);
  // "Mina åtgärder" for an actor without a user (system) matches nothing rather than everything.
  if (f.mine) c.push(f.me ? sql`m.owner_id = ${f.me}` : sql`false`);
  if (f.status?.length) c.push(sql`m.status = any(${sql.val(f.status)}::text[])`);
  if (f.priority?.length) c.push(sql`m.priority = any(${sql.val(f.priority)}::text[])`);
  if (f.linkType) c.push(sql`exists (select 1 from measure_links l where l.measure_id = m.id and l.link_type = ${f.linkType})`);
  if (f.dueFrom) c.push(sql`m.due_day >= ${dayOf(f.dueFrom)}`);
  if (f.dueTo) c.push(sql`m.due_day <= ${dayOf(f.dueTo)}`);
  return c;
}

function searchCondition(f: MeasureFilter) {
  return f.q ? sql<SqlBool>`m.search_text like ${containsPattern(f.q.toLowerCase())}` : undefined;
}

function listRequest(organizationId: string, scope: string[] | null, f: PageQuery) {
  const sort = f.sort ?? measureList.defaultSort;
  return {
    spec: measureList,
    keys: SORTS,
    id: sql`m.id`,
    from: sql`measures m`,
    where: conditions(organizationId, scope, f),
    search: searchCondition(f),
    detail: (id: RawBuilder<unknown>) => sql`select ${SELECT} from ${FROM} where m.id = ${id}`,
    query: { ...f, sort },
  };
}

export async function list(db: Db, organizationId: string, scope: string[] | null, f: PageQuery) {
  return listPage<keyof typeof measureList.sorts, MeasureRow>(
    db,
    listRequest(organizationId, await effectiveScope(db, organizationId, scope), f),
  );
}

/** The list's one statement, compiled by the bench to time the bare SQL. */
export function listQuery(organizationId: string, scope: string[] | null, f: PageQuery) {
  return listStatement<keyof typeof measureList.sorts, MeasureRow>(listRequest(organizationId, scope, f)).statement;
}

/** Counts per group (status or owner) and the first measures of each, for the grouped list. */
export async function board(
  db: Db,
  organizationId: string,
  scope: string[] | null,
  f: MeasureFilter,
  groupBy: 'status' | 'owner',
  perGroup: number,
) {
  const s = await effectiveScope(db, organizationId, scope);
  const where = sql.join(conditions(organizationId, s, f), sql` and `);
  const key = groupBy === 'status' ? sql`m.status` : sql`coalesce(m.owner_id::text, '')`;
  const counts = (
    await sql<{ key: string; count: number; overdue: number; owner_name: string | null }>`select ${key} as key, count(*)::int as count,
      (count(*) filter (where ${OPEN} and m.due_date < ${f.today}::date))::int as overdue, max(o.name) as owner_name
      from measures m left join users o on o.id = m.owner_id where ${where} group by 1 order by 2 desc limit 200`.execute(db)
  ).rows;
  // Each group's first measures by an index range: per status, or per owner (no owner: its own branch).
  const first = (match: RawBuilder<unknown>) =>
    sql`(select ${SELECT} from ${FROM} where ${where} and ${match} order by m.due_day, m.id limit ${perGroup})`;
  const branches =
    groupBy === 'status'
      ? first(sql`m.status = g.key`)
      : sql`${first(sql`m.owner_id = nullif(g.key, '')::uuid`)} union all ${first(sql`g.key = '' and m.owner_id is null`)}`;
  const items = (
    await sql<
      MeasureRow & { group_key: string }
    >`select g.key as group_key, x.* from unnest(${sql.val(counts.map((c) => c.key))}::text[]) g(key)
      cross join lateral (${branches}) x`.execute(db)
  ).rows;
  return { counts, items };
}

/** A user's open measures: how many, how many overdue or due soon (start page, reminders). */
export async function ownerCounts(db: Db, organizationId: string, ownerId: string, today: string, soon: string) {
  return (
    await sql<{ open: number; overdue: number; due_soon: number; unverified: number }>`select
      (count(*) filter (where ${OPEN}))::int as open,
      (count(*) filter (where ${OPEN} and m.due_date < ${today}::date))::int as overdue,
      (count(*) filter (where ${OPEN} and m.due_date >= ${today}::date and m.due_date <= ${soon}::date))::int as due_soon,
      (count(*) filter (where m.status = 'done'))::int as unverified
      from measures m where m.organization_id = ${organizationId} and m.owner_id = ${ownerId}`.execute(db)
  ).rows[0]!;
}

/** Open measures due by `soon` (overdue included) of active owners, across organisations, for the reminder producer. */
export async function dueForReminder(db: Db, soon: string) {
  return (
    await sql<{
      id: string;
      organization_id: string;
      owner_id: string;
      title: string;
      due_date: string;
      unit_id: string;
    }>`select m.id, m.organization_id, m.owner_id,
      m.title, m.due_date::text as due_date, m.unit_id from measures m join users o on o.id = m.owner_id and o.status = 'active'
      where ${OPEN} and m.due_date <= ${soon}::date order by m.organization_id, m.due_day, m.id`.execute(db)
  ).rows;
}
