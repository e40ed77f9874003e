import type { z } from 'zod';
import type { auditListQuery, auditVerifyQuery, auditVerifyResult, AuditEventView, Page } from '@tillit/core';
import { requireAccess, type Actor } from '../../platform/access.js';
import { verifyWithCheckpoint } from '../../platform/audit/checkpoint.js';
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
  return {
    async list(actor: Actor, query: z.output<typeof auditListQuery>): Promise<Page<AuditEventView>> {
      requireAccess(actor, 'audit.read', { organizationId: actor.organizationId });
      const page = await repo.list(db, actor.organizationId, query);
      return { ...page, items: page.items.map(toAuditView) };
    },

    /** Verifies from the organisation's checkpoint on (or everything with `full`) and advances it when intact. */
    async verify(actor: Actor, query: z.output<typeof auditVerifyQuery>): Promise<z.output<typeof auditVerifyResult>> {
      requireAccess(actor, 'audit.read', { organizationId: actor.organizationId });
      const r = await verifyWithCheckpoint(db, actor.organizationId, { full: query.full, by: { userId: actor.userId, name: actor.name } });
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
  };
}
