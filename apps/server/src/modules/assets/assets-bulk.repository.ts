import { sql } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { AssetValues } from './assets.repository.js';

/**
 * Set-based writes of many assets at once, for the inventory import (moved here unchanged from
 * asset-import/apply.ts: the assets module owns its tables, the import module plans the rows).
 */
const COLUMN_TYPES: Record<keyof AssetValues, string> = {
  kind: 'text',
  name: 'text',
  description: 'text',
  unit_id: 'uuid',
  information_owner_id: 'uuid',
  system_owner_id: 'uuid',
  system_steward_id: 'uuid',
  supplier: 'text',
  hosting: 'text',
  third_country_transfer: 'text',
  third_countries: 'text[]',
  essential_service: 'text',
  personal_data: 'text',
  lifecycle: 'text',
  external_id: 'text',
  tags: 'text[]',
  information_type_id: 'uuid',
};

export type NewAsset = Partial<AssetValues> & {
  id: string;
  organization_id: string;
  kind: string;
  name: string;
  unit_id: string;
  created_by: string | null;
};

export function insertMany(trx: Trx, rows: NewAsset[]) {
  return trx.insertInto('assets').values(rows).execute();
}

/** Updates only the given columns of each row (`values` keyed like the columns), in one statement. */
export async function updateColumns(
  trx: Trx,
  organizationId: string,
  columns: (keyof AssetValues)[],
  rows: ({ id: string | null } & Partial<AssetValues>)[],
) {
  const json = JSON.stringify(rows);
  await sql`
    update assets a set ${sql.join(columns.map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`))}, updated_at = now()
    from jsonb_to_recordset(${json}::jsonb) as v(id uuid, ${sql.join(columns.map((c) => sql`${sql.ref(c)} ${sql.raw(COLUMN_TYPES[c])}`))})
    where a.id = v.id and a.organization_id = ${organizationId}`.execute(trx);
}

/** The systems and processes processing any of these information sets. */
export async function processorsOfSets(trx: Trx, setIds: string[]): Promise<string[]> {
  const r = await sql<{
    asset_id: string;
  }>`select distinct asset_id from asset_links where information_set_id = any(${sql.val(setIds)}::uuid[])`.execute(trx);
  return r.rows.map((row) => row.asset_id);
}

export function deleteLinksOfSets(trx: Trx, setIds: string[]) {
  return sql`delete from asset_links where information_set_id = any(${sql.val(setIds)}::uuid[])`.execute(trx);
}

export function insertLinks(trx: Trx, links: { organization_id: string; asset_id: string; information_set_id: string }[]) {
  return trx
    .insertInto('asset_links')
    .values(links)
    .onConflict((oc) => oc.columns(['asset_id', 'information_set_id']).doNothing())
    .execute();
}

/** Removes assets (an undone import's): their links, integrations and stored levels go with them (ON DELETE CASCADE). */
export async function deleteMany(trx: Trx, organizationId: string, ids: string[]) {
  if (!ids.length) return;
  await sql`delete from assets where organization_id = ${organizationId} and id = any(${sql.val(ids)}::uuid[])`.execute(trx);
}
