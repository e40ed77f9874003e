import { describe, expect, it } from 'vitest';
import { makeUser } from '../../src/seed/factories.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

describe('inviting users', () => {
  it('invites a user with a role on a unit, and writes the invitation and the grant to the audit log', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const res = await admin.post('/api/v1/users', {
      email: ' Anna.Ek@Test.Example ',
      name: 'Anna Ek',
      role: 'system_steward',
      unitId: units.b.id,
    });
    expect(res.statusCode).toBe(201);
    const { user, mailed } = res.json();
    expect(mailed).toBe(true);
    expect(user).toMatchObject({ email: 'anna.ek@test.example', name: 'Anna Ek', status: 'invited', lastLoginAt: null });
    expect(user.roles).toEqual([{ id: expect.any(String), role: 'system_steward', unitId: units.b.id, unitName: 'Förvaltning B' }]);

    const events = (await admin.get(`/api/v1/audit-events?actorUserId=${users.admin!.id}`)).json().items;
    expect(events.find((e: { action: string }) => e.action === 'invite')).toMatchObject({
      entityType: 'user',
      entityId: user.id,
      unitId: units.b.id,
      changes: { email: { after: 'anna.ek@test.example' }, name: { after: 'Anna Ek' }, status: { after: 'invited' } },
    });
    expect(events.find((e: { action: string }) => e.action === 'grant')).toMatchObject({
      entityType: 'role_assignment',
      entityId: user.roles[0].id,
      changes: { role: { after: 'system_steward' }, unitId: { after: units.b.id }, userId: { after: user.id } },
    });
  });

  // Unique per organisation: another organisation's addresses are not revealed (auth-hardening.test.ts).
  it('refuses an e-mail address already in use in the organisation, whatever its case', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    for (const email of [users.auditor!.email.toUpperCase(), users.auditor!.email]) {
      const res = await admin.post('/api/v1/users', { email, name: 'Dubblett', role: 'auditor', unitId: units.root.id });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'duplicate_email', details: { field: 'email' } });
    }
    expect(await t.db.selectFrom('users').select('id').where('name', '=', 'Dubblett').execute()).toEqual([]);
  });

  it('refuses a unit that does not exist, and a closed unit', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const missing = await admin.post('/api/v1/users', {
      email: 'x1@test.example',
      name: 'X',
      role: 'auditor',
      unitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.json().error).toMatchObject({ code: 'unknown_unit', details: { field: 'unitId' } });
    // A unit of another organisation is as unknown here, for an invitation and for a grant.
    const other = await seedOrg(t.db, [{ role: 'admin' }]);
    const foreign = await admin.post('/api/v1/users', { email: 'x3@test.example', name: 'X', role: 'auditor', unitId: other.units.a.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: 'unknown_unit', details: { field: 'unitId' } });
    const grant = await admin.post(`/api/v1/users/${users.admin!.id}/roles`, { role: 'auditor', unitId: other.units.a.id });
    expect(grant.json().error).toMatchObject({ code: 'unknown_unit', details: { field: 'unitId' } });
    await admin.post(`/api/v1/units/${units.b.id}/close`);
    const closed = await admin.post('/api/v1/users', { email: 'x2@test.example', name: 'X', role: 'auditor', unitId: units.b.id });
    expect(closed.json().error.code).toBe('unit_closed');
  });

  it('is not open to a role without user.manage', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const res = await coordinator.post('/api/v1/users', { email: 'x3@test.example', name: 'X', role: 'auditor', unitId: units.root.id });
    expect(res.statusCode).toBe(403);
  });
});

describe('roles', () => {
  it('grants and revokes a role, each with an audit event', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const granted = await admin.post(`/api/v1/users/${users.auditor!.id}/roles`, { role: 'risk_owner', unitId: units.a.id });
    expect(granted.statusCode).toBe(200);
    const grant = granted.json().roles.find((r: { role: string }) => r.role === 'risk_owner');
    expect(grant).toMatchObject({ unitId: units.a.id, unitName: 'Förvaltning A' });
    // Granting the same role again changes nothing.
    const again = await admin.post(`/api/v1/users/${users.auditor!.id}/roles`, { role: 'risk_owner', unitId: units.a.id });
    expect(again.json().roles).toHaveLength(2);

    const revoked = await admin.del(`/api/v1/users/${users.auditor!.id}/roles/${grant.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().roles.map((r: { role: string }) => r.role)).toEqual(['auditor']);

    const events = (await admin.get(`/api/v1/audit-events?entityType=role_assignment&entityId=${grant.id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['revoke', 'grant']);
    expect(events[0].changes).toEqual({
      role: { before: 'risk_owner' },
      unitId: { before: units.a.id },
      userId: { before: users.auditor!.id },
    });
  });

  it('answers 404 for a role assignment of another user', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const adminGrant = (await admin.get(`/api/v1/users/${users.admin!.id}`)).json().roles[0].id;
    const res = await admin.del(`/api/v1/users/${users.auditor!.id}/roles/${adminGrant}`);
    expect(res.statusCode).toBe(404);
  });

  it('keeps at least one active administrator of the organisation', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const grantId = (await admin.get(`/api/v1/users/${users.admin!.id}`)).json().roles[0].id;
    const revoke = await admin.del(`/api/v1/users/${users.admin!.id}/roles/${grantId}`);
    expect(revoke.statusCode).toBe(409);
    expect(revoke.json().error.code).toBe('last_admin');
    const disable = await admin.patch(`/api/v1/users/${users.admin!.id}`, { status: 'disabled' });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().error.code).toBe('last_admin');
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('lets one administrator go when another remains', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'admin', email: 'andra.admin@test.example' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const other = users['andra.admin@test.example']!;
    expect((await admin.patch(`/api/v1/users/${other.id}`, { status: 'disabled' })).statusCode).toBe(200);
    // Now the first is the last one.
    expect((await admin.patch(`/api/v1/users/${users.admin!.id}`, { status: 'disabled' })).json().error.code).toBe('last_admin');
  });
});

