import type { ModuleDeps } from '../../platform/module.js';
import { textsFrom, type DashboardContribution } from '../../platform/contributions.js';
import texts from './dashboard.json' with { type: 'json' };

/** The reader's own measures in figures (Mina åtgärder), and those overdue or due soon as awaiting them. */
export const measuresDashboard: DashboardContribution<ModuleDeps> = {
  order: 30,
  texts: textsFrom(texts),
  async figures(actor, { services }) {
    const c = await services.measures.mine(actor);
    if (!c) return null;
    return [
      { key: 'open', value: c.open, link: '/measures/mine' },
      { key: 'overdue', value: c.overdue, link: '/measures/mine?view=overdue', tone: c.overdue > 0 ? 'attention' : 'neutral' },
      { key: 'dueSoon', value: c.due_soon, link: '/measures/mine' },
      { key: 'unverified', value: c.unverified, link: '/measures/mine?view=unverified' },
    ];
  },
  async awaiting(actor, { services }) {
    const c = await services.measures.mine(actor);
    return c ? [{ key: 'mineDue', count: c.overdue + c.due_soon, link: '/measures/mine' }] : [];
  },
};
