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
  return q
    .orderBy(sql`array_length(path, 1)`)
    .orderBy('name')
    .execute();
}

export async function insert(
  trx: Trx,
  values: {
    organization_id: string;
    parent_id: string | null;
    parentPath: string[];
    name: string;
    kind: string;
    description: string | null;
  },
) {
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

/** Row lock on one unit, so its version check and audit "before" are exact. */
export function findForUpdate(trx: Trx, organizationId: string, id: string) {
  return trx
    .selectFrom('units')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Serialises changes of one organisation's tree (create, move, close, reopen, delete) until the
 * transaction ends: two opposite moves cannot both pass the cycle check on stale paths, and a child
 * is never created under a path that a concurrent move is rewriting. Reads do not take it.
 */
export async function lockTree(trx: Trx, organizationId: string) {
  await sql`select pg_advisory_xact_lock(hashtext('tillit.units'), hashtext(${organizationId}))`.execute(trx);
}

const TREE = (organizationId: string) => sql`
  with recursive tree as (
    select id, array[id] as path from units where organization_id = ${organizationId} and parent_id is null
    union all
    select u.id, t.path || u.id from units u join tree t on u.parent_id = t.id
    where u.organization_id = ${organizationId} and not u.id = any(t.path)
  )`;

/**
 * Recomputes every path of an organisation from the parent links (`tillit units repair`), under
 * the tree lock. Returns the units whose path was wrong (old and new path); units in a cycle or cut
 * off from the root cannot be given a path and are returned as `unreachable`, untouched.
 */
export async function repairPaths(trx: Trx, organizationId: string) {
  await lockTree(trx, organizationId);
  const wrong = await sql<{ id: string; name: string; old_path: string[]; new_path: string[] }>`
    ${TREE(organizationId)}
    select u.id, u.name, u.path as old_path, t.path as new_path from units u join tree t on t.id = u.id
    where u.path is distinct from t.path for update of u`.execute(trx);
  for (const r of wrong.rows) await sql`update units set path = ${sql.val(r.new_path)}::uuid[] where id = ${r.id}`.execute(trx);
  const unreachable = await sql<{ id: string; name: string }>`
    ${TREE(organizationId)}
    select id, name from units where organization_id = ${organizationId} and id not in (select id from tree)`.execute(trx);
  const names = await trx
    .selectFrom('units')
    .select(['id', 'name', 'organization_id'])
    .where('organization_id', '=', organizationId)
    .execute();
  return { repaired: wrong.rows, unreachable: unreachable.rows, names: new Map(names.map((n) => [n.id, n.name])) };
}

/** Every organisation's id, for a repair of all trees. */
export async function organizationIds(db: Db) {
  return (await db.selectFrom('organizations').select('id').orderBy('created_at').execute()).map((o) => o.id);
}

export function update(
  trx: Trx,
  id: string,
  values: { name?: string; kind?: string; description?: string | null; closed_at?: Date | null },
) {
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
  const children = await trx
    .selectFrom('units')
    .select(sql<number>`count(*)`.as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  const grants = await trx
    .selectFrom('role_assignments')
    .select(sql<number>`count(*)`.as('n'))
    .where('unit_id', '=', id)
    .executeTakeFirstOrThrow();
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
