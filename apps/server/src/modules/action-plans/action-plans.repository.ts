import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import type {} from './action-plans.tables.js';

export interface PlanRow {
  id: string;
  row_version: number;
  organization_id: string;
  asset_id: string;
  asset_name: string;
  asset_kind: string;
  unit_id: string;
  unit_name: string;
  unit_path: string[];
  catalogue_version_id: string;
  level_c: number | null;
  level_i: number | null;
  level_a: number | null;
  level_t: number | null;
  triggers: string[];
  security_analysis_aspects: string[];
  previous_plan_id: string | null;
  superseded_at: Date | null;
  created_at: Date;
}

export interface RequirementRow {
  id: string;
  row_version: number;
  plan_id: string;
  requirement_key: string;
  theme: string;
  position: number;
  change: string | null;
  previous_id: string | null;
  status: string | null;
  how: string | null;
  comment: string | null;
  na_reason: string | null;
  assessed_by: string | null;
  assessed_by_name: string | null;
  assessed_at: Date | null;
}

const PLAN = sql`
  p.id, p.row_version, p.organization_id, p.asset_id, a.name as asset_name, a.kind as asset_kind, a.unit_id, u.name as unit_name, u.path as unit_path,
  p.catalogue_version_id, p.level_c, p.level_i, p.level_a, p.level_t, p.triggers, p.security_analysis_aspects, p.previous_plan_id, p.superseded_at, p.created_at`;
const PLAN_FROM = sql`action_plans p join assets a on a.id = p.asset_id join units u on u.id = a.unit_id`;

export async function findPlan(db: Db | Trx, organizationId: string, id: string): Promise<PlanRow | undefined> {
  return (await sql<PlanRow>`select ${PLAN} from ${PLAN_FROM} where p.organization_id = ${organizationId} and p.id = ${id}`.execute(db))
    .rows[0];
}

export async function currentPlanOfAsset(db: Db | Trx, organizationId: string, assetId: string): Promise<PlanRow | undefined> {
  return (
    await sql<PlanRow>`select ${PLAN} from ${PLAN_FROM} where p.organization_id = ${organizationId} and p.asset_id = ${assetId} and p.superseded_at is null`.execute(
      db,
    )
  ).rows[0];
}

/** The plans of an asset, newest first (the history of the current one). */
export async function plansOfAsset(db: Db | Trx, organizationId: string, assetId: string): Promise<PlanRow[]> {
  return (
    await sql<PlanRow>`select ${PLAN} from ${PLAN_FROM} where p.organization_id = ${organizationId} and p.asset_id = ${assetId} order by p.created_at desc, p.id`.execute(
      db,
    )
  ).rows;
}

/** Current plans, optionally of some assets or inside some unit sub-trees (null = all). */
export async function currentPlans(
  db: Db | Trx,
  organizationId: string,
  opts: { assetIds?: readonly string[]; scope?: readonly string[] | null; limit?: number } = {},
): Promise<PlanRow[]> {
  const assets = opts.assetIds ? sql`and p.asset_id = any(${sql.val(opts.assetIds)}::uuid[])` : sql``;
  const scope = opts.scope ? sql`and u.path && ${sql.val(opts.scope)}::uuid[]` : sql``;
  const limit = opts.limit ? sql`limit ${opts.limit}` : sql``;
  return (
    await sql<PlanRow>`select ${PLAN} from ${PLAN_FROM}
    where p.organization_id = ${organizationId} and p.superseded_at is null ${assets} ${scope}
    order by a.name, p.id ${limit}`.execute(db)
  ).rows;
}

export async function requirementsOf(db: Db | Trx, planIds: readonly string[]): Promise<RequirementRow[]> {
  if (!planIds.length) return [];
  return (
    await sql<RequirementRow>`
    select r.id, r.row_version, r.plan_id, r.requirement_key, r.theme, r.position, r.change, r.previous_id, r.status, r.how, r.comment,
           r.na_reason, r.assessed_by, us.name as assessed_by_name, r.assessed_at
    from plan_requirements r left join users us on us.id = r.assessed_by
    where r.plan_id = any(${sql.val(planIds)}::uuid[]) order by r.plan_id, r.position`.execute(db)
  ).rows;
}

/** Rows by id (the previous answers a changed requirement shows). */
export async function requirementsById(db: Db | Trx, ids: readonly string[]): Promise<RequirementRow[]> {
  if (!ids.length) return [];
  return (
    await sql<RequirementRow>`
    select r.id, r.row_version, r.plan_id, r.requirement_key, r.theme, r.position, r.change, r.previous_id, r.status, r.how, r.comment,
           r.na_reason, r.assessed_by, us.name as assessed_by_name, r.assessed_at
    from plan_requirements r left join users us on us.id = r.assessed_by where r.id = any(${sql.val(ids)}::uuid[])`.execute(db)
  ).rows;
}

export interface RequirementInPlan extends RequirementRow {
  organization_id: string;
  asset_id: string;
  asset_name: string;
  unit_id: string;
  unit_path: string[];
  catalogue_version_id: string;
  superseded_at: Date | null;
}

