import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Actor } from '../access.js';
import type { Role } from '@tillit/core';

/** What the session endpoint shows beside the actor: loaded by the same statement as the actor. */
export interface SessionProfile {
  email: string;
  organizationName: string;
  mustChangePassword: boolean;
  roles: { id: string; role: Role; unitId: string; unitName: string }[];
}

interface Loaded {
  user_id: string;
  name: string;
  email: string;
  organization_id: string;
  organization_name: string;
  is_platform_admin: boolean;
  must_change_password: boolean;
  locale: string;
  status: string;
  grants: { id: string; role: string; unitId: string; unitName: string }[];
}

/** The user, their organisation's name and their grants on open units: one statement. */
const USER = sql`
  u.id as user_id, u.name, u.email, u.organization_id, o.name as organization_name, u.is_platform_admin,
  u.must_change_password, u.locale, u.status,
  coalesce((select json_agg(json_build_object('id', ra.id, 'role', ra.role, 'unitId', ra.unit_id, 'unitName', un.name) order by un.name, ra.id)
    from role_assignments ra join units un on un.id = ra.unit_id where ra.user_id = u.id and un.closed_at is null), '[]'::json) as grants`;

function toActor(r: Loaded, kind: 'user' | 'token', scope: 'read' | 'write'): { actor: Actor; profile: SessionProfile } | null {
  if (r.status !== 'active') return null;
  const roles = r.grants.map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unitId, unitName: g.unitName }));
  return {
    actor: {
      kind,
      userId: r.user_id,
      name: r.name,
      organizationId: r.organization_id,
      isPlatformAdmin: r.is_platform_admin,
      locale: r.locale === 'en' ? 'en' : 'sv',
      grants: roles.map((g) => ({ role: g.role, unitId: g.unitId })),
      scope,
    },
    profile: { email: r.email, organizationName: r.organization_name, mustChangePassword: r.must_change_password, roles },
  };
}

/** A session with its user and grants in one round trip (no row: unknown session or user). */
export async function loadSession(db: Db, sessionId: string) {
  const r = (
    await sql<Loaded & { expires_at: Date; last_seen_at: Date; csrf_token: string }>`
      select s.expires_at, s.last_seen_at, s.csrf_token, ${USER}
      from sessions s join users u on u.id = s.user_id join organizations o on o.id = u.organization_id
      where s.id = ${sessionId}`.execute(db)
  ).rows[0];
  if (!r) return null;
  return { expiresAt: r.expires_at, lastSeenAt: r.last_seen_at, csrfToken: r.csrf_token, loaded: toActor(r, 'user', 'write') };
}

/** An API token with its user and grants in one round trip. */
export async function loadToken(db: Db, tokenHash: string) {
  const r = (
    await sql<
      Loaded & {
        token_id: string;
        token_org: string;
        scope: string;
        revoked_at: Date | null;
        expires_at: Date | null;
        last_used_at: Date | null;
      }
    >`
      select t.id as token_id, t.organization_id as token_org, t.scope, t.revoked_at, t.expires_at, t.last_used_at, ${USER}
      from api_tokens t join users u on u.id = t.user_id join organizations o on o.id = u.organization_id
      where t.token_hash = ${tokenHash}`.execute(db)
  ).rows[0];
  if (!r) return null;
  return {
    id: r.token_id,
    organizationId: r.token_org,
    revokedAt: r.revoked_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    loaded: toActor(r, 'token', r.scope === 'read' ? 'read' : 'write'),
  };
}

export async function touchSession(db: Db, sessionId: string, now: Date) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function touchApiToken(db: Db, id: string, now: Date) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
