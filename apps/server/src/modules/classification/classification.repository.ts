import { sql, type RawBuilder } from 'kysely';
import { classificationList, type ListCursor } from '@tillit/core';
import { containsPattern, effectiveScope, inUnits, listPage } from '../../platform/list/list.js';
import type { Db, Trx } from '../../db/database.js';

export interface VersionRow {
  id: string;
  row_version: number;
  organization_id: string;
  asset_id: string;
  asset_name: string;
  asset_kind: string;
  unit_id: string;
  unit_name: string;
  unit_path: string[];
  version_no: number;
  model_id: string;
  model_version: number;
  status: string;
  answers: Record<string, Record<string, number | 'not_relevant' | null> | null>;
  justifications: Record<string, string | null>;
  raises: Record<string, { level: number; reason: string } | null>;
  type_deviation_reason: string | null;
  notes: string | null;
  personal_data: string;
  third_country_transfer: string;
  information_type_id: string | null;
  information_type_name: string | null;
  secrecy_chapter: number | null;
  protected_identity: boolean;
  criminal_offence_data: boolean;
  security_protection: boolean;
  checked_by: string | null;
  checked_by_name: string | null;
  checked_at: Date | null;
  check_comment: string | null;
  /** The asset's decider now: its named information owner and her recorded delegate. */
  information_owner_id: string | null;
  information_owner_name: string | null;
  decision_delegate_id: string | null;
  decision_delegate_name: string | null;
  type_recommended: Record<string, number | null> | null;
  inherited: unknown;
  derivation: unknown;
  level_c: number | null;
  level_i: number | null;
  level_a: number | null;
  level_t: number | null;
  special_analysis: boolean;
  author_id: string | null;
  author_name: string | null;
  contributor_ids: string[];
  submitted_by: string | null;
  submitted_by_name: string | null;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  approved_at: Date | null;
  review_due_at: Date | null;
  superseded_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = sql`
  v.*, a.name as asset_name, a.kind as asset_kind, a.unit_id, u.name as unit_name, u.path as unit_path, m.version as model_version,
  au.name as author_name, su.name as submitted_by_name, du.name as decided_by_name, cu.name as checked_by_name,
  a.information_owner_id, ou.name as information_owner_name, a.decision_delegate_id, ddu.name as decision_delegate_name`;
const FROM = sql`
  classification_versions v
  join assets a on a.id = v.asset_id
  join units u on u.id = a.unit_id
  join classification_models m on m.id = v.model_id
  left join users au on au.id = v.author_id
  left join users su on su.id = v.submitted_by
  left join users du on du.id = v.decided_by
  left join users cu on cu.id = v.checked_by
  left join users ou on ou.id = a.information_owner_id
  left join users ddu on ddu.id = a.decision_delegate_id`;

export async function findById(db: Db | Trx, organizationId: string, id: string, forUpdate = false): Promise<VersionRow | undefined> {
  return (
    await sql<VersionRow>`select ${SELECT} from ${FROM} where v.organization_id = ${organizationId} and v.id = ${id} ${forUpdate ? sql`for update of v` : sql``}`.execute(
      db,
    )
  ).rows[0];
}

export async function listForAsset(db: Db, assetId: string): Promise<VersionRow[]> {
  return (await sql<VersionRow>`select ${SELECT} from ${FROM} where v.asset_id = ${assetId} order by v.version_no desc`.execute(db)).rows;
}

export interface VersionFilter {
  status?: string;
  unitId?: string;
  assetKind?: string;
  q?: string;
  /** Only submitted versions of assets the user owns (or decides as delegate), not prepared by her alone, on units where she may decide. */
  decider?: { userId: string; scope: string[] | null };
  ownerMissing?: boolean;
  levelReview?: boolean;
  reviewReasons?: boolean;
  sort: string;
  page: number;
  pageSize: number;
  cursor?: ListCursor | undefined;
}

/** A worklist row: the version's own columns the list shows, its asset, unit and author. */
export interface VersionListRow {
  id: string;
  asset_id: string;
  asset_name: string;
  asset_kind: string;
  unit_id: string;
  unit_name: string;
  version_no: number;
  model_id: string;
  status: string;
  level_c: number | null;
  level_i: number | null;
  level_a: number | null;
  level_t: number | null;
  special_analysis: boolean;
  author_id: string | null;
  author_name: string | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  review_due_at: Date | null;
  superseded_at: Date | null;
  updated_at: Date;
}

/**
 * The worklist, latest change first: a walk of (organization_id, updated_at, id) with the asset joined
 * for its unit and kind only; names, unit and author are joined for the page's rows only.
 */
export async function list(db: Db, organizationId: string, visible: string[] | null, f: VersionFilter) {
  const scope = await effectiveScope(db, organizationId, visible);
  const deciderScope = f.decider ? await effectiveScope(db, organizationId, f.decider.scope) : null;
  const c: RawBuilder<unknown>[] = [sql`v.organization_id = ${organizationId}`];
  if (scope !== null) c.push(inUnits(organizationId, scope, sql`a.unit_id`));
  if (f.status) c.push(sql`v.status = ${f.status}`);
  if (f.unitId)
    c.push(
      sql`a.unit_id = any(array(select su.id from units su where su.organization_id = ${organizationId} and su.path @> array[${f.unitId}]::uuid[]))`,
    );
  if (f.assetKind) c.push(sql`a.kind = ${f.assetKind}`);
  if (f.decider) {
    const me = sql`${f.decider.userId}::uuid`;
    c.push(
      sql`v.status = 'submitted'`,
      sql`${me} in (a.information_owner_id, a.decision_delegate_id)`,
      sql`not (cardinality(v.contributor_ids) > 0 and v.contributor_ids <@ array[${me}])`,
    );
    if (deciderScope !== null) c.push(inUnits(organizationId, deciderScope, sql`a.unit_id`));
  }
  if (f.ownerMissing) c.push(sql`v.status <> 'approved'`, sql`a.information_owner_id is null`);
  // Decided at the säkerhetsskydd level before it was reserved: listed for review, never rewritten.
  if (f.levelReview)
    c.push(sql`v.status = 'approved'`, sql`v.superseded_at is null`, sql`v.special_analysis`, sql`not a.security_protection`);
  // Facts changed after the decision (or a new integration): the decided version, to be reviewed.
  if (f.reviewReasons) c.push(sql`v.status = 'approved'`, sql`v.superseded_at is null`, sql`a.classification_review_reasons is not null`);
  return listPage<'updatedAt', VersionListRow>(db, {
    spec: classificationList,
    keys: { updatedAt: { expr: sql`v.updated_at` } },
    id: sql`v.id`,
    // The asset is joined only when a condition needs it; otherwise page and count are reads of one index.
    from:
      scope !== null || f.decider || f.ownerMissing || f.levelReview || f.reviewReasons || f.unitId || f.assetKind || f.q
        ? sql`classification_versions v join assets a on a.id = v.asset_id`
        : sql`classification_versions v`,
    where: c,
    search: f.q ? sql`a.name ilike ${containsPattern(f.q)}` : undefined,
    detail: (id) => sql`
      select d.id, d.asset_id, da.name as asset_name, da.kind as asset_kind, da.unit_id, du.name as unit_name, d.version_no, d.model_id,
        d.status, d.level_c, d.level_i, d.level_a, d.level_t, d.special_analysis, d.author_id, au.name as author_name,
        d.submitted_at, d.decided_at, d.review_due_at, d.superseded_at, d.updated_at
      from classification_versions d join assets da on da.id = d.asset_id join units du on du.id = da.unit_id
      left join users au on au.id = d.author_id
      where d.id = ${id}`,
    query: f,
  });
}

export async function nextVersionNo(trx: Trx, assetId: string): Promise<number> {
  const r = await trx
    .selectFrom('classification_versions')
    .select(sql<number>`coalesce(max(version_no), 0) + 1`.as('n'))
    .where('asset_id', '=', assetId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function openVersionOf(db: Db | Trx, assetId: string) {
  return db
    .selectFrom('classification_versions')
    .select(['id', 'status'])
    .where('asset_id', '=', assetId)
    .where('status', '!=', 'approved')
    .executeTakeFirst();
}

export function lastApproved(db: Db | Trx, assetId: string) {
  return db
    .selectFrom('classification_versions')
    .selectAll()
    .where('asset_id', '=', assetId)
    .where('status', '=', 'approved')
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface VersionValues {
  status?: string;
  answers?: string;
  justifications?: string;
  raises?: string;
  type_deviation_reason?: string | null;
  notes?: string | null;
  personal_data?: string;
  third_country_transfer?: string;
  information_type_id?: string | null;
  information_type_name?: string | null;
  secrecy_chapter?: number | null;
  protected_identity?: boolean;
  criminal_offence_data?: boolean;
  security_protection?: boolean;
  checked_by?: string | null;
  checked_at?: Date | null;
  check_comment?: string | null;
  type_recommended?: string | null;
  inherited?: string | null;
  derivation?: string | null;
  level_c?: number | null;
  level_i?: number | null;
  level_a?: number | null;
  level_t?: number | null;
  special_analysis?: boolean;
  contributor_ids?: string[];
  submitted_by?: string | null;
  submitted_at?: Date | null;
  decided_by?: string | null;
  decided_at?: Date | null;
  decision_comment?: string | null;
  approved_at?: Date | null;
  review_due_at?: Date | null;
}

export function insert(
  trx: Trx,
  values: VersionValues & {
    organization_id: string;
    asset_id: string;
    version_no: number;
    model_id: string;
    status: string;
    author_id: string | null;
  },
) {
  return trx.insertInto('classification_versions').values(values).returning('id').executeTakeFirstOrThrow();
}

export function update(trx: Trx, id: string, values: VersionValues) {
  return trx
    .updateTable('classification_versions')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function remove(trx: Trx, id: string) {
  return trx.deleteFrom('classification_versions').where('id', '=', id).execute();
}

/** Earlier approved versions stay, marked as replaced by the new one. */
export function supersedeOthers(trx: Trx, assetId: string, keepId: string, at: Date) {
  return trx
    .updateTable('classification_versions')
    .set({ superseded_at: at })
    .where('asset_id', '=', assetId)
    .where('status', '=', 'approved')
    .where('id', '!=', keepId)
    .where('superseded_at', 'is', null)
    .execute();
}

/** The information sets a system/process processes now, with their approved profiles (retired sets excluded). */
export async function processedSets(db: Db | Trx, assetId: string) {
  return (
    await sql<{
      id: string;
      name: string;
      approved_c: number | null;
      approved_i: number | null;
      approved_a: number | null;
      approved_t: number | null;
    }>`
      select s.id, s.name, s.approved_c, s.approved_i, s.approved_a, s.approved_t
      from asset_links l join assets s on s.id = l.information_set_id
      where l.asset_id = ${assetId} and s.lifecycle <> 'retired'
      order by lower(s.name)`.execute(db)
  ).rows;
}

export async function userInOrganization(db: Db | Trx, organizationId: string, id: string) {
  return Boolean(
    await db.selectFrom('users').select('id').where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst(),
  );
}

export function userNames(db: Db | Trx, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
}
