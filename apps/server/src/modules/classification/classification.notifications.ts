import { DUE_SOON_DAYS, roleGrants, roles, reviewStateOf } from '@tillit/core';
import { kindsFrom, type NotificationDraft, type NotificationProducer } from '../../platform/contributions.js';
import type { ModuleDeps } from '../../platform/module.js';
import kindTexts from './notification-kinds.json' with { type: 'json' };
import * as repo from './reminders.repository.js';

const kinds = kindsFrom(kindTexts);

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Reviews due within the "due soon" window (the same rule as the lists) and overdue ones, to the asset's owners and steward. */
export const reviewReminders: NotificationProducer<ModuleDeps> = {
  name: 'classification.reviews',
  cron: '0 5 * * *',
  runAtStart: true,
  kinds: kinds.filter((k) => k.kind.startsWith('classification.review_')),
  async produce({ db }, now) {
    const drafts: NotificationDraft[] = [];
    for (const a of await repo.reviewsDue(db, now, DUE_SOON_DAYS)) {
      const state = reviewStateOf(a.review_due_at, now);
      if (state !== 'overdue' && state !== 'due_soon') continue;
      const kind = state === 'overdue' ? 'classification.review_overdue' : 'classification.review_due';
      for (const userId of new Set(a.recipients)) {
        drafts.push({
          organizationId: a.organization_id,
          userId,
          kind,
          entityType: 'asset',
          entityId: a.id,
          params: { asset: a.name, date: day(a.review_due_at) },
          link: `/assets/${a.id}`,
        });
      }
    }
    return drafts;
  },
};

/** Submitted classifications, to each user who may decide them. Roles come from the role data. */
export const decisionReminders: NotificationProducer<ModuleDeps> = {
  name: 'classification.decisions',
  cron: '0 * * * *',
  runAtStart: true,
  kinds: kinds.filter((k) => k.kind === 'classification.awaiting_decision'),
  async produce({ db }) {
    const deciding = roles.filter((r) => roleGrants(r, 'classification.approve'));
    return (await repo.awaitingDecision(db, deciding)).map((v) => ({
      organizationId: v.organization_id,
      userId: v.decider_id,
      kind: 'classification.awaiting_decision',
      entityType: 'classification_version',
      entityId: v.version_id,
      params: { asset: v.asset_name },
      link: `/classifications/${v.version_id}`,
    }));
  },
};

/**
 * Reasons to review reach people (issue 9, item 5): a fact the decided classification rests on changed,
 * or a new integration may call for a raise. To the asset's information owner and steward, once per new reason.
 */
export const reviewReasonNotices: NotificationProducer<ModuleDeps> = {
  name: 'classification.review_reasons',
  cron: '*/15 * * * *',
  runAtStart: true,
  kinds: kinds.filter((k) => k.kind === 'classification.facts_changed' || k.kind === 'classification.integration_added'),
  async produce({ db }) {
    return (await repo.reviewReasons(db)).map((a) => ({
      organizationId: a.organization_id,
      userId: a.recipient,
      kind: a.integration ? 'classification.integration_added' : 'classification.facts_changed',
      entityType: 'asset',
      entityId: a.id,
      params: { asset: a.name },
      link: `/assets/${a.id}`,
    }));
  },
};

export const classificationProducers = [reviewReminders, decisionReminders, reviewReasonNotices];
