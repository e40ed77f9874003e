import type { z } from 'zod';
import type { auditListQuery, auditReceipt, auditVerifyBody, auditVerifyResult, AuditEventView, Page } from '@tillit/core';
import { requireAccess, type Actor } from '../../platform/access.js';
import { verifyWithCheckpoint } from '../../platform/audit/checkpoint.js';
import { createRateLimiter, VERIFY_LIMITS } from '../../platform/audit/rate-limit.js';
import { signReceipt } from '../../platform/audit/receipts.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../db/database.js';
import * as repo from './audit.repository.js';

type Row = Awaited<ReturnType<typeof repo.recent>>[number];

export function toAuditView(r: Row): AuditEventView {
  return {
    id: String(r.id),
    occurredAt: r.occurred_at.toISOString(),
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityLabel: r.entity_label,
    unitId: r.unit_id,
    changes: (r.changes as AuditEventView['changes']) ?? null,
  };
}

export function createAuditService(db: Db) {
  const limiter = createRateLimiter(VERIFY_LIMITS);
  return {
    async list(actor: Actor, query: z.output<typeof auditListQuery>): Promise<Page<AuditEventView>> {
      requireAccess(actor, 'audit.read', { organizationId: actor.organizationId });
      const { rows, total } = await repo.list(db, actor.organizationId, query);
      return { items: rows.map(toAuditView), total, page: query.page, pageSize: query.pageSize };
    },

    /** Verifies from the organisation's checkpoint on (or everything with `full`) and advances it when intact. */
    async verify(actor: Actor, body: z.output<typeof auditVerifyBody>): Promise<z.output<typeof auditVerifyResult>> {
      requireAccess(actor, 'audit.read', { organizationId: actor.organizationId });
      limiter.take(body.full ? 'full' : 'incremental', actor.organizationId);
      const r = await verifyWithCheckpoint(db, actor.organizationId, { full: body.full, by: { userId: actor.userId, name: actor.name } });
      const from = r.fromCheckpoint;
      return {
        ok: r.ok,
        checked: r.checked,
        firstBrokenId: r.firstBrokenId,
        fromCheckpoint: from && {
          eventId: String(from.eventId),
          verifiedAt: from.verifiedAt.toISOString(),
          verifiedByName: from.verifiedByName,
        },
      };
    },

    /**
     * A signed receipt for the chain's head, after verifying it from the checkpoint (a broken chain
     * gets none: a receipt vouches for what it names). Counts as an incremental verification.
     */
    async receipt(actor: Actor): Promise<z.output<typeof auditReceipt>> {
      requireAccess(actor, 'audit.read', { organizationId: actor.organizationId });
      limiter.take('incremental', actor.organizationId);
      const r = await verifyWithCheckpoint(db, actor.organizationId, { full: false, by: { userId: actor.userId, name: actor.name } });
      if (!r.ok || !r.lastIntact) throw new AppError('conflict', { reason: r.ok ? 'empty_chain' : 'chain_broken', firstBrokenId: r.firstBrokenId });
      return signReceipt(actor.organizationId, r.lastIntact);
    },
  };
}
