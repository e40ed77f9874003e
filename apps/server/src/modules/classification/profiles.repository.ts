import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';

/** A classified asset as the requirement modules need it: its effective levels and the facts that set law triggers. */
export interface ClassifiedProfileRow {
  id: string;
  kind: string;
  name: string;
  unit_id: string;
  unit_path: string[];
  level_c: number | null;
  level_i: number | null;
  level_a: number | null;
  level_t: number | null;
  personal_data: string;
  third_country_transfer: string;
  essential_service: string;
  /** The same facts of the (not retired) information sets a system or process handles. */
  set_personal_data: string[];
  set_third_country_transfer: string[];
  set_essential_service: string[];
  /** Ids of those information sets. */
  set_ids: string[];
}

/**
 * Classified (approved or inheriting levels), not retired assets of the organisation; `assetIds`
 * narrows the set. One statement for any number of assets, so generating every plan stays a few reads.
 */
export async function classifiedProfiles(
  db: Db | Trx,
  organizationId: string,
  assetIds?: readonly string[],
): Promise<ClassifiedProfileRow[]> {
  const only = assetIds ? sql`and a.id = any(${sql.val(assetIds)}::uuid[])` : sql``;
  const { rows } = await sql<ClassifiedProfileRow>`
    select a.id, a.kind, a.name, a.unit_id, u.path as unit_path, a.level_c, a.level_i, a.level_a, a.level_t,
           a.personal_data, a.third_country_transfer, a.essential_service,
           coalesce(s.personal_data, '{}') as set_personal_data, coalesce(s.third_country_transfer, '{}') as set_third_country_transfer,
           coalesce(s.essential_service, '{}') as set_essential_service, coalesce(s.ids, '{}') as set_ids
    from assets a
    join units u on u.id = a.unit_id
    left join lateral (
      select array_agg(i.personal_data) as personal_data, array_agg(i.third_country_transfer) as third_country_transfer,
             array_agg(i.essential_service) as essential_service, array_agg(i.id) as ids
      from asset_links l join assets i on i.id = l.information_set_id and i.lifecycle <> 'retired'
      where l.asset_id = a.id
    ) s on a.kind <> 'information_set'
    where a.organization_id = ${organizationId} and a.lifecycle <> 'retired'
      and (a.approved_at is not null or coalesce(a.level_c, a.level_i, a.level_a, a.level_t) is not null)
      ${only}
    order by a.id`.execute(db);
  return rows;
}
