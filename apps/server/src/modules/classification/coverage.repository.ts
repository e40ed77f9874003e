import { sql } from 'kysely';
import { DUE_SOON_DAYS } from '@tillit/core';
import type { Db } from '../../db/database.js';
import { scopeCondition } from '../../platform/scope.js';

export interface CoverageRow {
  group_id: string | null;
  systems_in_use: number;
  systems_valid: number;
  systems_missing: number;
  sets_total: number;
  sets_classified: number;
  awaiting_approval: number;
  drafts: number;
  due_within_30_days: number;
  overdue: number;
  special_analysis: number;
}

/**
 * Coverage counts for the assets under `scopeUnitId`, grouped by the scope's direct sub-unit that
 * holds them (null group = assets on the scope unit itself). Only units in `visible` are counted.
 */
export function coverageQuery(organizationId: string, scopeUnitId: string, visible: string[] | null) {
  const inUse = sql`a.lifecycle in ('in_use', 'phasing_out')`;
  const live = sql`a.lifecycle <> 'retired'`;
  const valid = sql`a.approved_at is not null and a.review_due_at >= now()`;
  // Counted per unit from the narrow covering index (an index-only read), then summed per group over
  // the few units: no join per asset.
  return sql<CoverageRow>`
    with per_unit as (
      select a.unit_id,
        count(*) filter (where a.kind = 'system' and ${inUse})::int as systems_in_use,
        count(*) filter (where a.kind = 'system' and ${inUse} and ${valid})::int as systems_valid,
        count(*) filter (where a.kind = 'system' and ${inUse} and a.approved_at is null)::int as systems_missing,
        count(*) filter (where a.kind = 'information_set' and ${live})::int as sets_total,
        count(*) filter (where a.kind = 'information_set' and ${live} and ${valid})::int as sets_classified,
        count(*) filter (where a.work_status = 'submitted')::int as awaiting_approval,
        count(*) filter (where a.work_status in ('draft', 'returned'))::int as drafts,
        count(*) filter (where ${live} and a.review_due_at >= now() and a.review_due_at <= now() + make_interval(days => ${DUE_SOON_DAYS}))::int as due_within_30_days,
        count(*) filter (where ${live} and a.review_due_at < now())::int as overdue,
        count(*) filter (where ${live} and a.special_analysis)::int as special_analysis
      from assets a where a.organization_id = ${organizationId}
      group by a.unit_id)
    select u.path[array_position(u.path, ${scopeUnitId}::uuid) + 1] as group_id,
      sum(p.systems_in_use)::int as systems_in_use, sum(p.systems_valid)::int as systems_valid, sum(p.systems_missing)::int as systems_missing,
      sum(p.sets_total)::int as sets_total, sum(p.sets_classified)::int as sets_classified, sum(p.awaiting_approval)::int as awaiting_approval,
      sum(p.drafts)::int as drafts, sum(p.due_within_30_days)::int as due_within_30_days, sum(p.overdue)::int as overdue,
      sum(p.special_analysis)::int as special_analysis
    from per_unit p join units u on u.id = p.unit_id
    where u.path @> array[${scopeUnitId}]::uuid[] and ${scopeCondition(visible)}
    group by 1`;
}

export async function coverage(db: Db, organizationId: string, scopeUnitId: string, visible: string[] | null): Promise<CoverageRow[]> {
  return (await coverageQuery(organizationId, scopeUnitId, visible).execute(db)).rows;
}
