import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Config } from '../../config.js';
import { AppError } from '../errors.js';
import { sha256 } from './secrets.js';
import * as repo from './actor.repository.js';

export const SESSION_COOKIE = 'tillit_session';
const TOUCH_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling, from the session cookie or a bearer API token: one statement loads the
 * session (or token), the user and their grants; a second only to mark the session used, once a minute.
 * What the session endpoint shows is kept on the request (`sessionProfile`), so it sends no statement.
 */
export async function authenticate(req: FastifyRequest, db: Db, config: Config): Promise<void> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = await repo.loadToken(db, sha256(auth.slice(7).trim()));
    const now = new Date();
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt < now)) throw new AppError('unauthenticated');
    if (!token.loaded || token.loaded.actor.organizationId !== token.organizationId) throw new AppError('unauthenticated');
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) await repo.touchApiToken(db, token.id, now);
    req.actor = token.loaded.actor;
    req.sessionProfile = token.loaded.profile;
    return;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const sessionId = sha256(cookie);
  const session = await repo.loadSession(db, sessionId);
  const now = new Date();
  if (!session) return;
  if (session.expiresAt < now || now.getTime() - session.lastSeenAt.getTime() > config.sessionIdleMs) {
    await repo.deleteSession(db, sessionId);
    return;
  }
  if (!session.loaded) return;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, sessionId, now);
  req.actor = session.loaded.actor;
  req.sessionProfile = session.loaded.profile;
  req.sessionId = sessionId;
  req.csrfToken = session.csrfToken;
}

/**
 * Cookie-authenticated changes must echo the session's CSRF token (double submit). Checked per route,
 * after authentication, so that a stale cookie never blocks a public route such as sign-in.
 */
export function checkCsrf(req: FastifyRequest): void {
  if (!req.csrfToken || SAFE_METHODS.has(req.method)) return;
  if (req.headers['x-csrf-token'] !== req.csrfToken) throw new AppError('csrf_failed');
}
