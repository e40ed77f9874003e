import { sql, type Expression, type SqlBool } from 'kysely';
import type { AssetListQuery } from '@tillit/core';
import type { Db, Trx } from '../../db/database.js';
import { scopeCondition } from '../../platform/scope.js';

const SORTS = {
  name: sql`lower(a.name)`,
  kind: sql`a.kind`,
  unit: sql`lower(u.name)`,
  lifecycle: sql`a.lifecycle`,
  supplier: sql`lower(a.supplier)`,
  externalId: sql`a.external_id`,
  updatedAt: sql`a.updated_at`,
  reviewDueAt: sql`a.review_due_at`,
  levelC: sql`a.level_c`,
  levelI: sql`a.level_i`,
  levelA: sql`a.level_a`,
  levelT: sql`a.level_t`,
} as const;

const LEVEL_COLUMN = { C: 'level_c', I: 'level_i', A: 'level_a', T: 'level_t' } as const;

/** The columns of an asset row as views need them: the asset, its unit and the names of its people and type. */
const BASE = sql`
  a.*, u.name as unit_name, u.path as unit_path,
  io.name as information_owner_name, so.name as system_owner_name, ss.name as system_steward_name,
  it.name as information_type_name`;
const LINK_COUNT = sql`
  case when a.kind = 'information_set'
    then (select count(*)::int from asset_links l where l.information_set_id = a.id)
    else (select count(*)::int from asset_links l where l.asset_id = a.id) end as link_count`;
const SELECT = sql`${BASE}, ${LINK_COUNT}`;

const FROM = sql`
  assets a
  join units u on u.id = a.unit_id
  left join users io on io.id = a.information_owner_id
  left join users so on so.id = a.system_owner_id
  left join users ss on ss.id = a.system_steward_id
  left join information_types it on it.id = a.information_type_id`;

export interface AssetRow {
  id: string;
  organization_id: string;
  kind: string;
  name: string;
  description: string | null;
  unit_id: string;
  unit_name: string;
  unit_path: string[];
  information_owner_id: string | null;
  information_owner_name: string | null;
  system_owner_id: string | null;
  system_owner_name: string | null;
  system_steward_id: string | null;
  system_steward_name: string | null;
  supplier: string | null;
  hosting: string | null;
  third_country_transfer: string;
  third_countries: string[];
  personal_data: string;
  lifecycle: string;
  external_id: string | null;
  tags: string[];
  information_type_id: string | null;
  information_type_name: string | null;
  approved_c: number | null;
  approved_i: number | null;
  approved_a: number | null;
  approved_t: number | null;
  derived_c: number | null;
  derived_i: number | null;
  derived_a: number | null;
  derived_t: number | null;
  level_c: number | null;
  level_i: number | null;
  level_a: number | null;
  level_t: number | null;
  special_analysis: boolean;
  current_version_id: string | null;
  approved_at: Date | null;
  review_due_at: Date | null;
  open_version_id: string | null;
  work_status: string | null;
  link_count: number;
  created_at: Date;
  updated_at: Date;
}

export type AssetFilter = Omit<AssetListQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** `null` scope = every unit (system actor); otherwise the sub-tree roots where the permission is held. */
export { scopeCondition };