describe('changing users', () => {
  it('disabling a user ends their sessions and stops them signing in; enabling brings them back', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const auditor = await signIn(t.app, users.auditor!.email);
    const res = await admin.patch(`/api/v1/users/${users.auditor!.id}`, { status: 'disabled' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('disabled');
    expect((await auditor.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', users.auditor!.id).execute()).toEqual([]);
    await expect(signIn(t.app, users.auditor!.email)).rejects.toThrow(/403/);
    expect((await admin.patch(`/api/v1/users/${users.auditor!.id}`, { status: 'active' })).json().status).toBe('active');
    await signIn(t.app, users.auditor!.email);
  });

  it('renames a user with the change in the audit log', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const before = (await admin.get(`/api/v1/users/${users.auditor!.id}`)).json().name;
    expect((await admin.patch(`/api/v1/users/${users.auditor!.id}`, { name: 'Nytt Namn' })).json().name).toBe('Nytt Namn');
    const [event] = (await admin.get(`/api/v1/audit-events?entityType=user&entityId=${users.auditor!.id}&action=update`)).json().items;
    expect(event.changes).toEqual({ name: { before, after: 'Nytt Namn' } });
  });

  it('keeps an invited user invited when asked to activate them before they chose a password', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const { user } = (
      await admin.post('/api/v1/users', { email: 'vantar@test.example', name: 'Väntar', role: 'auditor', unitId: units.root.id })
    ).json();
    expect((await admin.patch(`/api/v1/users/${user.id}`, { status: 'active' })).json().status).toBe('invited');
  });
});

describe('the user list', () => {
  async function orgWithPeople() {
    const seeded = await seedOrg(t.db, [{ role: 'admin' }]);
    const { org, units } = seeded;
    const tag = Math.random().toString(36).slice(2, 8);
    await t.db.transaction().execute(async (trx) => {
      await makeUser(trx, org.id, {
        name: 'Agnes Berg',
        email: `agnes.berg.${tag}@lista.example`,
        roles: [{ role: 'auditor', unitId: units.a.id }],
      });
      await makeUser(trx, org.id, {
        name: 'Bertil Ceder',
        email: `bertil.${tag}@lista.example`,
        roles: [{ role: 'risk_owner', unitId: units.b.id }],
      });
      await makeUser(trx, org.id, {
        name: 'Cecilia Dahl',
        email: `cecilia.${tag}@lista.example`,
        status: 'disabled',
        roles: [{ role: 'auditor', unitId: units.b.id }],
      });
      await makeUser(trx, org.id, { name: 'David 100%_Ek', email: `david.${tag}@lista.example`, password: null });
    });
    return { ...seeded, admin: await signIn(t.app, seeded.users.admin!.email) };
  }
  const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((u) => u.name);

  it('pages, sorted by name by default, with the total', async () => {
    const { admin } = await orgWithPeople();
    const first = await admin.get('/api/v1/users?pageSize=2&q=lista.example');
    expect(first.json()).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(names(first)).toEqual(['Agnes Berg', 'Bertil Ceder']);
    expect(names(await admin.get('/api/v1/users?pageSize=2&page=2&q=lista.example'))).toEqual(['Cecilia Dahl', 'David 100%_Ek']);
    expect(names(await admin.get('/api/v1/users?pageSize=2&page=3&q=lista.example'))).toEqual([]);
    expect(names(await admin.get('/api/v1/users?sort=-name&q=lista.example'))).toEqual([
      'David 100%_Ek',
      'Cecilia Dahl',
      'Bertil Ceder',
      'Agnes Berg',
    ]);
    expect(names(await admin.get('/api/v1/users?sort=email&q=lista.example'))).toEqual([
      'Agnes Berg',
      'Bertil Ceder',
      'Cecilia Dahl',
      'David 100%_Ek',
    ]);
  });

  it('filters by status, role and unit, and searches name and e-mail', async () => {
    const { admin, units } = await orgWithPeople();
    expect(names(await admin.get('/api/v1/users?status=disabled'))).toEqual(['Cecilia Dahl']);
    expect(names(await admin.get('/api/v1/users?status=invited'))).toEqual(['David 100%_Ek']);
    expect(names(await admin.get('/api/v1/users?role=auditor'))).toEqual(['Agnes Berg', 'Cecilia Dahl']);
    expect(names(await admin.get(`/api/v1/users?unitId=${units.b.id}`))).toEqual(['Bertil Ceder', 'Cecilia Dahl']);
    expect(names(await admin.get(`/api/v1/users?role=auditor&unitId=${units.b.id}`))).toEqual(['Cecilia Dahl']);
    expect(names(await admin.get('/api/v1/users?q=BERG'))).toEqual(['Agnes Berg']);
    expect(names(await admin.get('/api/v1/users?q=bertil.'))).toEqual(['Bertil Ceder']);
    // LIKE wildcards in the search are taken literally.
    expect(names(await admin.get('/api/v1/users?q=100%25_'))).toEqual(['David 100%_Ek']);
    expect(names(await admin.get('/api/v1/users?q=%25'))).toEqual(['David 100%_Ek']);
  });

  it('refuses page sizes out of bounds and unknown filter values', async () => {
    const { admin } = await orgWithPeople();
    for (const q of ['pageSize=0', 'pageSize=501', 'page=0', 'status=deleted', 'role=king', 'unitId=nope', 'sort=name;drop']) {
      const res = await admin.get(`/api/v1/users?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.details.issues[0].path[0]).toBe('query');
    }
  });
});
