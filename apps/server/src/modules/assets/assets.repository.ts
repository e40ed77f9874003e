import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { assetList, DUE_SOON_DAYS, type AssetListQuery, type ListCursor } from '@tillit/core';
import { containsPattern, effectiveScope, inUnits, listPage, listStatement, type SortKey } from '../../platform/list/list.js';
import type { Db, Trx } from '../../db/database.js';
import { scopeCondition } from '../../platform/scope.js';

/** The key of each offered sort (core's `assetList`); an (organization_id, <key>, id) index serves each. */
const SORTS: Record<keyof typeof assetList.sorts, SortKey> = {
  name: { expr: sql`lower(a.name)` },
  kind: { expr: sql`a.kind` },
  // The unit's lower-cased name, kept on the asset by triggers (migration 20261202T0320).
  unit: { expr: sql`a.unit_sort_key` },
  lifecycle: { expr: sql`a.lifecycle` },
  supplier: { expr: sql`lower(a.supplier)`, nullable: true },
  externalId: { expr: sql`a.external_id`, nullable: true },
  updatedAt: { expr: sql`a.updated_at` },
  reviewDueAt: { expr: sql`a.review_due_at`, nullable: true },
  levelC: { expr: sql`a.level_c`, nullable: true },
  levelI: { expr: sql`a.level_i`, nullable: true },
  levelA: { expr: sql`a.level_a`, nullable: true },
  levelT: { expr: sql`a.level_t`, nullable: true },
};

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
  row_version: number;
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
  essential_service: string;
  personal_data: string;
  lifecycle: string;
  external_id: string | null;
  tags: string[];
  information_type_id: string | null;
  information_type_name: string | null;
  secrecy_chapter: number | null;
  protected_identity: boolean;
  criminal_offence_data: boolean;
  security_protection: boolean;
  decision_delegate_id: string | null;
  classification_review_reasons: { reason: string; at: string }[] | null;
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

export type AssetFilter = Omit<AssetListQuery, 'page' | 'pageSize' | 'sort' | 'cursor'> & { sort?: string | undefined };

/** `null` scope = every unit (system actor); otherwise the sub-tree roots where the permission is held. */
export { scopeCondition };

function conditions(organizationId: string, scope: string[] | null, f: AssetFilter): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [sql`a.organization_id = ${organizationId}`];
  if (scope !== null) c.push(inUnits(organizationId, scope, sql`a.unit_id`));
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (values?.length) c.push(sql`${sql.ref(`a.${column}`)} = any(${sql.val(values)}::text[])`);
  };
  anyOf('kind', f.kind);
  anyOf('lifecycle', f.lifecycle);
  anyOf('hosting', f.hosting);
  anyOf('personal_data', f.personalData);
  anyOf('third_country_transfer', f.thirdCountryTransfer);
  anyOf('work_status', f.workStatus);
  if (f.unitId)
    c.push(
      sql`a.unit_id = any(array(select su.id from units su where su.organization_id = ${organizationId} and su.path @> array[${f.unitId}]::uuid[]))`,
    );
  if (f.informationOwnerId) c.push(sql`a.information_owner_id = ${f.informationOwnerId}`);
  if (f.systemOwnerId) c.push(sql`a.system_owner_id = ${f.systemOwnerId}`);
  if (f.systemStewardId) c.push(sql`a.system_steward_id = ${f.systemStewardId}`);
  if (f.personId) c.push(sql`${f.personId} in (a.information_owner_id, a.system_owner_id, a.system_steward_id)`);
  if (f.supplier) c.push(sql`lower(a.supplier) = lower(${f.supplier})`);
  if (f.tag) c.push(sql`a.tags @> array[${f.tag}]::text[]`);
  if (f.informationTypeId) c.push(sql`a.information_type_id = ${f.informationTypeId}`);
  if (f.processesSetId)
    c.push(sql`exists (select 1 from asset_links l where l.asset_id = a.id and l.information_set_id = ${f.processesSetId})`);
  if (f.processedById)
    c.push(sql`exists (select 1 from asset_links l where l.information_set_id = a.id and l.asset_id = ${f.processedById})`);
  if (f.aspect && f.minLevel !== undefined) c.push(sql`${sql.ref(`a.${LEVEL_COLUMN[f.aspect]}`)} >= ${f.minLevel}`);
  if (f.specialAnalysis !== undefined) c.push(sql`a.special_analysis = ${f.specialAnalysis}`);
  // Read through the partial index assets_review_reasons_idx (migration 20261205T0800).
  if (f.reviewReasons !== undefined)
    c.push(f.reviewReasons ? sql`a.classification_review_reasons is not null` : sql`a.classification_review_reasons is null`);
  if (f.reviewState?.length) {
    const states = f.reviewState.map((s) => {
      switch (s) {
        case 'missing':
          return sql`a.approved_at is null`;
        case 'overdue':
          return sql`a.review_due_at < now()`;
        case 'due_soon':
          return sql`(a.review_due_at >= now() and a.review_due_at <= now() + make_interval(days => ${DUE_SOON_DAYS}))`;
        case 'valid':
          return sql`a.review_due_at > now() + make_interval(days => ${DUE_SOON_DAYS})`;
      }
    });
    c.push(sql`(${sql.join(states, sql` or `)})`);
  }
  return c;
}

