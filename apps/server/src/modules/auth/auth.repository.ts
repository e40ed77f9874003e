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
    .select([
      'user_links.id',
      'user_links.purpose',
      'user_links.expires_at',
      'user_links.used_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.status',
      'users.organization_id',
      'organizations.name as organization_name',
    ])
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
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'users.organization_id',
      'users.is_platform_admin',
      'users.must_change_password',
      'organizations.name as org_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}

export function setLastLogin(trx: Trx, userId: string, at: Date) {
  return trx.updateTable('users').set({ last_login_at: at }).where('id', '=', userId).execute();
}

/** The user's language and name, locked until the transaction ends (two changes of one profile queue). */
export function findProfileForUpdate(trx: Trx, userId: string) {
  return trx.selectFrom('users').select(['id', 'name', 'locale']).where('id', '=', userId).forUpdate().executeTakeFirst();
}

export function setLocale(trx: Trx, userId: string, locale: 'sv' | 'en') {
  return trx.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

/** Takes back one counted attempt (a sign-in that succeeded was counted before the password was known). */
export async function unbumpThrottle(db: Db | Trx, key: string): Promise<void> {
  await sql`UPDATE login_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE key = ${key}`.execute(db);
}

export interface AttemptClaim {
  /** The lock in force before this attempt (the attempt is refused without a verdict), or null. */
  lockedBefore: Date | null;
  /** Misses in a row including this attempt, were it to fail. */
  failures: number;
  lockedUntil: Date | null;
}

/**
 * Counts a sign-in attempt on an account as a miss, before the password is checked, so parallel
 * guesses cannot all be judged against one stale count: the row lock serialises them and the one
 * that reaches the limit locks the account. A lock that has run out starts a new count. The caller
 * resets the count when the password was right.
 */
export function claimAccountAttempt(db: Db, userId: string, maxFailures: number, lockMs: number): Promise<AttemptClaim> {
  return db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom('users')
      .select(['failed_login_count', 'locked_until'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const now = new Date();
    if (old.locked_until && old.locked_until > now)
      return { lockedBefore: old.locked_until, failures: old.failed_login_count, lockedUntil: old.locked_until };
    const failures = (old.locked_until ? 0 : old.failed_login_count) + 1;
    const lockedUntil = failures >= maxFailures ? new Date(now.getTime() + lockMs) : null;
    await trx.updateTable('users').set({ failed_login_count: failures, locked_until: lockedUntil }).where('id', '=', userId).execute();
    return { lockedBefore: null, failures, lockedUntil };
  });
}

/**
 * The same count for an address no account has, kept in the throttle table, so that an unknown
 * address locks after the same number of misses and for as long as a real one: the answers do not
 * tell which addresses exist. The window restarts at the miss that locks, as a real account's lock does.
 */
export function claimUnknownAttempt(db: Db, key: string, maxFailures: number, lockMs: number): Promise<AttemptClaim> {
  return db.transaction().execute(async (trx) => {
    // Inserting first makes the row exist, so the lock below serialises the very first attempts too.
    await sql`INSERT INTO login_throttle (key, attempts, window_start) VALUES (${key}, 0, now()) ON CONFLICT (key) DO NOTHING`.execute(trx);
    const old = await trx
      .selectFrom('login_throttle')
      .select(['attempts', 'window_start'])
      .where('key', '=', key)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const now = new Date();
    const expired = old.window_start.getTime() < now.getTime() - lockMs;
    if (!expired && old.attempts >= maxFailures) {
      const until = new Date(old.window_start.getTime() + lockMs);
      return { lockedBefore: until, failures: old.attempts, lockedUntil: until };
    }
    const failures = expired ? 1 : old.attempts + 1;
    const windowStart = expired || failures >= maxFailures ? now : old.window_start;
    await trx.updateTable('login_throttle').set({ attempts: failures, window_start: windowStart }).where('key', '=', key).execute();
    return { lockedBefore: null, failures, lockedUntil: failures >= maxFailures ? new Date(now.getTime() + lockMs) : null };
  });
}
