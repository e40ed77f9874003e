import type { Db } from '../../db/database.js';
import type { Actor } from '../access.js';
import type { Role } from '@tillit/core';

export async function loadActor(db: Db, userId: string, kind: 'user' | 'token', scope: 'read' | 'write'): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'organization_id', 'is_platform_admin', 'locale', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.status !== 'active') return null;
  const grants = await db
    .selectFrom('role_assignments')
    .innerJoin('units', 'units.id', 'role_assignments.unit_id')
    .select(['role_assignments.role', 'role_assignments.unit_id'])
    .where('role_assignments.user_id', '=', userId)
    .where('units.closed_at', 'is', null)
    .execute();
  return {
    kind,
    userId: user.id,
    name: user.name,
    organizationId: user.organization_id,
    isPlatformAdmin: user.is_platform_admin,
    locale: user.locale === 'en' ? 'en' : 'sv',
    grants: grants.map((g) => ({ role: g.role as Role, unitId: g.unit_id })),
    scope,
  };
}

export async function findSession(db: Db, sessionId: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, now: Date) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function findApiToken(db: Db, tokenHash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchApiToken(db: Db, id: string, now: Date) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
