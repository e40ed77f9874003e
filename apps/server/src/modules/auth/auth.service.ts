import type { z } from 'zod';
import {
  isCommonPassword,
  permissionsOf,
  type acceptInvitationBody,
  type changePasswordBody,
  type loginBody,
  type Permission,
  type Role,
  type SessionView,
} from '@tillit/core';
import { systemActor, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword, newSecret, sha256, verifyPassword } from '../../platform/auth/secrets.js';
import type { Db } from '../../db/database.js';
import type { Config } from '../../config.js';
import * as repo from './auth.repository.js';
import { loadSession } from '../../platform/auth/actor.repository.js';
import { sessionViewOf } from '../../platform/auth/session-view.js';
import { userAccounts as usersRepo } from '../users/users.service.js';

const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60_000;
const IP_WINDOW_MS = 15 * 60_000;
const IP_MAX_ATTEMPTS = 30;

export interface NewSession {
  cookieValue: string;
  view: SessionView;
}

export function createAuthService(db: Db, config: Config) {
  async function startSession(userId: string): Promise<NewSession> {
    const cookieValue = newSecret();
    const csrf = newSecret();
    const id = sha256(cookieValue);
    await repo.insertSession(db, { id, user_id: userId, csrf_token: csrf, expires_at: new Date(Date.now() + config.sessionAbsoluteMs) });
    // The same one statement as every authenticated request (user, organisation, grants).
    const loaded = (await loadSession(db, id))?.loaded;
    return { cookieValue, view: loaded ? sessionViewOf(loaded.actor, loaded.profile, csrf) : await sessionView(userId, csrf) };
  }

  async function sessionView(userId: string, csrfToken: string): Promise<SessionView> {
    const user = await repo.sessionUser(db, userId);
    const grants = await repo.roleViews(db, userId);
    const perms = new Set<Permission>();
    for (const g of grants) for (const p of permissionsOf(g.role as Role)) perms.add(p);
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale === 'en' ? 'en' : 'sv',
        organizationId: user.organization_id,
        organizationName: user.org_name,
        isPlatformAdmin: user.is_platform_admin,
        mustChangePassword: user.must_change_password,
      },
      roles: grants.map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unit_id, unitName: g.unit_name })),
      permissions: [...perms].sort(),
      csrfToken,
    };
  }

  return {
    /**
     * Sign-in with throttling per client address and a temporary lock per account, so passwords
     * cannot be guessed at speed. Every attempt is counted atomically before the password is checked
     * (parallel guesses cannot share one stale count), and unknown addresses, wrong passwords, locked
     * and disabled accounts take the same path: an argon2 verification (against a dummy hash where
     * there is no real one), the same count, the same lock after MAX_FAILURES, the same answers. Only
     * the right password on a disabled account is told so.
     */
    async login(input: z.output<typeof loginBody>, ip: string): Promise<NewSession> {
      const ipKey = `ip:${ip}`;
      // Counted before verifying and taken back on success: only failures count, since many people
      // signing in through one address (a hospital's NAT) is normal.
      if ((await repo.bumpThrottle(db, ipKey, IP_WINDOW_MS)) > IP_MAX_ATTEMPTS) {
        throw new AppError('too_many_requests', { retryAfterSeconds: IP_WINDOW_MS / 1000 });
      }
      let candidates = await usersRepo.findAllByEmail(db, input.email);
      if (input.organizationId) candidates = candidates.filter((u) => u.organization_id === input.organizationId);
      const now = new Date();
      const lockedAnswer = (until: Date) =>
        new AppError('account_locked', { retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) });

      if (!candidates.length) {
        const claim = await repo.claimUnknownAttempt(db, `account:${input.email}`, MAX_FAILURES, LOCK_MS);
        await verifyPassword(null, input.password);
        if (claim.lockedBefore) throw lockedAnswer(claim.lockedBefore);
        throw new AppError('invalid_credentials');
      }

      // One account per organisation has the address; usually there is one.
      const verdicts: { user: (typeof candidates)[number]; claim: repo.AttemptClaim; ok: boolean }[] = [];
      for (const user of candidates) {
        const claim = await repo.claimAccountAttempt(db, user.id, MAX_FAILURES, LOCK_MS);
        const ok = await verifyPassword(user.password_hash, input.password);
        verdicts.push({ user, claim, ok: ok && !claim.lockedBefore });
      }
      const matches = verdicts.filter((v) => v.ok);
      for (const v of verdicts) {
        if (v.ok || v.claim.lockedBefore) continue;
        await db.transaction().execute(async (trx) => {
          const actor = { ...systemActor(v.user.organization_id, v.user.name), userId: v.user.id };
          await recordAudit(trx, actor, {
            action: 'login_failed',
            entityType: 'session',
            entityId: v.user.id,
            entityLabel: v.user.name,
            changes: { failedAttempts: { after: v.claim.failures } },
          });
        });
      }
      if (!matches.length) {
        const locked = verdicts.map((v) => v.claim.lockedBefore).filter((d): d is Date => d !== null);
        if (locked.length === verdicts.length) throw lockedAnswer(new Date(Math.min(...locked.map((d) => d.getTime()))));
        throw new AppError('invalid_credentials');
      }
      // The password was right: the attempt was no failure after all.
      await repo.unbumpThrottle(db, ipKey);
      for (const m of matches)
        await db.transaction().execute((trx) => usersRepo.updateUser(trx, m.user.id, { failed_login_count: 0, locked_until: null }));
      if (matches.length > 1) {
        // Only someone who knows the password of each of these accounts learns their organisations.
        throw new AppError('organization_required', {
          field: 'organizationId',
          organizations: matches.map((m) => ({ id: m.user.organization_id, name: m.user.organization_name })),
        });
      }
      const user = matches[0]!.user;
      if (user.status === 'disabled') throw new AppError('user_disabled');
      if (user.status !== 'active') throw new AppError('invalid_credentials');
      await db.transaction().execute(async (trx) => {
        await repo.setLastLogin(trx, user.id, now);
        await recordAudit(
          trx,
          { ...systemActor(user.organization_id, user.name), userId: user.id },
          { action: 'login', entityType: 'session', entityId: user.id, entityLabel: user.name },
        );
      });
      return startSession(user.id);
    },

    async logout(actor: Actor, sessionId: string | null): Promise<void> {
      if (!sessionId) return;
      await db.transaction().execute(async (trx) => {
        await repo.deleteSession(trx, sessionId);
        await recordAudit(trx, actor, { action: 'logout', entityType: 'session', entityId: actor.userId, entityLabel: actor.name });
      });
    },

    async current(actor: Actor, sessionId: string | null): Promise<SessionView> {
      if (!actor.userId) throw new AppError('unauthenticated');
      const session = sessionId ? await repo.findSession(db, sessionId) : null;
      return sessionView(actor.userId, session?.csrf_token ?? '');
    },

    async changePassword(actor: Actor, sessionId: string | null, input: z.output<typeof changePasswordBody>): Promise<void> {
      if (!actor.userId || actor.kind !== 'user') throw new AppError('forbidden');
      const user = await usersRepo.findById(db, actor.organizationId, actor.userId);
      if (!user || !(await verifyPassword(user.password_hash, input.currentPassword)))
        throw new AppError('wrong_current_password', { field: 'currentPassword' });
      if (isCommonPassword(input.newPassword)) throw new AppError('common_password', { field: 'newPassword' });
      if (input.newPassword === input.currentPassword) throw new AppError('password_reused', { field: 'newPassword' });
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await usersRepo.updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: false });
        await repo.deleteOtherSessions(trx, user.id, sessionId);
        // A reset link issued before must not set the password back behind the person's back.
        await usersRepo.invalidateLinks(trx, user.id);
        await recordAudit(trx, actor, { action: 'password_change', entityType: 'user', entityId: user.id, entityLabel: user.name });
      });
    },

    /** The user's own display language; audited as a change of the user, and a choice of the same language writes nothing. */
    async setLocale(actor: Actor, locale: 'sv' | 'en'): Promise<void> {
      const userId = actor.userId;
      if (!userId) throw new AppError('forbidden');
      await db.transaction().execute(async (trx) => {
        const user = await repo.findProfileForUpdate(trx, userId);
        if (!user) throw new AppError('forbidden');
        const before = user.locale === 'en' ? 'en' : 'sv';
        if (before === locale) return;
        await repo.setLocale(trx, userId, locale);
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'user',
          entityId: userId,
          entityLabel: user.name,
          changes: { locale: { before, after: locale } },
        });
      });
    },

    async linkInfo(token: string) {
      const link = await repo.findLink(db, sha256(token));
      if (!link || link.used_at || link.expires_at < new Date() || link.status === 'disabled') throw new AppError('invalid_token');
      return {
        email: link.email,
        name: link.name,
        organizationName: link.organization_name,
        purpose: link.purpose as 'invitation' | 'password_reset',
      };
    },

    /** Accepting an invitation or a reset sets the password, activates the account and signs in. */
    async acceptLink(input: z.output<typeof acceptInvitationBody>): Promise<NewSession> {
      const link = await repo.findLink(db, sha256(input.token));
      if (!link || link.used_at || link.expires_at < new Date() || link.status === 'disabled') throw new AppError('invalid_token');
      if (isCommonPassword(input.password)) throw new AppError('common_password', { field: 'password' });
      const current = await usersRepo.findById(db, link.organization_id, link.user_id);
      if (current?.password_hash && (await verifyPassword(current.password_hash, input.password)))
        throw new AppError('password_reused', { field: 'password' });
      const passwordHash = await hashPassword(input.password);
      await db.transaction().execute(async (trx) => {
        const used = await repo.markLinkUsed(trx, link.id);
        if (!used.numUpdatedRows) throw new AppError('invalid_token');
        await usersRepo.updateUser(trx, link.user_id, {
          password_hash: passwordHash,
          status: 'active',
          must_change_password: false,
          failed_login_count: 0,
          locked_until: null,
        });
        await repo.setLastLogin(trx, link.user_id, new Date());
        await repo.deleteOtherSessions(trx, link.user_id, null);
        const actor = { ...systemActor(link.organization_id, link.name), userId: link.user_id };
        await recordAudit(trx, actor, {
          action: link.purpose === 'invitation' ? 'update' : 'password_change',
          entityType: 'user',
          entityId: link.user_id,
          entityLabel: link.name,
          ...(link.status !== 'active' ? { changes: { status: { before: link.status, after: 'active' } } } : {}),
        });
      });
      return startSession(link.user_id);
    },
  };
}
