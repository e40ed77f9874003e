import type { z } from 'zod';
import type {
  auditListQuery,
  auditReceipt,
  auditVerifyBody,
  auditVerifyResult,
  AuditEventView,
  AuditVocabularyView,
  Locale,
  Page,
} from '@tillit/core';
import { grantedUnitIds, requireAccess, type Actor } from '../../platform/access.js';
import { verifyWithCheckpoint } from '../../platform/audit/checkpoint.js';
import { auditVocabulary } from '../../platform/audit/vocabulary.js';
import { createRateLimiter, VERIFY_LIMITS } from '../../platform/audit/rate-limit.js';
import { signReceipt } from '../../platform/audit/receipts.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../db/database.js';
import { displayEvents } from './audit.display.js';
import * as repo from './audit.repository.js';
import { findRootUnit } from '../units/units.service.js';

type Row = Awaited<ReturnType<typeof repo.recent>>[number];

export function toAuditView(r: Row, display: AuditEventView['display']): AuditEventView {
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
    display,
  };
}

/**
 * Which events the reader may see: an event concerns the unit it carries, so a reader of one
 * förvaltning sees that sub-tree's events only; events without a unit (sign-ins, organisation
 * settings) only readers on the top unit. null = the whole organisation.
 */
async function readScope(db: Db, actor: Actor): Promise<string[] | null> {
  if (actor.kind === 'system') return null;
  const granted = grantedUnitIds(actor, 'audit.read');
  const root = await findRootUnit(db, actor.organizationId);
  return root && granted.includes(root.id) ? null : granted;
}

/** Published to other modules (the start page): the latest events the reader may see, newest first. */
export async function recentEvents(db: Db, actor: Actor, limit: number) {
  return repo.recent(db, actor.organizationId, limit, await readScope(db, actor));
}

/** The vocabulary as the API serves it, sorted by its Swedish label (the order the filters show). */
export function vocabularyView(): AuditVocabularyView {
  const v = auditVocabulary();
  const entries = (m: Map<string, { sv: string; en: string }>) =>
    [...m]
      .map(([code, label]) => ({ code, label: { sv: label.sv, en: label.en } }))
      .sort((a, b) => a.label.sv.localeCompare(b.label.sv, 'sv'));
  return { entityTypes: entries(v.entityTypes), actions: entries(v.actions) };
}

export function createAuditService(db: Db) {
  const limiter = createRateLimiter(VERIFY_LIMITS);
  return {
    /** A page of events, each with its display values resolved in `locale` (the reader's language). */
    async list(actor: Actor, query: z.output<typeof auditListQuery>, locale: Locale = actor.locale): Promise<Page<AuditEventView>> {
      requireAccess(actor, 'audit.read', { organizationId: actor.organizationId });
      const page = await repo.list(db, actor.organizationId, { ...query, unitScope: await readScope(db, actor) });
      const display = await displayEvents(db, actor.organizationId, page.items, locale);
      return { ...page, items: page.items.map((r, i) => toAuditView(r, display[i]!)) };
    },

    /** Every entity type and action events may carry, with both languages' labels. */
    async vocabulary(actor: Actor): Promise<AuditVocabularyView> {
      requireAccess(actor, 'audit.read', { organizationId: actor.organizationId });
      return vocabularyView();
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
      if (!r.ok || !r.lastIntact)
        throw new AppError('conflict', { reason: r.ok ? 'empty_chain' : 'chain_broken', firstBrokenId: r.firstBrokenId });
      return signReceipt(actor.organizationId, r.lastIntact);
    },
  };
}
