import type { z } from 'zod';
import type { dashboardView } from '@tillit/core';
import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { holdsAnywhere } from '../../platform/access.js';
import type { Db } from '../../db/database.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import * as auditRepo from '../audit/audit.repository.js';
import type { DashboardContribution } from './contribution.js';
import * as repo from './dashboard.repository.js';

export interface DashboardService {
  get(actor: Actor): Promise<z.output<typeof dashboardView>>;
}

/**
 * `services` is the finished set of services, handed to each contribution (which says in its type
 * what it uses of it); it is a function because this service is one of them.
 */
export function createDashboardService(db: Db, notifications: NotificationsService, services: () => unknown, contributions: () => DashboardContribution<any>[]): DashboardService {
  return {
    /**
     * The start page for the actor: each module's figures the actor may see, what awaits the actor,
     * the unread notifications and (for readers of the audit log) the latest events.
     */
    async get(actor: Actor) {
      if (!actor.userId && actor.kind !== 'system') throw new AppError('forbidden');
      const s = services();
      const parts = await Promise.all(
        contributions().map(async (c) => {
          const texts = c.texts[actor.locale];
          const label = (key: string) => texts.items[key]?.label ?? key;
          const [figures, awaiting] = await Promise.all([c.figures(actor, s), c.awaiting ? c.awaiting(actor, s) : []]);
          return {
            section: figures && {
              module: c.module,
              title: texts.title,
              figures: figures.map((f) => ({ key: f.key, label: label(f.key), hint: texts.items[f.key]?.hint ?? '', value: f.value, format: f.format ?? 'count', link: f.link, tone: f.tone ?? 'neutral' })),
            },
            awaiting: awaiting.map((a) => ({ key: `${c.module}.${a.key}`, label: label(a.key), count: a.count, link: a.link })),
          };
        }),
      );
      const [organizationName, unread, events] = await Promise.all([
        repo.organizationName(db, actor.organizationId),
        actor.userId ? notifications.list(actor, { page: 1, pageSize: 5, unread: true }) : null,
        holdsAnywhere(actor, 'audit.read') ? auditRepo.recent(db, actor.organizationId, 8) : [],
      ]);
      return {
        organizationName,
        sections: parts.flatMap((p) => (p.section ? [p.section] : [])),
        awaiting: parts.flatMap((p) => p.awaiting),
        notifications: { unread: unread?.unread ?? 0, latest: unread?.items ?? [] },
        recentEvents: events.map((e) => ({ occurredAt: e.occurred_at.toISOString(), actorName: e.actor_name, action: e.action, entityType: e.entity_type, entityLabel: e.entity_label })),
      };
    },
  };
}
