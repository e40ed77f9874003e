import { holdsAnywhere } from '../../platform/access.js';
import type { ModuleDeps } from '../../platform/module.js';
import { textsFrom, type DashboardContribution } from '../../platform/contributions.js';
import texts from './dashboard.json' with { type: 'json' };

/** Coverage and review figures (the coverage service's KPIs), and the decisions and reviews awaiting the user. */
export const classificationDashboard: DashboardContribution<ModuleDeps> = {
  order: 20,
  texts: textsFrom(texts),
  async figures(actor, { services }) {
    if (!holdsAnywhere(actor, 'classification.read')) return null;
    const k = await services.coverage.kpis(actor);
    const assets = holdsAnywhere(actor, 'asset.read');
    const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
    return [
      { key: 'systemRate', value: percent(k.systemClassificationRate), format: 'percent', link: '/assets/coverage' },
      { key: 'setRate', value: percent(k.setClassificationRate), format: 'percent', link: '/assets/coverage' },
      { key: 'awaitingApproval', value: k.awaitingApproval, link: '/classifications?status=submitted' },
      { key: 'dueWithin30Days', value: k.dueWithin30Days, link: assets ? '/assets?reviewState=due_soon' : null },
      {
        key: 'overdue',
        value: k.overdue,
        link: assets ? '/assets?reviewState=overdue' : null,
        tone: k.overdue > 0 ? 'attention' : 'neutral',
      },
    ];
  },
  async awaiting(actor, { services }) {
    const out = [];
    if (actor.userId && holdsAnywhere(actor, 'classification.approve')) {
      const { total } = await services.classification.list(actor, { awaitingMyDecision: true, sort: '-updatedAt', page: 1, pageSize: 1 });
      out.push({ key: 'decisions', count: total, link: '/classifications' });
    }
    if (actor.userId && holdsAnywhere(actor, 'asset.read')) {
      const reviewState: ('due_soon' | 'overdue')[] = ['due_soon', 'overdue'];
      const { total } = await services.assets.list(actor, { personId: actor.userId, reviewState, sort: 'name', page: 1, pageSize: 1 });
      out.push({ key: 'reviews', count: total, link: `/assets?personId=${actor.userId}&reviewState=${reviewState.join(',')}` });
    }
    return out;
  },
};
