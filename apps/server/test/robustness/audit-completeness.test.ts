import { beforeAll, describe, expect, it } from 'vitest';
import { roles } from '@tillit/core';
import { allRoutes } from '../../src/modules/index.js';
import type { FixtureUnit } from '../../src/platform/fixtures.js';
import type { RouteDef } from '../../src/platform/http/route.js';
import { makeUser } from '../../src/seed/factories.js';
import { seedOrg } from '../helpers/app.js';
import { fixtureOf, fixtureWorld, injectOf, routeKey } from '../helpers/fixtures.js';
import { auditProblems, displayProblems, expectedEvents, markAudit } from './support/audit-check.js';
import { brief, mintSession, useRobustApp } from './support/harness.js';

/**
 * Audit completeness, from the route table: every state-changing route, run once on the real
 * objects of its fixture by a user who may do everything, succeeds and leaves exactly the audit
 * events its fixture declares, written in the transaction that made the change. Routes that change
 * state without an event are listed here by name, so adding one is a visible decision.
 */
const routes = allRoutes();
const changing = routes.filter((r) => r.method !== 'GET');

/** State-changing requests that write no audit event, and why. */
const WITHOUT_EVENT: Record<string, string> = {
  'POST /api/v1/audit-events/verify': 'a verification of the chain; it records a checkpoint, not an event',
  'POST /api/v1/audit-events/receipt': 'a signed receipt of the chain’s head; it records a checkpoint, not an event',
  'POST /api/v1/notifications/:id/read': 'the reader’s own view of a notice',
  'POST /api/v1/notifications/read-all': 'the reader’s own view of its notices',
};

const t = useRobustApp();
let units: { a: FixtureUnit; root: FixtureUnit };
let userId = '';

describe('audit completeness', () => {
  beforeAll(async () => {
    const { org, units: u } = await seedOrg(t.db, []);
    units = { a: u.a, root: u.root };
    const user = await t.db
      .transaction()
      .execute((trx) => makeUser(trx, org.id, { isPlatformAdmin: true, roles: roles.map((role) => ({ role, unitId: u.root.id })) }));
    userId = user.id;
  });

  it('declares no event for reads, and an event for every change except the listed ones', () => {
    for (const r of routes) {
      const f = fixtureOf(r);
      expect(f, `${routeKey(r)} has a fixture`).toBeDefined();
      if (r.method === 'GET') expect(f!.audit, `${routeKey(r)} is a read`).toEqual([]);
    }
    const silent = changing
      .filter((r) => Array.isArray(fixtureOf(r)!.audit) && (fixtureOf(r)!.audit as unknown[]).length === 0)
      .map(routeKey);
    expect(silent.sort()).toEqual(Object.keys(WITHOUT_EVENT).sort());
  });

  it('catches a shown value that is a raw id, a code, or a field without a label', async () => {
    const id = '3f1c2a4e-8b7d-4c6e-9a1b-2c3d4e5f6a7b';
    const event = {
      id: '12',
      action: 'update',
      entityType: 'user',
      changes: { status: { before: 'active', after: 'disabled' } },
      display: {
        changes: [
          { field: 'unitId', label: 'Enhet', before: null, after: id },
          { field: 'role', label: 'Roll', before: 'security_coordinator', after: null },
          { field: 'status', label: 'Status', before: 'active', after: 'Inaktiverad' },
          { field: 'widgetId', label: 'Övrig uppgift', before: null, after: 'Något' },
          { field: 'name', label: 'Namn', before: 'Anna', after: 'Anna Berg' },
        ],
      },
    };
    const read = async () => ({ statusCode: 200, body: JSON.stringify({ items: [event, { ...event, id: '11' }] }) });
    expect(await displayProblems(read, { lastId: '11', txid: 0n })).toEqual(
      ['sv', 'en'].flatMap((l) => [
        `${l} update/user unitId.after shows "${id}"`,
        `${l} update/user role.before shows "security_coordinator"`,
        `${l} update/user status.before shows "active"`,
        `${l} update/user widgetId is not in the module's audit vocabulary`,
      ]),
    );
  });

  it.each(changing.map((r) => [routeKey(r), r] as const))('%s', async (_name, route: RouteDef) => {
    const fixture = fixtureOf(route)!;
    const req = injectOf(
      route,
      await fixture.build(fixtureWorld(t.db, units.a, units.root, 'qzaudit', { id: userId, organizationId: units.a.organization_id })),
    );
    // A fresh session each time: signing out and changing the password end sessions.
    const session = route.permission === 'public' ? null : await mintSession(t.app, t.db, userId);
    const mark = await markAudit(t.db);
    const res = session ? await session.request(req) : await t.app.inject(req);
    expect(res.statusCode, `${route.method} ${req.url}: ${brief(res.body)}`).toBeLessThan(300);
    expect(await auditProblems(t.db, mark, expectedEvents(fixture, res.body ? JSON.parse(res.body) : null))).toEqual([]);
    // As the log shows them: no raw id or code in a change's before or after (a fresh session: the
    // request may have ended the one it used).
    const reader = await mintSession(t.app, t.db, userId);
    expect(await displayProblems(reader.request, mark)).toEqual([]);
  });
});
