import type { z } from 'zod';
import type { dashboardView } from '@tillit/core';
import type { Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import { holdsAnywhere } from '../../platform/access.js';
import type { ModuleDeps } from '../../platform/module.js';
import { recentEvents } from '../audit/audit.service.js';
import type { DashboardContribution } from './contribution.js';
import * as repo from './dashboard.repository.js';

export interface DashboardService {
  get(actor: Actor): Promise<z.output<typeof dashboardView>>;
}

/** Each module's `dashboard` contribution (its manifest), in their `order`; the module's name keys its section. */
export function createDashboardService(deps: ModuleDeps): DashboardService {
  const { db } = deps;
  const contributions = () =>
    deps.modules
      .flatMap((m): [string, DashboardContribution<ModuleDeps>][] => (m.dashboard ? [[m.name, m.dashboard]] : []))
      .sort(([, a], [, b]) => a.order - b.order);
  return {
    /**
     * The start page for the actor: each module's figures the actor may see, what awaits the actor,
     * the unread notifications and (for readers of the audit log) the latest events.
     */
    async get(actor: Actor) {
      if (!actor.userId && actor.kind !== 'system') throw new AppError('forbidden');
      const parts = await Promise.all(
        contributions().map(async ([module, c]) => {
          const texts = c.texts[actor.locale];
          const label = (key: string) => texts.items[key]?.label ?? key;
          const [figures, awaiting] = await Promise.all([c.figures(actor, deps), c.awaiting ? c.awaiting(actor, deps) : []]);
          return {
            section: figures && {
              module,
              title: texts.title,
              figures: figures.map((f) => ({
                key: f.key,
                label: label(f.key),
                hint: texts.items[f.key]?.hint ?? '',
                value: f.value,
                format: f.format ?? 'count',
                link: f.link,
                tone: f.tone ?? 'neutral',
              })),
            },
            awaiting: awaiting.map((a) => ({ key: `${module}.${a.key}`, label: label(a.key), count: a.count, link: a.link })),
          };
        }),
      );
      const [organizationName, unread, events] = await Promise.all([
        repo.organizationName(db, actor.organizationId),
        actor.userId ? deps.services.notifications.list(actor, { page: 1, pageSize: 5, unread: true }) : null,
        holdsAnywhere(actor, 'audit.read') ? recentEvents(db, actor, 8) : [],
      ]);
      return {
        organizationName: organizationName.name,
        sections: parts.flatMap((p) => (p.section ? [p.section] : [])),
        awaiting: parts.flatMap((p) => p.awaiting),
        notifications: { unread: unread?.unread ?? 0, latest: unread?.items ?? [] },
        recentEvents: events.map((e) => ({
          occurredAt: e.occurred_at.toISOString(),
          actorName: e.actor_name,
          action: e.action,
          entityType: e.entity_type,
          entityLabel: e.entity_label,
        })),
      };
    },
  };
}
