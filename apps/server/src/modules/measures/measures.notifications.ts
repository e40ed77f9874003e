import { addDays, measureWorkflow, stockholmToday } from '@tillit/core/modules/measures/rules';
import { kindsFrom, type NotificationProducer } from '../../platform/contributions.js';
import type { ModuleDeps } from '../../platform/module.js';
import kindTexts from './notification-kinds.json' with { type: 'json' };
import * as repo from './measures.repository.js';

const kinds = kindsFrom(kindTexts);

/**
 * Open measures due within the due-soon window (data) and overdue ones, to their owners. The
 * notification centre keeps one notice per user, kind, measure and day, and the daily or weekly
 * digest mails them together, so an owner of twenty late measures gets one e-mail.
 */
export const measureDueReminders: NotificationProducer<ModuleDeps> = {
  name: 'measures.due',
  cron: '15 5 * * *',
  runAtStart: true,
  kinds,
  async produce({ db }, now) {
    const today = stockholmToday(now);
    return (await repo.dueForReminder(db, addDays(today, measureWorkflow.dueSoonDays))).map((m) => ({
      organizationId: m.organization_id,
      userId: m.owner_id,
      kind: m.due_date < today ? 'measure.overdue' : 'measure.due_soon',
      entityType: 'measure',
      entityId: m.id,
      params: { measure: m.title, date: m.due_date },
      link: `/measures/${m.id}`,
    }));
  },
};

export const measureProducers = [measureDueReminders];
