import { sql, type RawBuilder } from 'kysely';
import type { Profile } from '@tillit/core';
import type { Db, Trx } from '../../db/database.js';

/**
 * The stored levels of assets. An information set's effective levels are its approved profile; a
 * system's or process's are, per aspect, the maximum of what it inherits from the sets it processes
 * (retired sets excluded) and its own approved profile (which may raise, never lower). Kept in
 * columns so the inventory is a plain read, and recomputed set-wise in one statement per change.
 */
export async function recomputeProcessors(trx: Trx | Db, assetIds: readonly string[]): Promise<void> {
  if (!assetIds.length) return;
  await recomputeWhere(trx, sql`select unnest(${sql.val(assetIds)}::uuid[])`);
}

/** One statement: the processors chosen by `ids` (a query of one uuid column) get their levels recomputed. */
async function recomputeWhere(trx: Trx | Db, ids: RawBuilder<unknown>): Promise<void> {
  await sql`
    update assets s set
      derived_c = d.c, derived_i = d.i, derived_a = d.a, derived_t = d.t,
      level_c = greatest(s.approved_c, d.c), level_i = greatest(s.approved_i, d.i),
      level_a = greatest(s.approved_a, d.a), level_t = greatest(s.approved_t, d.t),
      special_analysis = d.special or coalesce((select v.special_analysis from classification_versions v where v.id = s.current_version_id), false)
    from (
      select p.id, max(i.approved_c) as c, max(i.approved_i) as i, max(i.approved_a) as a, max(i.approved_t) as t,
             coalesce(bool_or(i.special_analysis), false) as special
      from (${ids}) as p(id)
      left join asset_links l on l.asset_id = p.id
      left join assets i on i.id = l.information_set_id and i.lifecycle <> 'retired'
      group by p.id
    ) d
    where s.id = d.id and s.kind <> 'information_set'
      -- Rows whose levels stay the same are not rewritten.
      and (s.derived_c, s.derived_i, s.derived_a, s.derived_t, s.level_c, s.level_i, s.level_a, s.level_t) is distinct from
          (d.c, d.i, d.a, d.t, greatest(s.approved_c, d.c), greatest(s.approved_i, d.i), greatest(s.approved_a, d.a), greatest(s.approved_t, d.t))`.execute(
    trx,
  );
}

/** After the approved profile or the lifecycle of these information sets changed: every system/process processing them. */
export async function recomputeForSets(trx: Trx | Db, setIds: readonly string[]): Promise<void> {
  if (!setIds.length) return;
  await recomputeWhere(trx, sql`select distinct asset_id from asset_links where information_set_id = any(${sql.val(setIds)}::uuid[])`);
}

/** Records a newly approved version as the asset's current classification and recomputes its levels. */
export async function applyApproved(
  trx: Trx,
  asset: { id: string; kind: string },
  version: { id: string; profile: Profile; specialAnalysis: boolean; approvedAt: Date; reviewDueAt: Date },
): Promise<void> {
  const p = version.profile;
  await trx
    .updateTable('assets')
    .set({
      approved_c: p.C,
      approved_i: p.I,
      approved_a: p.A,
      approved_t: p.T,
      current_version_id: version.id,
      approved_at: version.approvedAt,
      review_due_at: version.reviewDueAt,
      ...(asset.kind === 'information_set'
        ? { level_c: p.C, level_i: p.I, level_a: p.A, level_t: p.T, special_analysis: version.specialAnalysis }
        : {}),
    })
    .where('id', '=', asset.id)
    .execute();
  if (asset.kind === 'information_set') {
    await recomputeForSets(trx, [asset.id]);
  } else {
    await recomputeProcessors(trx, [asset.id]);
  }
}

/** The open (draft/submitted/returned) version pointer shown in the inventory. */
export function setOpenVersion(trx: Trx, assetId: string, open: { id: string; status: string } | null) {
  return trx
    .updateTable('assets')
    .set({ open_version_id: open?.id ?? null, work_status: open?.status ?? null })
    .where('id', '=', assetId)
    .execute();
}
