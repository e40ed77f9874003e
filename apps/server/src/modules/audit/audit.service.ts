import type { z } from 'zod';
import type { auditListQuery, auditVerifyQuery, auditVerifyResult, AuditEventView, AuditVocabularyView, Locale, Page } from '@tillit/core';
import { requireAccess, type Actor } from '../../platform/access.js';
import { verifyWithCheckpoint } from '../../platform/audit/checkpoint.js';
import { auditVocabulary } from '../../platform/audit/vocabulary.js';
import type { Db } from '../../db/database.js';
import { displayEvents } from './audit.display.js';
import * as repo from './audit.repository.js';

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

/** Published to other modules (the start page): the organisation's latest events, newest first, unchecked. */
export function recentEvents(db: Db, organizationId: string, limit: number) {
  return repo.recent(db, organizationId, limit);
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
  return {
    /** A page of events, each with its display values resolved in `locale` (the reader's language). */
    async list(actor: Actor, query: z.output<typeof auditListQuery>, locale: Locale = actor.locale): Promise<Page<AuditEventView>> {
      requireAccess(actor, 'audit.read', { organizationId: actor.organizationId });
      const { rows, total } = await repo.list(db, actor.organizationId, query);
      const display = await displayEvents(db, actor.organizationId, rows, locale);
      return { items: rows.map((r, i) => toAuditView(r, display[i]!)), total, page: query.page, pageSize: query.pageSize };
    },

    /** Every entity type and action events may carry, with both languages' labels. */
    async vocabulary(actor: Actor): Promise<AuditVocabularyView> {
      requireAccess(actor, 'audit.read', { organizationId: actor.organizationId });
      return vocabularyView();
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
