import type { z } from 'zod';
import type { Locale, NotificationPreferences, notificationListQuery, updateNotificationPreferencesBody } from '@tillit/core';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/access.js';
import type { Db } from '../../db/database.js';
import { fill, type NotificationDraft, type NotificationKind } from './kinds.js';
import * as repo from './notifications.repository.js';

/** Notifications are a user's own: every method needs a user (a session or a user's API token). */
function userOf(actor: Actor): string {
  if (!actor.userId) throw new AppError('forbidden');
  return actor.userId;
}

export function createNotificationsService(db: Db, kinds: () => NotificationKind[]) {
  const kindOf = (kind: string) => kinds().find((k) => k.kind === kind);
  const textsOf = (kind: string, locale: Locale) => kindOf(kind)?.texts[locale];
  const mutedOf = async (userId: string) => (await repo.preferences(db, userId))?.muted_kinds ?? [];

  return {
    /** The text of a stored notice in the reader's language. */
    render(kind: string, params: Record<string, string>, locale: Locale) {
      const t = textsOf(kind, locale);
      return { kindLabel: t?.label ?? kind, title: t ? fill(t.title, params) : kind };
    },

    async list(actor: Actor, query: z.output<typeof notificationListQuery>) {
      const userId = userOf(actor);
      const { rows, total, unread } = await repo.list(db, userId, await mutedOf(userId), query);
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          ...this.render(r.kind, r.params, actor.locale),
          link: r.link,
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at?.toISOString() ?? null,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
        unread,
      };
    },

    async unreadCount(actor: Actor) {
      const userId = userOf(actor);
      return { unread: await repo.unreadCount(db, userId, await mutedOf(userId)) };
    },

    // Reading a notice changes only the reader's own view of it, like a session's last use: it
    // writes no audit event (the audit trail records changes to the management system).
    async markRead(actor: Actor, id: string) {
      if (!(await repo.markRead(db, userOf(actor), id))) throw new AppError('not_found');
    },

    async markAllRead(actor: Actor) {
      return { updated: await repo.markAllRead(db, userOf(actor)) };
    },

    async preferences(actor: Actor): Promise<NotificationPreferences> {
      const userId = userOf(actor);
      const p = await repo.preferences(db, userId);
      const muted = new Set(p?.muted_kinds ?? []);
      return {
        digest: p?.digest ?? 'off',
        kinds: kinds().map((k) => ({
          kind: k.kind,
          label: k.texts[actor.locale].label,
          description: k.texts[actor.locale].description,
          inApp: !muted.has(k.kind),
        })),
      };
    },

    async updatePreferences(actor: Actor, input: z.output<typeof updateNotificationPreferencesBody>): Promise<NotificationPreferences> {
      const userId = userOf(actor);
      for (const kind of Object.keys(input.inApp ?? {})) {
        if (!kindOf(kind)) throw new AppError('unknown_notification_kind', { field: `inApp.${kind}` });
      }
      await db.transaction().execute(async (trx) => {
        const before = await repo.preferences(trx, userId);
        const muted = new Set(before?.muted_kinds ?? []);
        for (const [kind, on] of Object.entries(input.inApp ?? {})) {
          if (on) muted.delete(kind);
          else muted.add(kind);
        }
        const after = { digest: input.digest ?? before?.digest ?? 'off', mutedKinds: [...muted].sort() };
        const old = { digest: before?.digest ?? 'off', mutedKinds: [...(before?.muted_kinds ?? [])].sort() };
        if (JSON.stringify(after) === JSON.stringify(old)) return; // nothing changed: no event
        await repo.savePreferences(trx, {
          user_id: userId,
          organization_id: actor.organizationId,
          muted_kinds: after.mutedKinds,
          digest: after.digest,
        });
        const named = (p: { digest: string; mutedKinds: string[] }) => ({
          digest: p.digest,
          mutedKinds: p.mutedKinds.map((k) => kindOf(k)?.texts.sv.label ?? k),
        });
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'notification_preferences',
          entityId: userId,
          entityLabel: actor.name,
          before: named(old),
          after: named(after),
        });
      });
      return this.preferences(actor);
    },

    /** Stores what producers report (see `repo.deliver` for who gets what, and the daily deduplication). */
    deliver(drafts: NotificationDraft[]) {
      return repo.deliver(
        db,
        drafts.filter((d) => kindOf(d.kind)),
      );
    },

    usersWithRole: (organizationId: string, roles: string[], unitPath?: string[]) =>
      repo.usersWithRole(db, organizationId, roles, unitPath),
    organizationIds: () => repo.organizationIds(db),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
