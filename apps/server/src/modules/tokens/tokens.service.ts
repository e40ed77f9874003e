import type { z } from 'zod';
import type { createTokenBody } from '@tillit/core';
import { holdsOn, requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { newSecret, sha256 } from '../../platform/auth/secrets.js';
import type { Db } from '../../db/database.js';
import * as repo from './tokens.repository.js';
import { findRootUnit } from '../units/units.service.js';

type Row = {
  id: string;
  name: string;
  scope: string;
  user_id: string;
  user_name: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

const toView = (t: Row) => ({
  id: t.id,
  name: t.name,
  scope: t.scope as 'read' | 'write',
  userId: t.user_id,
  userName: t.user_name,
  createdAt: t.created_at.toISOString(),
  expiresAt: t.expires_at?.toISOString() ?? null,
  lastUsedAt: t.last_used_at?.toISOString() ?? null,
  revokedAt: t.revoked_at?.toISOString() ?? null,
});

/** API tokens for integrations. A token acts as the user who made it, limited to its scope; only a hash is stored. */
export function createTokensService(db: Db) {
  /**
   * A token acts with its maker's rights, so managing other people's tokens is for those who manage
   * tokens on the organisation's top unit; everyone else sees and revokes only their own.
   */
  async function managesAll(actor: Actor) {
    if (actor.kind === 'system') return true;
    const root = await findRootUnit(db, actor.organizationId);
    return Boolean(root) && holdsOn(actor, 'token.manage', [root!.id]);
  }

  return {
    async list(actor: Actor) {
      requireAccess(actor, 'token.manage', { organizationId: actor.organizationId });
      const rows = await repo.listByOrg(
        db,
        actor.organizationId,
        (await managesAll(actor)) ? undefined : (actor.userId ?? '00000000-0000-0000-0000-000000000000'),
      );
      return rows.map(toView);
    },

    async create(actor: Actor, input: z.output<typeof createTokenBody>) {
      requireAccess(actor, 'token.manage', { organizationId: actor.organizationId });
      if (!actor.userId || actor.kind !== 'user') throw new AppError('forbidden');
      const secret = newSecret('tillit_');
      return db.transaction().execute(async (trx) => {
        const row = await repo.insert(trx, {
          organization_id: actor.organizationId,
          user_id: actor.userId!,
          name: input.name,
          scope: input.scope,
          token_hash: sha256(secret),
          expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
        });
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'api_token',
          entityId: row.id,
          entityLabel: input.name,
          after: { name: input.name, scope: input.scope },
        });
        // Read in the transaction: the new row is not visible outside it before commit.
        const created = (await repo.findById(trx, row.id))!;
        return { token: toView(created), secret };
      });
    },

    async revoke(actor: Actor, id: string) {
      requireAccess(actor, 'token.manage', { organizationId: actor.organizationId });
      const token = await repo.findInOrg(db, actor.organizationId, id);
      // Someone else's token is not found for a reader who may not manage it (its existence does not leak).
      if (!token || (token.user_id !== actor.userId && !(await managesAll(actor)))) throw new AppError('not_found');
      if (token.revoked_at) return;
      await db.transaction().execute(async (trx) => {
        await repo.revoke(trx, id, new Date());
        await recordAudit(trx, actor, { action: 'revoke', entityType: 'api_token', entityId: id, entityLabel: token.name });
      });
    },
  };
}
