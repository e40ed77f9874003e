import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import type { ParsedSheet } from './parse.js';

const VIEW_COLUMNS = ['id', 'organization_id', 'created_by', 'file_name', 'sheet_names', 'sheet', 'headers', 'row_count', 'mapping', 'status', 'report', 'progress_done', 'progress_total', 'error_code', 'created_at', 'finished_at', 'suggested_mappings'] as const;

export type ImportRow = Awaited<ReturnType<typeof findById>> & object;

export function findById(db: Db | Trx, organizationId: string, id: string) {
  return db.selectFrom('asset_imports').select(VIEW_COLUMNS).where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export async function sheetsOf(db: Db | Trx, id: string): Promise<ParsedSheet[] | null> {
  const r = await db.selectFrom('asset_imports').select('sheet_data').where('id', '=', id).executeTakeFirst();
  return (r?.sheet_data as ParsedSheet[] | null) ?? null;
}

export function insert(db: Db | Trx, values: { organization_id: string; created_by: string | null; file_name: string; sheets: ParsedSheet[]; suggested_mappings?: Record<string, unknown> }) {
  const first = values.sheets[0]!;
  return db
    .insertInto('asset_imports')
    .values({
      organization_id: values.organization_id,
      created_by: values.created_by,
      file_name: values.file_name,
      sheet_data: JSON.stringify(values.sheets),
      sheet_names: values.sheets.map((s) => s.name),
      sheet: first.name,
      headers: first.headers,
      row_count: first.rows.length,
      suggested_mappings: values.suggested_mappings ? JSON.stringify(values.suggested_mappings) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function update(
  db: Db | Trx,
  id: string,
  values: Partial<{ sheet: string; headers: string[]; row_count: number; mapping: string; status: string; report: string; progress_done: number; progress_total: number; error_code: string | null; finished_at: Date | null; sheet_data: string | null }>,
) {
  return db.updateTable('asset_imports').set(values).where('id', '=', id).execute();
}

/** How long an apply's lease lasts without a heartbeat; the heartbeat renews it every third of that. */
export const LEASE_SECONDS = 90;

/** The running apply is alive: its lease is renewed (through its own connection, outside the apply's transaction). */
export function renewLease(db: Db, id: string) {
  return db
    .updateTable('asset_imports')
    .set({ lease_until: sql<Date>`now() + ${sql.lit(`${LEASE_SECONDS} seconds`)}::interval` })
    .where('id', '=', id)
    .where('status', '=', 'applying')
    .execute();
}

/** `applying` imports whose lease ran out (the process or the database died during apply) become `failed`. */
export async function failOrphaned(db: Db): Promise<{ id: string; organization_id: string; file_name: string }[]> {
  return db
    .updateTable('asset_imports')
    .set({ status: 'failed', error_code: 'import_interrupted', finished_at: new Date(), lease_until: null })
    .where('status', '=', 'applying')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .returning(['id', 'organization_id', 'file_name'])
    .execute();
}

/** Moves the import to `applying` unless another request got there first. */
export async function claimForApply(db: Db, id: string, total: number): Promise<boolean> {
  const r = await db
    .updateTable('asset_imports')
    .set({ status: 'applying', progress_done: 0, progress_total: total, error_code: null, finished_at: null, lease_until: sql<Date>`now() + ${sql.lit(`${LEASE_SECONDS} seconds`)}::interval` })
    .where('id', '=', id)
    .where('status', 'in', ['uploaded', 'checked', 'failed'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Everything the check looks up, loaded once: units, people, information types and every asset of the organisation. */
export async function lookups(db: Db | Trx, organizationId: string) {
  const [units, users, types, assets] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'path']).where('organization_id', '=', organizationId).where('closed_at', 'is', null).execute(),
    db.selectFrom('users').select(['id', 'email', 'name']).where('organization_id', '=', organizationId).where('status', '!=', 'disabled').execute(),
    db.selectFrom('information_types').select(['id', 'key', 'name']).where('organization_id', '=', organizationId).execute(),
    sql<{ id: string; kind: string; name: string; external_id: string | null; unit_id: string; path: string[]; unit_name: string }>`
      select a.id, a.kind, a.name, a.external_id, a.unit_id, u.path, u.name as unit_name from assets a join units u on u.id = a.unit_id
      where a.organization_id = ${organizationId}`.execute(db),
  ]);
  return {
    units,
    users,
    types,
    assets: assets.rows.map((a) => ({ id: a.id, kind: a.kind, name: a.name, externalId: a.external_id, unitId: a.unit_id, unitPath: a.path, unitName: a.unit_name })),
  };
}

/** The current processing links (set → its systems and processes) of some information sets. */
export async function processorsOf(db: Db | Trx, setIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!setIds.length) return out;
  const rows = await db.selectFrom('asset_links').select(['asset_id', 'information_set_id']).where('information_set_id', 'in', setIds).execute();
  for (const r of rows) out.set(r.information_set_id, (out.get(r.information_set_id) ?? new Set()).add(r.asset_id));
  return out;
}

/** The current values of assets an import is about to update (for the before/after of their audit events). */
export async function assetsBefore(trx: Db | Trx, organizationId: string, ids: string[]) {
  if (!ids.length) return [];
  return trx.selectFrom('assets').selectAll().where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
}
