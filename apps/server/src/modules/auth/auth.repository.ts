import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';

export function insertSession(trx: Trx | Db, values: { id: string; user_id: string; csrf_token: string; expires_at: Date }) {
  return trx.insertInto('sessions').values(values).execute();
}

export function findSession(db: Db, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function deleteSession(trx: Trx | Db, id: string) {
  return trx.deleteFrom('sessions').where('id', '=', id).execute();
}

export function deleteOtherSessions(trx: Trx, userId: string, keepId: string | null) {
  let q = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  return q.execute();
}

/** Attempts counted in the key's current window; zero once the window has passed. */
export async function throttleCount(db: Db, key: string, windowMs: number): Promise<number> {
  const r = await sql<{ attempts: number }>`
    SELECT attempts FROM login_throttle WHERE key = ${key} AND window_start >= now() - ${`${windowMs} milliseconds`}::interval`.execute(db);
  return r.rows[0]?.attempts ?? 0;
}

/** Counts an attempt in a fixed window; returns the count including this one. */
export async function bumpThrottle(db: Db, key: string, windowMs: number): Promise<number> {
  const r = await sql<{ attempts: number }>`
    INSERT INTO login_throttle (key, attempts, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN login_throttle.window_start < now() - ${`${windowMs} milliseconds`}::interval THEN 1 ELSE login_throttle.attempts + 1 END,
      window_start = CASE WHEN login_throttle.window_start < now() - ${`${windowMs} milliseconds`}::interval THEN now() ELSE login_throttle.window_start END
    RETURNING attempts`.execute(db);
  return r.rows[0]!.attempts;
}

export function findLink(db: Db | Trx, tokenHash: string) {
  return db
    .selectFrom('user_links')
    .innerJoin('users', 'users.id', 'user_links.user_id')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select(['user_links.id', 'user_links.purpose', 'user_links.expires_at', 'user_links.used_at', 'users.id as user_id', 'users.email', 'users.name', 'users.status', 'users.organization_id', 'organizations.name as organization_name'])
    .where('user_links.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function markLinkUsed(trx: Trx, id: string) {
  return trx.updateTable('user_links').set({ used_at: new Date() }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
}

export function roleViews(db: Db, userId: string) {
  return db
    .selectFrom('role_assignments')
    .innerJoin('units', 'units.id', 'role_assignments.unit_id')
    .select(['role_assignments.id', 'role_assignments.role', 'role_assignments.unit_id', 'units.name as unit_name'])
    .where('role_assignments.user_id', '=', userId)
    .where('units.closed_at', 'is', null)
    .execute();
}

/** The signed-in user with the organisation's name, for the session view. */
export function sessionUser(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select(['users.id', 'users.email', 'users.name', 'users.locale', 'users.organization_id', 'users.is_platform_admin', 'users.must_change_password', 'organizations.name as org_name'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}

export function setLastLogin(trx: Trx, userId: string, at: Date) {
  return trx.updateTable('users').set({ last_login_at: at }).where('id', '=', userId).execute();
}

export function setLocale(db: Db, userId: string, locale: 'sv' | 'en') {
  return db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