export async function findRequirement(
  db: Db | Trx,
  organizationId: string,
  id: string,
  forUpdate = false,
): Promise<RequirementInPlan | undefined> {
  const lock = forUpdate ? sql`for update of r` : sql``;
  return (
    await sql<RequirementInPlan>`
    select r.id, r.row_version, r.plan_id, r.requirement_key, r.theme, r.position, r.change, r.previous_id, r.status, r.how, r.comment,
           r.na_reason, r.assessed_by, us.name as assessed_by_name, r.assessed_at,
           r.organization_id, p.asset_id, a.name as asset_name, a.unit_id, u.path as unit_path, p.catalogue_version_id, p.superseded_at
    from plan_requirements r join action_plans p on p.id = r.plan_id join assets a on a.id = p.asset_id join units u on u.id = a.unit_id
    left join users us on us.id = r.assessed_by
    where r.organization_id = ${organizationId} and r.id = ${id} ${lock}`.execute(db)
  ).rows[0];
}

export async function updateAnswer(
  trx: Trx,
  id: string,
  values: {
    status: string | null;
    how: string | null;
    comment: string | null;
    na_reason: string | null;
    assessed_by: string | null;
    assessed_at: Date;
  },
): Promise<void> {
  await trx
    .updateTable('plan_requirements')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export interface NewPlan {
  id: string;
  organization_id: string;
  asset_id: string;
  catalogue_version_id: string;
  level_c: number | null;
  level_i: number | null;
  level_a: number | null;
  level_t: number | null;
  triggers: string[];
  security_analysis_aspects: string[];
  previous_plan_id: string | null;
  generated_by: string | null;
}

export interface NewRequirement {
  plan_id: string;
  requirement_key: string;
  theme: string;
  position: number;
  change: string | null;
  previous_id: string | null;
  /** Carried answer (unchanged requirement): copied from this row of the previous plan. */
  carry_from: string | null;
}

/** Marks plans as replaced. */
export async function supersede(trx: Trx, planIds: readonly string[], at: Date): Promise<void> {
  if (!planIds.length) return;
  await trx.updateTable('action_plans').set({ superseded_at: at }).where('id', 'in', planIds).execute();
}

export async function insertPlans(trx: Trx, plans: readonly NewPlan[]): Promise<void> {
  for (let i = 0; i < plans.length; i += 2000)
    await trx
      .insertInto('action_plans')
      .values(plans.slice(i, i + 2000))
      .execute();
}

/**
 * Inserts requirement rows set-wise (unnest of arrays, 10 000 per statement); carried rows copy the
 * answer of their source row in the same statement, then their evidence is copied too.
 */
export async function insertRequirements(trx: Trx, organizationId: string, rows: readonly NewRequirement[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = rows.slice(i, i + 10_000);
    const col = <K extends keyof NewRequirement>(k: K) => part.map((r) => r[k]);
    await sql`
      with input as (
        select * from unnest(${sql.val(col('plan_id'))}::uuid[], ${sql.val(col('requirement_key'))}::text[], ${sql.val(col('theme'))}::text[],
                             ${sql.val(col('position'))}::int[], ${sql.val(col('change'))}::text[], ${sql.val(col('previous_id'))}::uuid[], ${sql.val(col('carry_from'))}::uuid[])
          as t(plan_id, requirement_key, theme, position, change, previous_id, carry_from)
      ), inserted as (
        insert into plan_requirements (organization_id, plan_id, requirement_key, theme, position, change, previous_id, status, how, comment, na_reason, assessed_by, assessed_at)
        select ${organizationId}, t.plan_id, t.requirement_key, t.theme, t.position, t.change, t.previous_id,
               c.status, c.how, c.comment, c.na_reason, c.assessed_by, c.assessed_at
        from input t left join plan_requirements c on c.id = t.carry_from
        returning id, plan_id, requirement_key
      )
      insert into plan_evidence (organization_id, plan_requirement_id, kind, title, url, file_name, media_type, size_bytes, content, created_by, created_at)
      select e.organization_id, n.id, e.kind, e.title, e.url, e.file_name, e.media_type, e.size_bytes, e.content, e.created_by, e.created_at
      from inserted n join input t on t.plan_id = n.plan_id and t.requirement_key = n.requirement_key
      join plan_evidence e on e.plan_requirement_id = t.carry_from`.execute(trx);
  }
}

export interface EvidenceRow {
  id: string;
  plan_requirement_id: string;
  kind: string;
  title: string;
  url: string | null;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

export async function evidenceOf(db: Db | Trx, requirementIds: readonly string[]): Promise<EvidenceRow[]> {
  if (!requirementIds.length) return [];
  return (
    await sql<EvidenceRow>`
    select e.id, e.plan_requirement_id, e.kind, e.title, e.url, e.file_name, e.media_type, e.size_bytes, e.created_by, us.name as created_by_name, e.created_at
    from plan_evidence e left join users us on us.id = e.created_by
    where e.plan_requirement_id = any(${sql.val(requirementIds)}::uuid[]) order by e.created_at, e.id`.execute(db)
  ).rows;
}

export async function insertEvidence(
  trx: Trx,
  values: {
    organization_id: string;
    plan_requirement_id: string;
    kind: string;
    title: string;
    url?: string | null;
    file_name?: string | null;
    media_type?: string | null;
    size_bytes?: number | null;
    content?: Buffer | null;
    created_by: string | null;
  },
): Promise<string> {
  return (await trx.insertInto('plan_evidence').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findEvidence(db: Db | Trx, organizationId: string, id: string) {
  return db.selectFrom('plan_evidence').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function deleteEvidence(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('plan_evidence').where('id', '=', id).execute();
}

/** The current plans' statuses of some requirement keys on some assets (what a system's information sets already cover). */
export async function statusesOnAssets(
  db: Db | Trx,
  assetIds: readonly string[],
): Promise<{ asset_id: string; asset_name: string; unit_path: string[]; requirement_key: string; status: string | null }[]> {
  if (!assetIds.length) return [];
  return (
    await sql<{ asset_id: string; asset_name: string; unit_path: string[]; requirement_key: string; status: string | null }>`
    select p.asset_id, a.name as asset_name, u.path as unit_path, r.requirement_key, r.status
    from action_plans p join assets a on a.id = p.asset_id join units u on u.id = a.unit_id join plan_requirements r on r.plan_id = p.id
    where p.asset_id = any(${sql.val(assetIds)}::uuid[]) and p.superseded_at is null`.execute(db)
  ).rows;
}

export interface Counts {
  total: number;
  met: number;
  partlyMet: number;
  notMet: number;
  notApplicable: number;
}
const COUNTS = sql`count(*)::int as total, count(*) filter (where r.status = 'met')::int as "met", count(*) filter (where r.status = 'partly_met')::int as "partlyMet",
  count(*) filter (where r.status = 'not_met')::int as "notMet", count(*) filter (where r.status = 'not_applicable')::int as "notApplicable"`;

/** Counts per current plan (progress of a list of plans). */
export async function countsPerPlan(db: Db | Trx, planIds: readonly string[]): Promise<(Counts & { plan_id: string })[]> {
  if (!planIds.length) return [];
  return (
    await sql<
      Counts & { plan_id: string }
    >`select r.plan_id, ${COUNTS} from plan_requirements r where r.plan_id = any(${sql.val(planIds)}::uuid[]) group by r.plan_id`.execute(
      db,
    )
  ).rows;
}

/** Counts per unit of the assets' current plans, inside the scope (null = whole organisation). */
export async function countsPerUnit(
  db: Db | Trx,
  organizationId: string,
  scope: readonly string[] | null,
): Promise<(Counts & { unit_id: string; unit_name: string; plans: number })[]> {
  const where = scope ? sql`and u.path && ${sql.val(scope)}::uuid[]` : sql``;
  return (
    await sql<Counts & { unit_id: string; unit_name: string; plans: number }>`
    select a.unit_id, u.name as unit_name, count(distinct p.id)::int as plans, ${COUNTS}
    from action_plans p join assets a on a.id = p.asset_id join units u on u.id = a.unit_id join plan_requirements r on r.plan_id = p.id
    where p.organization_id = ${organizationId} and p.superseded_at is null ${where}
    group by a.unit_id, u.name order by u.name`.execute(db)
  ).rows;
}

/** Requirement keys most often not met (or partly met) across current plans in scope. */
export async function mostUnmet(db: Db | Trx, organizationId: string, scope: readonly string[] | null, limit: number) {
  const where = scope ? sql`and u.path && ${sql.val(scope)}::uuid[]` : sql``;
  return (
    await sql<{ requirement_key: string; not_met: number; partly_met: number; plans: number }>`
    select r.requirement_key, count(*) filter (where r.status = 'not_met')::int as not_met, count(*) filter (where r.status = 'partly_met')::int as partly_met, count(*)::int as plans
    from action_plans p join assets a on a.id = p.asset_id join units u on u.id = a.unit_id join plan_requirements r on r.plan_id = p.id
    where p.organization_id = ${organizationId} and p.superseded_at is null ${where}
    group by r.requirement_key having count(*) filter (where r.status in ('not_met', 'partly_met')) > 0
    order by 2 desc, 3 desc, 1 limit ${limit}`.execute(db)
  ).rows;
}

/** Stale answers of current plans (assessed at or before `before`), per plan, with the people responsible for its asset (for the digest). */
export async function staleAnswers(db: Db | Trx, before: Date) {
  return (
    await sql<{ organization_id: string; plan_id: string; asset_name: string; stale: number; recipients: string[] }>`
    select p.organization_id, p.id as plan_id, a.name as asset_name, count(*)::int as stale,
           array_remove(array[a.information_owner_id, a.system_owner_id, a.system_steward_id], null)::text[] as recipients
    from plan_requirements r join action_plans p on p.id = r.plan_id join assets a on a.id = p.asset_id
    where p.superseded_at is null and r.assessed_at <= ${before}
    group by p.organization_id, p.id, a.name, a.information_owner_id, a.system_owner_id, a.system_steward_id`.execute(db)
  ).rows;
}
