import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Config } from '../../config.js';
import { AppError } from '../errors.js';
import { sha256 } from './secrets.js';
import * as repo from './actor.repository.js';

export const SESSION_COOKIE = 'tillit_session';
const TOUCH_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves who is calling, from the session cookie or a bearer API token. */
export async function authenticate(req: FastifyRequest, db: Db, config: Config): Promise<void> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = await repo.findApiToken(db, sha256(auth.slice(7).trim()));
    const now = new Date();
    if (!token || token.revoked_at || (token.expires_at && token.expires_at < now)) throw new AppError('unauthenticated');
    const actor = await repo.loadActor(db, token.user_id, 'token', token.scope === 'read' ? 'read' : 'write');
    if (!actor || actor.organizationId !== token.organization_id) throw new AppError('unauthenticated');
    if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > TOUCH_EVERY_MS) await repo.touchApiToken(db, token.id, now);
    req.actor = actor;
    return;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const sessionId = sha256(cookie);
  const session = await repo.findSession(db, sessionId);
  const now = new Date();
  if (!session) return;
  if (session.expires_at < now || now.getTime() - session.last_seen_at.getTime() > config.sessionIdleMs) {
    await repo.deleteSession(db, sessionId);
    return;
  }
  const actor = await repo.loadActor(db, session.user_id, 'user', 'write');
  if (!actor) return;
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, sessionId, now);
  req.actor = actor;
  req.sessionId = sessionId;
  req.csrfToken = session.csrf_token;
}

/**
 * Cookie-authenticated changes must echo the session's CSRF token (double submit). Checked per route,
 * after authentication, so that a stale cookie never blocks a public route such as sign-in.
 */
export function checkCsrf(req: FastifyRequest): void {
  if (!req.csrfToken || SAFE_METHODS.has(req.method)) return;
  if (req.headers['x-csrf-token'] !== req.csrfToken) throw new AppError('csrf_failed');
}