/** The free-text search: the generated, lower-cased search column, trigram-indexed. */
function searchCondition(f: AssetFilter) {
  return f.q ? sql<SqlBool>`a.search_text like ${containsPattern(f.q.toLowerCase())}` : undefined;
}

/**
 * The inventory page: the page's ids by keyset on `assets` alone (the unit is joined only to sort by its
 * name), the names of unit, people and type and the link count for those rows only.
 */
export async function list(db: Db, organizationId: string, scope: string[] | null, f: AssetPageQuery) {
  return listPage<keyof typeof assetList.sorts, AssetRow>(
    db,
    listRequest(organizationId, await effectiveScope(db, organizationId, scope), f),
  );
}

type AssetPageQuery = AssetFilter & { page: number; pageSize: number; cursor?: ListCursor | undefined };

/** The inventory page's one statement, compiled by the bench to time the bare SQL. */
export function listQuery(organizationId: string, scope: string[] | null, f: AssetPageQuery) {
  return listStatement<keyof typeof assetList.sorts, AssetRow>(listRequest(organizationId, scope, f)).statement;
}

function listRequest(organizationId: string, scope: string[] | null, f: AssetPageQuery) {
  const sort = f.sort ?? assetList.defaultSort;
  return {
    spec: assetList,
    keys: SORTS,
    id: sql`a.id`,
    from: sql`assets a`,
    where: conditions(organizationId, scope, f),
    search: searchCondition(f),
    detail: (id: RawBuilder<unknown>) => sql`select ${SELECT} from ${FROM} where a.id = ${id}`,
    query: { ...f, sort },
  };
}

/** Every matching row, for the export (bounded by the organisation's inventory). */
export async function listAll(db: Db, organizationId: string, scope: string[] | null, f: AssetFilter) {
  const search = searchCondition(f);
  const where = sql.join([...conditions(organizationId, scope, f), ...(search ? [search] : [])], sql` and `);
  return (await sql<AssetRow>`select ${BASE}, 0 as link_count from ${FROM} where ${where} order by a.kind, lower(a.name), a.id`.execute(db))
    .rows;
}

export async function findById(db: Db | Trx, organizationId: string, id: string): Promise<AssetRow | undefined> {
  return (await sql<AssetRow>`select ${SELECT} from ${FROM} where a.organization_id = ${organizationId} and a.id = ${id}`.execute(db))
    .rows[0];
}

