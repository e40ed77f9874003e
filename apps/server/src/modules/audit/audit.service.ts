import type { z } from 'zod';
import type { auditListQuery, AuditEventView, Page } from '@tillit/core';
import { requireAccess, type Actor } from '../../platform/access.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
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
      const { rows, total } = await repo.list(db, actor.organizationId, query);
      return { items: rows.map(toAuditView), total, page: query.page, pageSize: query.pageSize };
    },

    async verify(actor: Actor) {
      requireAccess(actor, 'audit.read', { organizationId: actor.organizationId });
      const r = await verifyAuditChain(db, actor.organizationId);
      return { ok: r.ok, checked: r.checked, firstBrokenId: r.firstBrokenId };
    },
  };
}
