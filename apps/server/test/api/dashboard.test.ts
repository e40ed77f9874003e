import { describe, expect, it } from 'vitest';
import { makeUser } from '../../src/seed/factories.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

describe('the dashboard', () => {
  it('counts the organisation’s own units, users and recent events', async () => {
    const { users, units, org } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor', unit: 'a' }]);
    await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]); // another organisation, not counted
    await t.db.transaction().execute(async (trx) => {
      await makeUser(trx, org.id, { password: null, roles: [{ role: 'auditor', unitId: units.b.id }] }); // invited
      await makeUser(trx, org.id, { status: 'disabled' });
    });
    const admin = await signIn(t.app, users.admin!.email);
    const before = (await admin.get('/api/v1/dashboard')).json();
    expect(before.organizationName).toBe(org.name);
    expect(before.counts).toMatchObject({ units: 3, users: 3, activeUsers: 2 });

    await admin.post('/api/v1/units', { parentId: units.a.id, name: 'Ny', kind: 'unit' });
    await admin.post(`/api/v1/units/${units.b.id}/close`);
    const after = (await admin.get('/api/v1/dashboard')).json();
    expect(after.counts.units).toBe(3); // one added, one closed
    const events = await t.db.selectFrom('audit_events').select('id').where('organization_id', '=', org.id).execute();
    expect(after.counts.auditEvents30d).toBe(events.length);
    expect(after.recentEvents).toHaveLength(8);
    expect(after.recentEvents[0]).toMatchObject({ action: 'close', entityType: 'unit', entityLabel: 'Förvaltning B' });
  });

  it('shows recent events only to those who may read the audit log', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'risk_owner' }]);
    const riskOwner = await signIn(t.app, users.risk_owner!.email);
    const res = await riskOwner.get('/api/v1/dashboard');
    expect(res.statusCode).toBe(200);
    expect(res.json().recentEvents).toEqual([]);
    expect(res.json().counts.users).toBe(1);
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
  });
});
