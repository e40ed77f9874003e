import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';

export type UnitRow = Awaited<ReturnType<typeof findById>>;

export function findById(db: Db | Trx, organizationId: string, id: string) {
  return db.selectFrom('units').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function findRoot(db: Db | Trx, organizationId: string) {
  return db.selectFrom('units').selectAll().where('organization_id', '=', organizationId).where('parent_id', 'is', null).executeTakeFirst();
}

export function openChildren(db: Db | Trx, id: string) {
  return db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', id).where('closed_at', 'is', null).orderBy('name').execute();
}

export function listByOrg(db: Db | Trx, organizationId: string, includeClosed: boolean) {
  let q = db.selectFrom('units').selectAll().where('organization_id', '=', organizationId);
  if (!includeClosed) q = q.where('closed_at', 'is', null);
  return q.orderBy(sql`array_length(path, 1)`).orderBy('name').execute();
}

export async function insert(trx: Trx, values: { organization_id: string; parent_id: string | null; parentPath: string[]; name: string; kind: string; description: string | null }) {
  const id = (await sql<{ id: string }>`select gen_random_uuid() as id`.execute(trx)).rows[0]!.id;
  return trx
    .insertInto('units')
    .values({
      id,
      organization_id: values.organization_id,
      parent_id: values.parent_id,
      name: values.name,
      kind: values.kind,
      description: values.description,
      path: [...values.parentPath, id],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function update(trx: Trx, id: string, values: { name?: string; kind?: string; description?: string | null; closed_at?: Date | null }) {
  return trx
    .updateTable('units')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Re-roots the whole sub-tree: every descendant's path gets the new ancestors in front. */
export async function move(trx: Trx, unit: { id: string; path: string[] }, newParent: { id: string; path: string[] }) {
  const oldPrefixLength = unit.path.length - 1;
  await sql`
    UPDATE units SET
      path = ${sql.val(newParent.path)}::uuid[] || path[${oldPrefixLength + 1}:],
      parent_id = CASE WHEN id = ${unit.id} THEN ${newParent.id}::uuid ELSE parent_id END,
      updated_at = now()
    WHERE path @> ARRAY[${unit.id}]::uuid[]`.execute(trx);
  return trx.selectFrom('units').selectAll().where('id', '=', unit.id).executeTakeFirstOrThrow();
}

/** What keeps a unit from being deleted: sub-units, role grants and (later) content of other modules. */
export async function contentCount(trx: Trx, id: string, contentTables: readonly { table: string; column: string }[]): Promise<number> {
  const children = await trx.selectFrom('units').select(sql<number>`count(*)`.as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  const grants = await trx.selectFrom('role_assignments').select(sql<number>`count(*)`.as('n')).where('unit_id', '=', id).executeTakeFirstOrThrow();
  return Number(children.n) + Number(grants.n) + (await moduleContentCount(trx, id, contentTables));
}

/** Rows in the tables other modules declared in their manifests' `contentTables`. */
async function moduleContentCount(trx: Trx, id: string, contentTables: readonly { table: string; column: string }[]): Promise<number> {
  let n = 0;
  for (const { table, column } of contentTables) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(trx);
    n += r.rows[0]?.n ?? 0;
  }
  return n;
}

export function closeSubtree(trx: Trx, id: string, now: Date) {
  return trx
    .updateTable('units')
    .set({ closed_at: now, updated_at: now })
    .where(sql<boolean>`path @> ARRAY[${id}]::uuid[]`)
    .where('closed_at', 'is', null)
    .execute();
}

export function remove(trx: Trx, id: string) {
  return trx.deleteFrom('units').where('id', '=', id).execute();
}
