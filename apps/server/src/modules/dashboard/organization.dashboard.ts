import { holdsAnywhere, type Actor } from '../../platform/access.js';
import type { ModuleDeps } from '../../platform/module.js';
import { textsFrom, type DashboardContribution } from './contribution.js';
import texts from './dashboard.json' with { type: 'json' };
import * as repo from './dashboard.repository.js';

/** The foundation's figures: units, users and the audit log's activity, for everyone in the organisation. */
export const organizationDashboard: DashboardContribution<ModuleDeps> = {
  order: 0,
  texts: textsFrom(texts),
  async figures(actor: Actor, { db }) {
    const c = await repo.counts(db, actor.organizationId);
    const may = (p: Parameters<typeof holdsAnywhere>[1], link: string) => (holdsAnywhere(actor, p) ? link : null);
    return [
      { key: 'units', value: c.units, link: may('unit.read', '/units') },
      { key: 'users', value: c.users, link: may('user.read', '/users') },
      { key: 'activeUsers', value: c.active_users, link: may('user.read', '/users?status=active') },
      { key: 'auditEvents30d', value: c.audit30, link: may('audit.read', '/audit') },
    ];
  },
};