export async function findByExternalId(db: Db | Trx, organizationId: string, externalId: string) {
  return db
    .selectFrom('assets')
    .select(['id', 'kind'])
    .where('organization_id', '=', organizationId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
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
  essential_service?: string;
  personal_data?: string;
  lifecycle?: string;
  external_id?: string | null;
  tags?: string[];
  information_type_id?: string | null;
}

/** Facts of an information set and classification bookkeeping (migration 20261205T0300); not part of the import's columns. */
export interface AssetMethodValues {
  secrecy_chapter?: number | null;
  protected_identity?: boolean;
  criminal_offence_data?: boolean;
  security_protection?: boolean;
  classification_review_reasons?: string | null;
  decision_delegate_id?: string | null;
}

export async function insert(
  trx: Trx,
  values: AssetValues &
    AssetMethodValues & { organization_id: string; kind: string; name: string; unit_id: string; created_by: string | null },
) {
  return trx.insertInto('assets').values(values).returning('id').executeTakeFirstOrThrow();
}

export function update(trx: Trx, id: string, values: AssetValues & AssetMethodValues) {
  return trx
    .updateTable('assets')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function remove(trx: Trx, id: string) {
  return trx.deleteFrom('assets').where('id', '=', id).execute();
}

/** The other side of the processing links: sets of a system, or systems of a set. */
export async function linkedAssets(db: Db | Trx, id: string, side: 'sets' | 'processors') {
  const [mine, theirs] = side === 'sets' ? ['asset_id', 'information_set_id'] : ['information_set_id', 'asset_id'];
  return (
    await sql<{
      id: string;
      kind: string;
      name: string;
      unit_id: string;
      unit_path: string[];
      lifecycle: string;
      level_c: number | null;
      level_i: number | null;
      level_a: number | null;
      level_t: number | null;
    }>`
      select a.id, a.kind, a.name, a.unit_id, u.path as unit_path, a.lifecycle, a.level_c, a.level_i, a.level_a, a.level_t
      from asset_links l join assets a on a.id = ${sql.ref(`l.${theirs}`)} join units u on u.id = a.unit_id
      where ${sql.ref(`l.${mine}`)} = ${id}
      order by lower(a.name)`.execute(db)
  ).rows;
}

export function insertLink(trx: Trx, values: { organization_id: string; asset_id: string; information_set_id: string }) {
  return trx
    .insertInto('asset_links')
    .values(values)
    .onConflict((oc) => oc.columns(['asset_id', 'information_set_id']).doNothing())
    .executeTakeFirst();
}

export function deleteLink(trx: Trx, assetId: string, setId: string) {
  return trx.deleteFrom('asset_links').where('asset_id', '=', assetId).where('information_set_id', '=', setId).executeTakeFirst();
}

export async function integrationsOf(db: Db | Trx, id: string) {
  return (
    await sql<{
      id: string;
      from_asset_id: string;
      from_name: string;
      from_path: string[];
      to_asset_id: string;
      to_name: string;
      to_path: string[];
      description: string | null;
      created_at: Date;
      row_version: number;
    }>`
      select i.id, i.from_asset_id, f.name as from_name, fu.path as from_path, i.to_asset_id, t.name as to_name, tu.path as to_path, i.description, i.created_at, i.row_version
      from asset_integrations i join assets f on f.id = i.from_asset_id join assets t on t.id = i.to_asset_id
        join units fu on fu.id = f.unit_id join units tu on tu.id = t.unit_id
      where i.from_asset_id = ${id} or i.to_asset_id = ${id}
      order by i.created_at, i.id`.execute(db)
  ).rows;
}

export async function findIntegration(db: Db | Trx, organizationId: string, id: string) {
  return (
    await sql<{
      id: string;
      from_asset_id: string;
      from_name: string;
      to_asset_id: string;
      to_name: string;
      description: string | null;
      created_at: Date;
      row_version: number;
    }>`
      select i.id, i.from_asset_id, f.name as from_name, i.to_asset_id, t.name as to_name, i.description, i.created_at, i.row_version
      from asset_integrations i join assets f on f.id = i.from_asset_id join assets t on t.id = i.to_asset_id
      where i.organization_id = ${organizationId} and i.id = ${id}`.execute(db)
  ).rows[0];
}

export function insertIntegration(
  trx: Trx,
  values: { organization_id: string; from_asset_id: string; to_asset_id: string; description: string | null },
) {
  return trx.insertInto('asset_integrations').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateIntegration(trx: Trx, id: string, description: string | null) {
  return trx.updateTable('asset_integrations').set({ description, updated_at: new Date() }).where('id', '=', id).execute();
}

export function deleteIntegration(trx: Trx, id: string) {
  return trx.deleteFrom('asset_integrations').where('id', '=', id).execute();
}

/** Distinct suppliers, tags and countries in use, for the filter pickers. */
export async function facets(db: Db, organizationId: string, visible: string[] | null) {
  const scope = await effectiveScope(db, organizationId, visible);
  // One read of the narrow (organization_id, unit_id) INCLUDE (…) index, not three scans of the table.
  const r = await sql<{ suppliers: string[] | null; tags: string[] | null; countries: string[] | null }>`
    with v as materialized (
      select a.supplier, a.tags, a.third_countries from assets a
      where a.organization_id = ${organizationId} ${scope === null ? sql`` : sql`and ${inUnits(organizationId, scope, sql`a.unit_id`)}`})
    select
      (select array_agg(x order by x) from (select distinct supplier as x from v where supplier is not null order by 1 limit 1000) s) as suppliers,
      (select array_agg(x order by x) from (select distinct unnest(tags) as x from v order by 1 limit 1000) t) as tags,
      (select array_agg(x order by x) from (select distinct unnest(third_countries) as x from v order by 1 limit 1000) c) as countries`.execute(
    db,
  );
  const row = r.rows[0];
  return { suppliers: row?.suppliers ?? [], tags: row?.tags ?? [], thirdCountries: row?.countries ?? [] };
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

/** Row lock on an integration, so its version check and audit "before" are exact. */
export function lockIntegration(trx: Trx, id: string) {
  return trx.selectFrom('asset_integrations').select('id').where('id', '=', id).forUpdate().execute();
}

/** Everything the Excel export needs besides the rows: people's e-mail addresses, links and integrations. */
export async function exportExtras(db: Db, organizationId: string) {
  const [emails, allLinks, allIntegrations] = await Promise.all([
    db.selectFrom('users').select(['id', 'email']).where('organization_id', '=', organizationId).execute(),
    sql<{
      asset_id: string;
      information_set_id: string;
      processor: string;
      processor_ref: string;
      processor_path: string[];
      set_name: string;
      set_path: string[];
    }>`
      select l.asset_id, l.information_set_id, p.name as processor, coalesce(p.external_id, p.id::text) as processor_ref, pu.path as processor_path,
             s.name as set_name, su.path as set_path
      from asset_links l join assets p on p.id = l.asset_id join assets s on s.id = l.information_set_id
        join units pu on pu.id = p.unit_id join units su on su.id = s.unit_id
      where l.organization_id = ${organizationId}
      order by p.name, s.name`.execute(db),
    sql<{
      from_asset_id: string;
      to_asset_id: string;
      from_name: string;
      from_path: string[];
      to_name: string;
      to_path: string[];
      description: string | null;
    }>`
      select i.from_asset_id, i.to_asset_id, f.name as from_name, fu.path as from_path, t.name as to_name, tu.path as to_path, i.description
      from asset_integrations i join assets f on f.id = i.from_asset_id join assets t on t.id = i.to_asset_id
        join units fu on fu.id = f.unit_id join units tu on tu.id = t.unit_id
      where i.organization_id = ${organizationId}
      order by f.name, t.name`.execute(db),
  ]);
  return { emails, allLinks, allIntegrations };
}
