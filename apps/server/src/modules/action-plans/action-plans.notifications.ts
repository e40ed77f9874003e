import { actionPlanSettings } from '@tillit/core/modules/action-plans/rules';
import { kindsFrom, type NotificationDraft, type NotificationProducer } from '../../platform/contributions.js';
import type { ModuleDeps } from '../../platform/module.js';
import kindTexts from './notification-kinds.json' with { type: 'json' };
import * as repo from './action-plans.repository.js';

/**
 * Stale self-assessments, one notice per plan to the asset's owners and steward; the notification
 * centre's digest job gathers them into one mail per person (daily or weekly, as each chose).
 */
export const staleAssessments: NotificationProducer<ModuleDeps> = {
  name: 'plans.stale',
  cron: '15 5 * * *',
  kinds: kindsFrom(kindTexts),
  async produce({ db }, now) {
    const before = new Date(now);
    before.setUTCMonth(before.getUTCMonth() - actionPlanSettings.staleAfterMonths);
    const drafts: NotificationDraft[] = [];
    for (const p of await repo.staleAnswers(db, before)) {
      for (const userId of new Set(p.recipients)) {
        drafts.push({
          organizationId: p.organization_id,
          userId,
          kind: 'plans.assessments_stale',
          entityType: 'action_plan',
          entityId: p.plan_id,
          params: { asset: p.asset_name, count: String(p.stale), months: String(actionPlanSettings.staleAfterMonths) },
          link: `/plans/${p.plan_id}`,
        });
      }
    }
    return drafts;
  },
};
