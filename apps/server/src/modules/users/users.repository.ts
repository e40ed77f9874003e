import { sql, type RawBuilder, type Selectable } from 'kysely';
import { userList, type ListCursor } from '@tillit/core';
import type { Db, Trx } from '../../db/database.js';
import type { UsersTable } from '../../db/tables/foundation.js';
import { containsPattern, listPage, type SortKey } from '../../platform/list/list.js';

const SORTS: Record<keyof typeof userList.sorts, SortKey> = {
  name: { expr: sql`u.name` },
  email: { expr: sql`u.email` },
  createdAt: { expr: sql`u.created_at` },
  lastLoginAt: { expr: sql`u.last_login_at`, nullable: true },
};

export interface UserFilter {
  q?: string;
  status?: string;
  role?: string;
  unitId?: string;
  sort: string;
  page: number;
  pageSize: number;
  cursor?: ListCursor | undefined;
}

/** The organisation's users; search in name and e-mail (trigram-indexed). */
export function list(db: Db, organizationId: string, f: UserFilter) {
  const where: RawBuilder<unknown>[] = [sql`u.organization_id = ${organizationId}`];
  if (f.status) where.push(sql`u.status = ${f.status}`);
  if (f.role || f.unitId) {
    where.push(sql`exists (select 1 from role_assignments ra where ra.user_id = u.id
      ${f.role ? sql`and ra.role = ${f.role}` : sql``} ${f.unitId ? sql`and ra.unit_id = ${f.unitId}` : sql``})`);
  }
  const like = f.q ? containsPattern(f.q) : null;
  return listPage<keyof typeof userList.sorts, Selectable<UsersTable>>(db, {
    spec: userList,
    keys: SORTS,
    id: sql`u.id`,
    from: sql`users u`,
    where,
    search: like === null ? undefined : sql`(u.name ilike ${like} or u.email ilike ${like})`,
    detail: (id) => sql`select * from users d where d.id = ${id}`,
    query: f,
  });
}

export function findById(db: Db | Trx, organizationId: string, id: string) {
  return db.selectFrom('users').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

/** Row lock on one user, so its version check and audit "before" are exact. */
export function findForUpdate(trx: Trx, organizationId: string, id: string) {
  return trx
    .selectFrom('users')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Any account with the address, in any organisation (the CLI's check before creating an admin). */
export function findByEmail(db: Db | Trx, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** The account with the address in one organisation: addresses are unique per organisation only. */
export function findByEmailInOrganization(db: Db | Trx, organizationId: string, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** Every account with the address (one per organisation at most), for signing in. */
/** Every account with the address, one per organisation, with the organisation's name (sign-in asks for it when several match). */
export function findAllByEmail(db: Db | Trx, email: string) {
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .selectAll('users')
    .select('organizations.name as organization_name')
    .where(sql`lower(users.email)`, '=', email.toLowerCase())
    .orderBy('users.created_at')
    .limit(20)
    .execute();
}

export function grantsOf(db: Db | Trx, userIds: string[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .selectFrom('role_assignments')
    .innerJoin('units', 'units.id', 'role_assignments.unit_id')
    .select([
      'role_assignments.id',
      'role_assignments.user_id',
      'role_assignments.role',
      'role_assignments.unit_id',
      'units.name as unit_name',
    ])
    .where('role_assignments.user_id', 'in', userIds)
    .orderBy('units.name')
    .execute();
}

/** Where a person holds roles, and which: a person without any is reached through the top unit. */
export async function reachOf(db: Db | Trx, organizationId: string, userId: string): Promise<{ role: string | null; path: string[] }[]> {
  const grants = await db
    .selectFrom('role_assignments')
    .innerJoin('units', 'units.id', 'role_assignments.unit_id')
    .select(['role_assignments.role', 'units.path'])
    .where('role_assignments.user_id', '=', userId)
    .execute();
  if (grants.length) return grants;
  const root = await db
    .selectFrom('units')
    .select('path')
    .where('organization_id', '=', organizationId)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return [{ role: null, path: root.path }];
}

export function insertUser(
  trx: Trx,
  values: {
    organization_id: string;
    email: string;
    name: string;
    status: string;
    password_hash?: string | null;
    is_platform_admin?: boolean;
    locale?: string;
  },
) {
  return trx.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateUser(
  trx: Trx,
  id: string,
  values: Partial<{
    name: string;
    status: string;
    password_hash: string;
    must_change_password: boolean;
    failed_login_count: number;
    locked_until: Date | null;
    locale: string;
  }>,
) {
  return trx
    .updateTable('users')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertGrant(trx: Trx, values: { organization_id: string; user_id: string; role: string; unit_id: string }) {
  return trx
    .insertInto('role_assignments')
    .values(values)
    .onConflict((oc) => oc.columns(['user_id', 'role', 'unit_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
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
