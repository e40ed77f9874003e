import type { z } from 'zod';
import {
  mailText,
  permissionsOf,
  type grantRoleBody,
  type inviteUserBody,
  type updateUserBody,
  type userListQuery,
  type Page,
  type Role,
  type UserView,
} from '@tillit/core';
import { holdsOn, requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkVersion, type ExpectedVersion } from '../../platform/concurrency.js';
import { newSecret, sha256 } from '../../platform/auth/secrets.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import type { Db, Trx } from '../../db/database.js';
import type { Config } from '../../config.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import * as repo from './users.repository.js';
import { findUnit } from '../units/units.service.js';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
type GrantRow = Awaited<ReturnType<typeof repo.grantsOf>>[number];

const LINK_DAYS = 7;

export function toUserView(u: UserRow, grants: GrantRow[]): UserView {
  return {
    id: u.id,
    rowVersion: u.row_version,
    email: u.email,
    name: u.name,
    status: u.status as UserView['status'],
    locale: u.locale === 'en' ? 'en' : 'sv',
    lockedUntil: u.locked_until && u.locked_until > new Date() ? u.locked_until.toISOString() : null,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
    roles: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({ id: g.id, role: g.role as Role, unitId: g.unit_id, unitName: g.unit_name })),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;

/**
 * Published to the auth module, which signs people in and sets their passwords in its own
 * transactions: reading an account and changing its sign-in fields.
 */
export const userAccounts = {
  findById: repo.findById,
  findAllByEmail: repo.findAllByEmail,
  updateUser: repo.updateUser,
  invalidateLinks: repo.invalidateLinks,
};

export function createUsersService(db: Db, config: Config, mailer: Mailer) {
  async function view(dbOrTrx: Db | Trx, u: UserRow) {
    return toUserView(u, await repo.grantsOf(dbOrTrx, [u.id]));
  }

  async function load(actor: Actor, id: string): Promise<UserRow> {
    const user = await repo.findById(db, actor.organizationId, id);
    if (!user) throw new AppError('not_found');
    return user;
  }

  /**
   * Managing a person reaches only as far as the actor's own role: the actor needs the permission on
   * every unit where the person holds a role, and every permission of each role the person holds
   * there (the role ceiling), so an admin of one unit cannot take over (reset, disable, unlock,
   * rename) someone whose roles lie elsewhere or above her own — a reset link would otherwise sign
   * her in as that person. Platform administrators are managed only by their peers.
   */
  async function requireManages(actor: Actor, user: UserRow) {
    if (user.is_platform_admin && !actor.isPlatformAdmin) throw new AppError('forbidden');
    for (const { role, path } of await repo.reachOf(db, user.organization_id, user.id)) {
      requireAccess(actor, 'user.manage', { organizationId: user.organization_id, unitPath: path });
      if (role) requireRoleCeiling(actor, role as Role, path, 'user_above_own');
    }
  }

  /**
   * A role may be granted only by someone who holds every permission of that role on the unit, so
   * an admin of one unit cannot hand out a security coordinator's approvals. The one exception is
   * role management on the organisation's top unit: someone has to appoint the first coordinators,
   * and that admin already governs everyone (docs/adr/0013-sign-in-and-role-ceilings.md).
   */
  function requireRoleCeiling(
    actor: Actor,
    role: Role,
    unitPath: readonly string[],
    code: 'role_above_own' | 'user_above_own' = 'role_above_own',
  ) {
    if (unitPath.length && holdsOn(actor, 'role.manage', unitPath.slice(0, 1))) return;
    for (const p of permissionsOf(role))
      if (!holdsOn(actor, p, unitPath))
        throw new AppError(code, { ...(code === 'role_above_own' ? { field: 'role' } : {}), permission: p });
  }

  async function unitPathOf(dbOrTrx: Db | Trx, actor: Actor, unitId: string) {
    const unit = await findUnit(dbOrTrx, actor.organizationId, unitId);
    if (!unit) throw new AppError('unknown_unit', { field: 'unitId' });
    if (unit.closed_at) throw new AppError('unit_closed');
    return unit.path;
  }

  /** A one-time link (invitation or reset); mailed through the job queue when a mail server is set up. */
  async function issueLink(trx: Trx, user: UserRow, purpose: 'invitation' | 'password_reset', organizationName: string) {
    const token = newSecret();
    await repo.invalidateLinks(trx, user.id);
    await repo.insertLink(trx, {
      user_id: user.id,
      purpose,
      token_hash: sha256(token),
      expires_at: new Date(Date.now() + LINK_DAYS * 86_400_000),
    });
    const link = `${config.publicUrl}/link/${token}`;
    if (mailer.enabled) {
      const locale = user.locale === 'en' ? 'en' : 'sv';
      const params = { name: user.name, organization: organizationName, link };
      const [subject, body] =
        purpose === 'invitation'
          ? (['invitation_subject', 'invitation_body'] as const)
          : (['password_reset_subject', 'password_reset_body'] as const);
      await enqueueJob(trx, 'mail.send', {
        to: user.email,
        subject: mailText(locale, subject, params),
        text: mailText(locale, body, params),
      });
    }
    // With mail set up the link goes only to its addressee: an admin who could read it could accept
    // an invitation as someone else (and approve their own work through that account).
    return {
      link: mailer.enabled ? null : link,
      mailed: mailer.enabled,
      delivery: mailer.enabled ? ('mailed' as const) : ('shown' as const),
    };
  }

  const organizationName = (dbOrTrx: Db | Trx, organizationId: string) => repo.organizationName(dbOrTrx, organizationId);

  const service = {
    async list(actor: Actor, query: z.output<typeof userListQuery>): Promise<Page<UserView>> {
      requireAccess(actor, 'user.read', { organizationId: actor.organizationId });
      const page = await repo.list(db, actor.organizationId, query);
      const grants = await repo.grantsOf(
        db,
        page.items.map((r) => r.id),
      );
      return { ...page, items: page.items.map((r) => toUserView(r, grants)) };
    },

    async get(actor: Actor, id: string): Promise<UserView> {
      requireAccess(actor, 'user.read', { organizationId: actor.organizationId });
      return view(db, await load(actor, id));
    },

    /** Used by `create organisation` too, inside its transaction. */
    async inviteInTransaction(trx: Trx, actor: Actor, input: z.output<typeof inviteUserBody>) {
      const unitPath = await unitPathOf(trx, actor, input.unitId);
      requireAccess(actor, 'user.manage', { organizationId: actor.organizationId });
      requireAccess(actor, 'role.manage', { organizationId: actor.organizationId, unitPath });
      if (await repo.findByEmailInOrganization(trx, actor.organizationId, input.email))
        throw new AppError('duplicate_email', { field: 'email' });
      requireRoleCeiling(actor, input.role, unitPath);
      const user = await repo.insertUser(trx, {
        organization_id: actor.organizationId,
        email: input.email,
        name: input.name,
        status: 'invited',
      });
      const grant = await repo.insertGrant(trx, {
        organization_id: actor.organizationId,
        user_id: user.id,
        role: input.role,
        unit_id: input.unitId,
      });
      const { link, mailed, delivery } = await issueLink(trx, user, 'invitation', await organizationName(trx, actor.organizationId));
      await recordAudit(trx, actor, {
        action: 'invite',
        entityType: 'user',
        entityId: user.id,
        entityLabel: user.name,
        unitId: input.unitId,
        after: { email: user.email, name: user.name, status: user.status, linkDelivery: delivery },
      });
      await recordAudit(trx, actor, {
        action: 'grant',
        entityType: 'role_assignment',
        entityId: grant!.id,
        entityLabel: user.name,
        unitId: input.unitId,
        after: { role: input.role, unitId: input.unitId, userId: user.id },
      });
      return { user: await view(trx, user), link, mailed };
    },

    invite(actor: Actor, input: z.output<typeof inviteUserBody>) {
      requireAccess(actor, 'user.manage', { organizationId: actor.organizationId });
      return db.transaction().execute((trx) => service.inviteInTransaction(trx, actor, input));
    },

    async update(actor: Actor, id: string, input: z.output<typeof updateUserBody>, expected?: ExpectedVersion): Promise<UserView> {
      requireAccess(actor, 'user.manage', { organizationId: actor.organizationId });
      await requireManages(actor, await load(actor, id));
      return db.transaction().execute(async (trx) => {
        const before = (await repo.findForUpdate(trx, actor.organizationId, id))!;
        await checkVersion(before.row_version, expected, () => view(trx, before));
        if (
          input.status === 'disabled' &&
          before.status === 'active' &&
          (await repo.otherActiveAdmins(trx, actor.organizationId, id)) === 0
        ) {
          const isAdmin = (await repo.grantsOf(trx, [id])).some((g) => g.role === 'admin');
          if (isAdmin) throw new AppError('last_admin');
        }
        // An invited user who has not chosen a password stays invited until they accept.
        const status = input.status === 'active' && !before.password_hash ? 'invited' : input.status;
        const after = await repo.updateUser(trx, id, { ...(input.name ? { name: input.name } : {}), ...(status ? { status } : {}) });
        if (status === 'disabled') {
          await repo.deleteSessions(trx, id);
          // An outstanding reset or invitation link must not bring a disabled account back.
          await repo.invalidateLinks(trx, id);
        }
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'user',
          entityId: id,
          entityLabel: after.name,
          before: { name: before.name, status: before.status },
          after: { name: after.name, status: after.status },
        });
        return view(trx, after);
      });
    },

    async grantRole(actor: Actor, id: string, input: z.output<typeof grantRoleBody>): Promise<UserView> {
      const user = await load(actor, id);
      const unitPath = await unitPathOf(db, actor, input.unitId);
      requireAccess(actor, 'role.manage', { organizationId: actor.organizationId, unitPath });
      // Nobody raises their own rights, not even an admin: a second person must grant them.
      if (actor.userId === id) throw new AppError('role_self_grant', { field: 'role' });
      requireRoleCeiling(actor, input.role, unitPath);
      return db.transaction().execute(async (trx) => {
        const grant = await repo.insertGrant(trx, {
          organization_id: actor.organizationId,
          user_id: id,
          role: input.role,
          unit_id: input.unitId,
        });
        if (grant) {
          await recordAudit(trx, actor, {
            action: 'grant',
            entityType: 'role_assignment',
            entityId: grant.id,
            entityLabel: user.name,
            unitId: input.unitId,
            after: { role: input.role, unitId: input.unitId, userId: id },
          });
        }
        return view(trx, user);
      });
    },

    async revokeRole(actor: Actor, id: string, grantId: string): Promise<UserView> {
      const user = await load(actor, id);
      const grant = await repo.findGrant(db, id, grantId);
      if (!grant) throw new AppError('not_found');
      const unit = await findUnit(db, actor.organizationId, grant.unit_id);
      requireAccess(actor, 'role.manage', { organizationId: actor.organizationId, unitPath: unit?.path ?? [] });
      // Taking a role away needs the same ceiling as giving it (docs/adr/0013-sign-in-and-role-ceilings.md).
      requireRoleCeiling(actor, grant.role as Role, unit?.path ?? []);
      return db.transaction().execute(async (trx) => {
        if (
          grant.role === 'admin' &&
          !unit?.parent_id &&
          user.status === 'active' &&
          (await repo.otherActiveAdmins(trx, actor.organizationId, id, grantId)) === 0
        ) {
          throw new AppError('last_admin');
        }
        await repo.deleteGrant(trx, grantId);
        await recordAudit(trx, actor, {
          action: 'revoke',
          entityType: 'role_assignment',
          entityId: grantId,
          entityLabel: user.name,
          unitId: grant.unit_id,
          before: { role: grant.role, unitId: grant.unit_id, userId: id },
        });
        return view(trx, user);
      });
    },

    async resetPassword(actor: Actor, id: string) {
      requireAccess(actor, 'user.manage', { organizationId: actor.organizationId });
      const user = await load(actor, id);
      await requireManages(actor, user);
      if (user.status === 'disabled') throw new AppError('user_disabled');
      return db.transaction().execute(async (trx) => {
        const purpose = user.status === 'invited' ? 'invitation' : 'password_reset';
        const { link, mailed, delivery } = await issueLink(trx, user, purpose, await organizationName(trx, actor.organizationId));
        await recordAudit(trx, actor, {
          action: 'password_reset',
          entityType: 'user',
          entityId: id,
          entityLabel: user.name,
          changes: { linkDelivery: { after: delivery } },
        });
        return { user: await view(trx, user), link, mailed };
      });
    },

    async unlock(actor: Actor, id: string): Promise<UserView> {
      requireAccess(actor, 'user.manage', { organizationId: actor.organizationId });
      const user = await load(actor, id);
      await requireManages(actor, user);
      return db.transaction().execute(async (trx) => {
        const after = await repo.updateUser(trx, id, { failed_login_count: 0, locked_until: null });
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'user',
          entityId: id,
          entityLabel: user.name,
          changes: { lockedUntil: { before: user.locked_until?.toISOString() ?? null, after: null } },
        });
        return view(trx, after);
      });
    },
  };
  return service;
}
