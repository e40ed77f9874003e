import { sql } from 'kysely';
import './asset-import.tables.js';
import type { Db, Trx } from '../../db/database.js';
import type { ParsedSheet } from './parse.js';

const VIEW_COLUMNS = [
  'id',
  'organization_id',
  'created_by',
  'file_name',
  'sheet_names',
  'sheet',
  'headers',
  'row_count',
  'mapping',
  'status',
  'report',
  'progress_done',
  'progress_total',
  'error_code',
  'created_at',
  'finished_at',
  'suggested_mappings',
] as const;

export type ImportRow = Awaited<ReturnType<typeof findById>> & object;

export function findById(db: Db | Trx, organizationId: string, id: string) {
  return db
    .selectFrom('asset_imports')
    .select([...VIEW_COLUMNS, 'undone_at', sql<boolean>`undo is not null`.as('has_undo')])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function sheetsOf(db: Db | Trx, id: string): Promise<ParsedSheet[] | null> {
  const r = await db.selectFrom('asset_imports').select('sheet_data').where('id', '=', id).executeTakeFirst();
  return (r?.sheet_data as ParsedSheet[] | null) ?? null;
}

export function insert(
  db: Db | Trx,
  values: {
    organization_id: string;
    created_by: string | null;
    file_name: string;
    sheets: ParsedSheet[];
    suggested_mappings?: Record<string, unknown>;
  },
) {
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
  values: Partial<{
    sheet: string;
    headers: string[];
    row_count: number;
    mapping: string;
    status: string;
    report: string;
    progress_done: number;
    progress_total: number;
    error_code: string | null;
    finished_at: Date | null;
    sheet_data: string | null;
  }>,
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
    .set({
      status: 'applying',
      progress_done: 0,
      progress_total: total,
      error_code: null,
      finished_at: null,
      lease_until: sql<Date>`now() + ${sql.lit(`${LEASE_SECONDS} seconds`)}::interval`,
    })
    .where('id', '=', id)
    .where('status', 'in', ['uploaded', 'checked', 'failed'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Everything the check looks up, loaded once: units, people, information types and every asset of the organisation. */
export async function lookups(db: Db | Trx, organizationId: string) {
  const [units, users, types, assets, words] = await Promise.all([
    db
      .selectFrom('units')
      .select(['id', 'name', 'path'])
      .where('organization_id', '=', organizationId)
      .where('closed_at', 'is', null)
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('organization_id', '=', organizationId)
      .where('status', '!=', 'disabled')
      .execute(),
    db.selectFrom('information_types').select(['id', 'key', 'name']).where('organization_id', '=', organizationId).execute(),
    sql<{ id: string; kind: string; name: string; external_id: string | null; unit_id: string; path: string[]; unit_name: string }>`
      select a.id, a.kind, a.name, a.external_id, a.unit_id, u.path, u.name as unit_name from assets a join units u on u.id = a.unit_id
      where a.organization_id = ${organizationId}`.execute(db),
    listWords(db, organizationId),
  ]);
  return {
    units,
    users,
    types,
    words: words.map((w) => ({ field: w.field, code: w.code, word: w.word })),
    assets: assets.rows.map((a) => ({
      id: a.id,
      kind: a.kind,
      name: a.name,
      externalId: a.external_id,
      unitId: a.unit_id,
      unitPath: a.path,
      unitName: a.unit_name,
    })),
  };
}

/** The current processing links (set → its systems and processes) of some information sets. */
export async function processorsOf(db: Db | Trx, setIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!setIds.length) return out;
  const rows = await db
    .selectFrom('asset_links')
    .select(['asset_id', 'information_set_id'])
    .where('information_set_id', 'in', setIds)
    .execute();
  for (const r of rows) out.set(r.information_set_id, (out.get(r.information_set_id) ?? new Set()).add(r.asset_id));
  return out;
}

/** The current values of assets an import is about to update (for the before/after of their audit events). */
export async function assetsBefore(trx: Db | Trx, organizationId: string, ids: string[]) {
  if (!ids.length) return [];
  return trx.selectFrom('assets').selectAll().where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
}

/**
 * Each asset's state as far as an undo cares: its row_version (raised by every edit of its fields),
 * the processing links that touch it, and how many integrations and classification versions it has.
 * Taken after an apply and again before an undo: a difference means someone else changed it.
 */
export async function assetStates(
  db: Db | Trx,
  organizationId: string,
  ids: string[],
): Promise<Map<string, { name: string; unitPath: string[]; state: string }>> {
  const out = new Map<string, { name: string; unitPath: string[]; state: string }>();
  for (let i = 0; i < ids.length; i += 5000) {
    const batch = ids.slice(i, i + 5000);
    const r = await sql<{
      id: string;
      name: string;
      path: string[];
      row_version: number;
      links: string;
      integrations: number;
      classifications: number;
    }>`
      select a.id, a.name, u.path, a.row_version,
        (select coalesce(string_agg(l.asset_id || '>' || l.information_set_id, ',' order by l.asset_id, l.information_set_id), '')
           from asset_links l where l.asset_id = a.id or l.information_set_id = a.id) as links,
        (select count(*)::int from asset_integrations i where i.from_asset_id = a.id or i.to_asset_id = a.id) as integrations,
        (select count(*)::int from classification_versions c where c.asset_id = a.id) as classifications
      from assets a join units u on u.id = a.unit_id
      where a.organization_id = ${organizationId} and a.id = any(${sql.val(batch)}::uuid[])
      for update of a`.execute(db);
    for (const row of r.rows)
      out.set(row.id, {
        name: row.name,
        unitPath: row.path,
        state: `v${row.row_version}|l:${row.links}|i${row.integrations}|c${row.classifications}`,
      });
  }
  return out;
}

/** The import's row, locked, with what its apply recorded for an undo. */
export function findForUndo(trx: Trx, organizationId: string, id: string) {
  return trx
    .selectFrom('asset_imports')
    .select(['id', 'status', 'file_name', 'undo', 'undone_at'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function markUndone(trx: Trx, id: string, userId: string | null) {
  return trx
    .updateTable('asset_imports')
    .set({ status: 'undone', undone_at: new Date(), undone_by: userId })
    .where('id', '=', id)
    .execute();
}

export function recordUndo(trx: Trx, id: string, undo: unknown) {
  return trx
    .updateTable('asset_imports')
    .set({ undo: JSON.stringify(undo) })
    .where('id', '=', id)
    .execute();
}

/** Units by id, with their paths (for the access check on the units an undo moves assets back to). */
export function unitPaths(db: Db | Trx, organizationId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
}

/** The organisation's own words for the import's values. */
export function listWords(db: Db | Trx, organizationId: string) {
  return db
    .selectFrom('asset_import_words')
    .select(['id', 'field', 'code', 'word', 'created_at', 'row_version'])
    .where('organization_id', '=', organizationId)
    .orderBy('field')
    .orderBy('normalized')
    .execute();
}

export function insertWord(
  trx: Trx,
  values: { organization_id: string; field: string; code: string; word: string; normalized: string; created_by: string | null },
) {
  return trx
    .insertInto('asset_import_words')
    .values(values)
    .onConflict((oc) => oc.columns(['organization_id', 'field', 'normalized']).doNothing())
    .returning(['id', 'field', 'code', 'word', 'created_at', 'row_version'])
    .executeTakeFirst();
}

export function findWord(trx: Trx, organizationId: string, id: string) {
  return trx
    .selectFrom('asset_import_words')
    .select(['id', 'field', 'code', 'word', 'normalized'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findWordByText(db: Db | Trx, organizationId: string, field: string, normalized: string) {
  return db
    .selectFrom('asset_import_words')
    .select(['id', 'code', 'word'])
    .where('organization_id', '=', organizationId)
    .where('field', '=', field)
    .where('normalized', '=', normalized)
    .executeTakeFirst();
}

export function deleteWord(trx: Trx, id: string) {
  return trx.deleteFrom('asset_import_words').where('id', '=', id).execute();
}

/** The path of the organisation's top unit: the organisation's own words apply to all its imports. */
export async function rootPath(db: Db | Trx, organizationId: string): Promise<string[]> {
  const r = await db
    .selectFrom('units')
    .select('path')
    .where('organization_id', '=', organizationId)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return r.path;
}