function conditions(organizationId: string, scope: string[] | null, f: AssetFilter): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [sql`a.organization_id = ${organizationId}`, scopeCondition(scope)];
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (values?.length) c.push(sql`${sql.ref(`a.${column}`)} = any(${sql.val(values)}::text[])`);
  };
  anyOf('kind', f.kind);
  anyOf('lifecycle', f.lifecycle);
  anyOf('hosting', f.hosting);
  anyOf('personal_data', f.personalData);
  anyOf('third_country_transfer', f.thirdCountryTransfer);
  anyOf('work_status', f.workStatus);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (ch) => '\\' + ch)}%`;
    c.push(sql`a.search_text like ${like}`);
  }
  if (f.unitId) c.push(sql`u.path @> array[${f.unitId}]::uuid[]`);
  if (f.informationOwnerId) c.push(sql`a.information_owner_id = ${f.informationOwnerId}`);
  if (f.systemOwnerId) c.push(sql`a.system_owner_id = ${f.systemOwnerId}`);
  if (f.systemStewardId) c.push(sql`a.system_steward_id = ${f.systemStewardId}`);
  if (f.personId) c.push(sql`${f.personId} in (a.information_owner_id, a.system_owner_id, a.system_steward_id)`);
  if (f.supplier) c.push(sql`lower(a.supplier) = lower(${f.supplier})`);
  if (f.tag) c.push(sql`a.tags @> array[${f.tag}]::text[]`);
  if (f.informationTypeId) c.push(sql`a.information_type_id = ${f.informationTypeId}`);
  if (f.processesSetId) c.push(sql`exists (select 1 from asset_links l where l.asset_id = a.id and l.information_set_id = ${f.processesSetId})`);
  if (f.processedById) c.push(sql`exists (select 1 from asset_links l where l.information_set_id = a.id and l.asset_id = ${f.processedById})`);
  if (f.aspect && f.minLevel !== undefined) c.push(sql`${sql.ref(`a.${LEVEL_COLUMN[f.aspect]}`)} >= ${f.minLevel}`);
  if (f.specialAnalysis !== undefined) c.push(sql`a.special_analysis = ${f.specialAnalysis}`);
  if (f.reviewState?.length) {
    const states = f.reviewState.map((s) => {
      switch (s) {
        case 'missing':
          return sql`a.approved_at is null`;
        case 'overdue':
          return sql`a.review_due_at < now()`;
        case 'due_soon':
          return sql`(a.review_due_at >= now() and a.review_due_at <= now() + interval '30 days')`;
        case 'valid':
          return sql`a.review_due_at > now() + interval '30 days'`;
      }
    });
    c.push(sql`(${sql.join(states, sql` or `)})`);
  }
  return c;
}

/** The inventory page's two queries (also compiled by the benchmark to time the bare SQL). */
export function listQueries(organizationId: string, scope: string[] | null, f: AssetFilter & { page: number; pageSize: number }) {
  const where = sql.join(conditions(organizationId, scope, f), sql` and `);
  const desc = f.sort?.startsWith('-');
  const key = (f.sort?.replace(/^-/, '') ?? 'name') as keyof typeof SORTS;
  // Own keys only: `sort=constructor` must not reach the query as Object.prototype.constructor.
  const order = Object.hasOwn(SORTS, key) ? SORTS[key] : SORTS.name;
  const dir = sql.raw(desc ? 'desc nulls last' : 'asc nulls last');
  return {
    // The link counts are taken for the page only, not for the rows skipped by the offset.
    rows: sql<AssetRow>`
      select a.*, ${LINK_COUNT} from (
        select ${BASE} from ${FROM} where ${where}
        order by ${order} ${dir}, a.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}
      ) a order by ${key === 'unit' ? sql`lower(a.unit_name)` : order} ${dir}, a.id`,
    count: sql<{ n: number }>`select count(*)::int as n from assets a join units u on u.id = a.unit_id where ${where}`,
  };
}

export async function list(db: Db, organizationId: string, scope: string[] | null, f: AssetFilter & { page: number; pageSize: number }) {
  const q = listQueries(organizationId, scope, f);
  const [rows, count] = await Promise.all([q.rows.execute(db), q.count.execute(db)]);
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}

/** Every matching row, for the export (bounded by the organisation's inventory). */
export async function listAll(db: Db, organizationId: string, scope: string[] | null, f: AssetFilter) {
  const where = sql.join(conditions(organizationId, scope, f), sql` and `);
  return (await sql<AssetRow>`select ${BASE}, 0 as link_count from ${FROM} where ${where} order by a.kind, lower(a.name), a.id`.execute(db)).rows;
}

export async function findById(db: Db | Trx, organizationId: string, id: string): Promise<AssetRow | undefined> {
  return (await sql<AssetRow>`select ${SELECT} from ${FROM} where a.organization_id = ${organizationId} and a.id = ${id}`.execute(db)).rows[0];
}

export async function findByExternalId(db: Db | Trx, organizationId: string, externalId: string) {
  return db.selectFrom('assets').select(['id', 'kind']).where('organization_id', '=', organizationId).where('external_id', '=', externalId).executeTakeFirst();
}

export interface AssetValues {
  kind?: string;
  name?: string;
  description?: string | null;
  unit_id?: string;
  information_owner_id?: string | null;
  system_owner_id?: string | null;
  system_steward_id?: string | null;
  supplier?: string | null;
  hosting?: string | null;
  third_country_transfer?: string;
  third_countries?: string[];
  personal_data?: string;
  lifecycle?: string;
  external_id?: string | null;
  tags?: string[];
  information_type_id?: string | null;
}

export async function insert(trx: Trx, values: AssetValues & { organization_id: string; kind: string; name: string; unit_id: string; created_by: string | null }) {
  return trx.insertInto('assets').values(values).returning('id').executeTakeFirstOrThrow();
}

export function update(trx: Trx, id: string, values: AssetValues) {
  return trx.updateTable('assets').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export function remove(trx: Trx, id: string) {
  return trx.deleteFrom('assets').where('id', '=', id).execute();
}

/** The other side of the processing links: sets of a system, or systems of a set. */
export async function linkedAssets(db: Db | Trx, id: string, side: 'sets' | 'processors') {
  const [mine, theirs] = side === 'sets' ? ['asset_id', 'information_set_id'] : ['information_set_id', 'asset_id'];
  return (
    await sql<{ id: string; kind: string; name: string; unit_id: string; lifecycle: string; level_c: number | null; level_i: number | null; level_a: number | null; level_t: number | null }>`
      select a.id, a.kind, a.name, a.unit_id, a.lifecycle, a.level_c, a.level_i, a.level_a, a.level_t
      from asset_links l join assets a on a.id = ${sql.ref(`l.${theirs}`)}
      where ${sql.ref(`l.${mine}`)} = ${id}
      order by lower(a.name)`.execute(db)
  ).rows;
}

export function insertLink(trx: Trx, values: { organization_id: string; asset_id: string; information_set_id: string }) {
  return trx.insertInto('asset_links').values(values).onConflict((oc) => oc.columns(['asset_id', 'information_set_id']).doNothing()).executeTakeFirst();
}

export function deleteLink(trx: Trx, assetId: string, setId: string) {
  return trx.deleteFrom('asset_links').where('asset_id', '=', assetId).where('information_set_id', '=', setId).executeTakeFirst();
}

export async function integrationsOf(db: Db | Trx, id: string) {
  return (
    await sql<{ id: string; from_asset_id: string; from_name: string; to_asset_id: string; to_name: string; description: string | null; created_at: Date }>`
      select i.id, i.from_asset_id, f.name as from_name, i.to_asset_id, t.name as to_name, i.description, i.created_at
      from asset_integrations i join assets f on f.id = i.from_asset_id join assets t on t.id = i.to_asset_id
      where i.from_asset_id = ${id} or i.to_asset_id = ${id}
      order by i.created_at, i.id`.execute(db)
  ).rows;
}

export async function findIntegration(db: Db | Trx, organizationId: string, id: string) {
  return (
    await sql<{ id: string; from_asset_id: string; from_name: string; to_asset_id: string; to_name: string; description: string | null; created_at: Date }>`
      select i.id, i.from_asset_id, f.name as from_name, i.to_asset_id, t.name as to_name, i.description, i.created_at
      from asset_integrations i join assets f on f.id = i.from_asset_id join assets t on t.id = i.to_asset_id
      where i.organization_id = ${organizationId} and i.id = ${id}`.execute(db)
  ).rows[0];
}

export function insertIntegration(trx: Trx, values: { organization_id: string; from_asset_id: string; to_asset_id: string; description: string | null }) {
  return trx.insertInto('asset_integrations').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateIntegration(trx: Trx, id: string, description: string | null) {
  return trx.updateTable('asset_integrations').set({ description, updated_at: new Date() }).where('id', '=', id).execute();
}

export function deleteIntegration(trx: Trx, id: string) {
  return trx.deleteFrom('asset_integrations').where('id', '=', id).execute();
}

/** Distinct suppliers, tags and countries in use, for the filter pickers. */
export async function facets(db: Db, organizationId: string, scope: string[] | null) {
  const where = sql`a.organization_id = ${organizationId} and ${scopeCondition(scope)}`;
  const [suppliers, tags, countries] = await Promise.all([
    sql<{ v: string }>`select distinct a.supplier as v from assets a join units u on u.id = a.unit_id where ${where} and a.supplier is not null order by 1 limit 1000`.execute(db),
    sql<{ v: string }>`select distinct unnest(a.tags) as v from assets a join units u on u.id = a.unit_id where ${where} order by 1 limit 1000`.execute(db),
    sql<{ v: string }>`select distinct unnest(a.third_countries) as v from assets a join units u on u.id = a.unit_id where ${where} order by 1 limit 1000`.execute(db),
  ]);
  return { suppliers: suppliers.rows.map((r) => r.v), tags: tags.rows.map((r) => r.v), thirdCountries: countries.rows.map((r) => r.v) };
}

/** Users of the organisation among the given ids (people fields must name one of them). */
export async function existingUserIds(db: Db | Trx, organizationId: string, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db.selectFrom('users').select('id').where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export function lockForUpdate(trx: Trx, id: string) {
  return trx.selectFrom('assets').select('id').where('id', '=', id).forUpdate().execute();
}

/** Everything the Excel export needs besides the rows: people's e-mail addresses, links and integrations. */
export async function exportExtras(db: Db, organizationId: string) {
  const [emails, allLinks, allIntegrations] = await Promise.all([
    db.selectFrom('users').select(['id', 'email']).where('organization_id', '=', organizationId).execute(),
    sql<{ asset_id: string; information_set_id: string; processor: string; processor_ref: string; set_name: string }>`
      select l.asset_id, l.information_set_id, p.name as processor, coalesce(p.external_id, p.name) as processor_ref, s.name as set_name
      from asset_links l join assets p on p.id = l.asset_id join assets s on s.id = l.information_set_id
      where l.organization_id = ${organizationId}
      order by p.name, s.name`.execute(db),
    sql<{ from_asset_id: string; to_asset_id: string; from_name: string; to_name: string; description: string | null }>`
      select i.from_asset_id, i.to_asset_id, f.name as from_name, t.name as to_name, i.description
      from asset_integrations i join assets f on f.id = i.from_asset_id join assets t on t.id = i.to_asset_id
      where i.organization_id = ${organizationId}
      order by f.name, t.name`.execute(db),
  ]);
  return { emails, allLinks, allIntegrations };
}
