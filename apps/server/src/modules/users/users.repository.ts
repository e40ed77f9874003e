import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import type { DB } from '../../db/types.js';

const SORTS = { name: 'users.name', email: 'users.email', createdAt: 'users.created_at', lastLoginAt: 'users.last_login_at' } as const;

export interface UserFilter {
  q?: string;
  status?: string;
  role?: string;
  unitId?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

function filtered(db: Db, organizationId: string, f: UserFilter) {
  let q: SelectQueryBuilder<DB, 'users', object> = db.selectFrom('users').where('users.organization_id', '=', organizationId);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('users.name', 'ilike', like), eb('users.email', 'ilike', like)]));
  }
  if (f.status) q = q.where('users.status', '=', f.status);
  if (f.role || f.unitId) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignments')
          .select(sql`1`.as('one'))
          .whereRef('role_assignments.user_id', '=', 'users.id')
          .$if(Boolean(f.role), (s) => s.where('role_assignments.role', '=', f.role!))
          .$if(Boolean(f.unitId), (s) => s.where('role_assignments.unit_id', '=', f.unitId!)),
      ),
    );
  }
  return q;
}

export async function list(db: Db, organizationId: string, f: UserFilter) {
  const base = filtered(db, organizationId, f);
  const desc = f.sort?.startsWith('-');
  const key = (f.sort?.replace(/^-/, '') ?? 'name') as keyof typeof SORTS;
  // Own keys only: `sort=constructor` must not reach the query as Object.prototype.constructor.
  const column = Object.hasOwn(SORTS, key) ? SORTS[key] : SORTS.name;
  const [rows, count] = await Promise.all([
    base
      .selectAll('users')
      .orderBy(column, desc ? 'desc' : 'asc')
      .orderBy('users.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findById(db: Db | Trx, organizationId: string, id: string) {
  return db.selectFrom('users').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function findByEmail(db: Db | Trx, email: string) {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export function grantsOf(db: Db | Trx, userIds: string[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .selectFrom('role_assignments')
    .innerJoin('units', 'units.id', 'role_assignments.unit_id')
    .select(['role_assignments.id', 'role_assignments.user_id', 'role_assignments.role', 'role_assignments.unit_id', 'units.name as unit_name'])
    .where('role_assignments.user_id', 'in', userIds)
    .orderBy('units.name')
    .execute();
}

/** Unit paths of the user's roles; with no role, the path of the organisation's top unit. */
export async function reachOf(db: Db | Trx, organizationId: string, userId: string): Promise<string[][]> {
  const grants = await db
    .selectFrom('role_assignments')
    .innerJoin('units', 'units.id', 'role_assignments.unit_id')
    .select('units.path')
    .where('role_assignments.user_id', '=', userId)
    .execute();
  if (grants.length) return grants.map((g) => g.path);
  const root = await db.selectFrom('units').select('path').where('organization_id', '=', organizationId).where('parent_id', 'is', null).executeTakeFirstOrThrow();
  return [root.path];
}

export function insertUser(trx: Trx, values: { organization_id: string; email: string; name: string; status: string; password_hash?: string | null; is_platform_admin?: boolean; locale?: string }) {
  return trx.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateUser(trx: Trx, id: string, values: Partial<{ name: string; status: string; password_hash: string; must_change_password: boolean; failed_login_count: number; locked_until: Date | null; locale: string }>) {
  return trx.updateTable('users').set({ ...values, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function insertGrant(trx: Trx, values: { organization_id: string; user_id: string; role: string; unit_id: string }) {
  return trx.insertInto('role_assignments').values(values).onConflict((oc) => oc.columns(['user_id', 'role', 'unit_id']).doNothing()).returningAll().executeTakeFirst();
}

export function findGrant(db: Db | Trx, userId: string, grantId: string) {
  return db.selectFrom('role_assignments').selectAll().where('user_id', '=', userId).where('id', '=', grantId).executeTakeFirst();
}

export function deleteGrant(trx: Trx, id: string) {
  return trx.deleteFrom('role_assignments').where('id', '=', id).execute();
}

/** Active admins of the organisation other than the given user (guards against locking everyone out). */
export async function otherActiveAdmins(trx: Trx, organizationId: string, exceptUserId: string, exceptGrantId?: string) {
  const r = await trx
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .innerJoin('units', 'units.id', 'role_assignments.unit_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('role_assignments.organization_id', '=', organizationId)
    .where('role_assignments.role', '=', 'admin')
    .where('units.parent_id', 'is', null)
    .where('users.status', '=', 'active')
    .where((eb) => (exceptGrantId ? eb('role_assignments.id', '!=', exceptGrantId) : eb('users.id', '!=', exceptUserId)))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertLink(trx: Trx, values: { user_id: string; purpose: string; token_hash: string; expires_at: Date }) {
  return trx.insertInto('user_links').values(values).execute();
}

export function invalidateLinks(trx: Trx, userId: string) {
  return trx.updateTable('user_links').set({ used_at: new Date() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

export async function organizationName(db: Db | Trx, organizationId: string): Promise<string> {
  const org = await db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirstOrThrow();
  return org.name;
}

/** A disabled user is signed out everywhere. */
export function deleteSessions(trx: Trx, userId: string) {
  return trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
