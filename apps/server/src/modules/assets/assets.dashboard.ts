import { holdsAnywhere } from '../../platform/access.js';
import type { ModuleDeps } from '../../platform/module.js';
import { textsFrom, type DashboardContribution } from '../../platform/contributions.js';
import texts from './dashboard.json' with { type: 'json' };

const kinds = [
  ['informationSets', 'information_set'],
  ['systems', 'system'],
  ['processes', 'process'],
] as const;
const live = ['planned', 'in_use', 'phasing_out'] as const;

/** The inventory's size per kind, counted by the assets service in the units the user may read. */
export const assetsDashboard: DashboardContribution<ModuleDeps> = {
  order: 10,
  texts: textsFrom(texts),
  async figures(actor, { services }) {
    if (!holdsAnywhere(actor, 'asset.read')) return null;
    return Promise.all(
      kinds.map(async ([key, kind]) => ({
        key,
        value: (await services.assets.list(actor, { kind: [kind], lifecycle: [...live], sort: 'name', page: 1, pageSize: 1 })).total,
        link: `/assets?kind=${kind}&lifecycle=${live.join(',')}`,
      })),
    );
  },
};
