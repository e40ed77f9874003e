import { describe, expect, it } from 'vitest';
import { makeUnit, makeUser } from '../../src/seed/factories.js';
import { PASSWORD, seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

/** Root with sub-units A (with A1 below it) and B; an admin of the whole organisation and an admin of A only. */
async function tree(extra: Parameters<typeof seedOrg>[1] = []) {
  const seeded = await seedOrg(t.db, [{ role: 'admin' }, { role: 'admin', unit: 'a' }, ...extra]);
  const a1 = await t.db.transaction().execute((trx) => makeUnit(trx, seeded.units.a, { name: 'A1', kind: 'operation' }));
  return {
    ...seeded,
    units: { ...seeded.units, a1 },
    orgAdmin: await signIn(t.app, seeded.users.admin!.email),
    adminOfA: await signIn(t.app, seeded.users['admin@a']!.email),
  };
}

const newUnit = (parentId: string, name = 'Ny enhet') => ({ parentId, name, kind: 'unit' });

describe('a role granted on a unit', () => {
  it('applies to the unit and everything below it, but not to its siblings or its parent', async () => {
    const { adminOfA, units } = await tree();
    expect((await adminOfA.post('/api/v1/units', newUnit(units.a.id))).statusCode).toBe(201);
    expect((await adminOfA.post('/api/v1/units', newUnit(units.a1.id))).statusCode).toBe(201);
    for (const parent of [units.b.id, units.root.id]) {
      const res = await adminOfA.post('/api/v1/units', newUnit(parent));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await adminOfA.patch(`/api/v1/units/${units.a1.id}`, { description: 'Min' })).statusCode).toBe(200);
    expect((await adminOfA.patch(`/api/v1/units/${units.b.id}`, { description: 'Inte min' })).statusCode).toBe(403);
    expect((await adminOfA.post(`/api/v1/units/${units.b.id}/close`)).statusCode).toBe(403);
    expect((await adminOfA.del(`/api/v1/units/${units.b.id}`)).statusCode).toBe(403);
  });

  it('lets a unit move only between places the actor manages', async () => {
    const { adminOfA, orgAdmin, units } = await tree();
    const inA = (await adminOfA.post('/api/v1/units', newUnit(units.a.id, 'Flyttbar'))).json();
    expect((await adminOfA.post(`/api/v1/units/${inA.id}/move`, { parentId: units.a1.id })).statusCode).toBe(200);
    expect((await adminOfA.post(`/api/v1/units/${inA.id}/move`, { parentId: units.b.id })).statusCode).toBe(403);
    const inB = (await orgAdmin.post('/api/v1/units', newUnit(units.b.id, 'I B'))).json();
    expect((await adminOfA.post(`/api/v1/units/${inB.id}/move`, { parentId: units.a.id })).statusCode).toBe(403);
    // The unit a role is held on cannot be moved by that role's holder to escape or widen it.
    expect((await adminOfA.post(`/api/v1/units/${units.a1.id}/move`, { parentId: units.root.id })).statusCode).toBe(403);
  });

  it('bounds which roles can be given and taken away', async () => {
    const { adminOfA, orgAdmin, units, users } = await tree([{ role: 'auditor' }]);
    const auditorId = users.auditor!.id;
    expect(
      (await adminOfA.post('/api/v1/users', { email: 'ny-a@access.example', name: 'Ny i A', role: 'auditor', unitId: units.a1.id }))
        .statusCode,
    ).toBe(201);
    expect(
      (await adminOfA.post('/api/v1/users', { email: 'ny-b@access.example', name: 'Ny i B', role: 'auditor', unitId: units.b.id }))
        .statusCode,
    ).toBe(403);
    expect(
      (await adminOfA.post(`/api/v1/users/${auditorId}/roles`, { role: 'data_protection_officer', unitId: units.a.id })).statusCode,
    ).toBe(200);
    expect((await adminOfA.post(`/api/v1/users/${auditorId}/roles`, { role: 'risk_owner', unitId: units.b.id })).statusCode).toBe(403);
    expect((await adminOfA.post(`/api/v1/users/${auditorId}/roles`, { role: 'admin', unitId: units.root.id })).statusCode).toBe(403);
    const rootGrant = (await orgAdmin.get(`/api/v1/users/${auditorId}`))
      .json()
      .roles.find((r: { unitId: string }) => r.unitId === units.root.id);
    expect((await adminOfA.del(`/api/v1/users/${auditorId}/roles/${rootGrant.id}`)).statusCode).toBe(403);
  });

  it('lets a unit’s admin manage only people whose roles all lie within the unit', async () => {
    const { adminOfA, units, org, users } = await tree();
    const [insideA, alsoElsewhere, roleless] = await t.db.transaction().execute(async (trx) => [
      await makeUser(trx, org.id, { roles: [{ role: 'auditor', unitId: units.a1.id }] }),
      await makeUser(trx, org.id, {
        roles: [
          { role: 'auditor', unitId: units.a.id },
          { role: 'auditor', unitId: units.b.id },
        ],
      }),
      await makeUser(trx, org.id, {}),
    ]);
    expect((await adminOfA.post(`/api/v1/users/${insideA.id}/reset-password`)).statusCode).toBe(200);
    expect((await adminOfA.patch(`/api/v1/users/${insideA.id}`, { name: 'Ny i A1' })).statusCode).toBe(200);
    expect((await adminOfA.post(`/api/v1/users/${insideA.id}/unlock`)).statusCode).toBe(200);
    for (const id of [users.admin!.id, alsoElsewhere.id, roleless.id]) {
      for (const res of [
        await adminOfA.post(`/api/v1/users/${id}/reset-password`),
        await adminOfA.patch(`/api/v1/users/${id}`, { status: 'disabled' }),
        await adminOfA.post(`/api/v1/users/${id}/unlock`),
      ]) {
        expect(res.statusCode, res.body).toBe(403);
      }
    }
    expect(await t.db.selectFrom('user_links').select('id').where('user_id', '=', users.admin!.id).execute()).toEqual([]);
    expect((await t.db.selectFrom('users').select('status').where('id', '=', users.admin!.id).executeTakeFirstOrThrow()).status).toBe(
      'active',
    );
  });

  it('leaves a platform administrator’s account to platform administrators', async () => {
    const { orgAdmin, org, units } = await tree();
    const pa = await t.db
      .transaction()
      .execute((trx) => makeUser(trx, org.id, { isPlatformAdmin: true, roles: [{ role: 'admin', unitId: units.root.id }] }));
    expect((await orgAdmin.post(`/api/v1/users/${pa.id}/reset-password`)).statusCode).toBe(403);
    expect((await orgAdmin.patch(`/api/v1/users/${pa.id}`, { status: 'disabled' })).statusCode).toBe(403);
    const platform = await signIn(t.app, pa.email, PASSWORD);
    expect((await platform.patch(`/api/v1/users/${pa.id}`, { name: 'Plattformsadmin' })).statusCode).toBe(200);
  });

  it('stops applying when its unit is closed', async () => {
    const { adminOfA, orgAdmin, units } = await tree();
    expect((await adminOfA.post('/api/v1/units', newUnit(units.a1.id))).statusCode).toBe(201);
    expect((await orgAdmin.post(`/api/v1/units/${units.a.id}/close`)).statusCode).toBe(200);
    expect((await adminOfA.get('/api/v1/units')).statusCode).toBe(403);
    expect((await adminOfA.get('/api/v1/auth/session')).json().roles).toEqual([]);
    expect((await orgAdmin.post(`/api/v1/units/${units.a.id}/reopen`)).statusCode).toBe(200);
    expect((await adminOfA.get('/api/v1/units')).statusCode).toBe(200);
  });
});

describe('each role', () => {
  it('gets the documented answers on the organisation-wide routes', async () => {
    const roles = [
      'admin',
      'security_coordinator',
      'information_owner',
      'system_owner',
      'system_steward',
      'risk_owner',
      'data_protection_officer',
      'auditor',
    ] as const;
    const { users, units } = await seedOrg(
      t.db,
      roles.map((role) => ({ role })),
    );
    const expected: Record<(typeof roles)[number], { audit: number; users: number; createUnit: number; tokens: number; invite: number }> = {
      admin: { audit: 200, users: 200, createUnit: 201, tokens: 200, invite: 201 },
      security_coordinator: { audit: 200, users: 200, createUnit: 201, tokens: 403, invite: 403 },
      information_owner: { audit: 403, users: 200, createUnit: 403, tokens: 403, invite: 403 },
      system_owner: { audit: 403, users: 200, createUnit: 403, tokens: 403, invite: 403 },
      system_steward: { audit: 403, users: 200, createUnit: 403, tokens: 403, invite: 403 },
      risk_owner: { audit: 403, users: 200, createUnit: 403, tokens: 403, invite: 403 },
      data_protection_officer: { audit: 200, users: 200, createUnit: 403, tokens: 403, invite: 403 },
      auditor: { audit: 200, users: 200, createUnit: 403, tokens: 403, invite: 403 },
    };
    for (const role of roles) {
      const c = await signIn(t.app, users[role]!.email);
      const got = {
        audit: (await c.get('/api/v1/audit-events')).statusCode,
        users: (await c.get('/api/v1/users')).statusCode,
        createUnit: (await c.post('/api/v1/units', newUnit(units.a.id, `Av ${role}`))).statusCode,
        tokens: (await c.get('/api/v1/api-tokens')).statusCode,
        invite: (await c.post('/api/v1/users', { email: `inv-${role}@access.example`, name: 'X', role: 'auditor', unitId: units.a.id }))
          .statusCode,
      };
      expect(got, role).toEqual(expected[role]);
      expect((await c.get('/api/v1/units')).statusCode).toBe(200);
      expect((await c.get('/api/v1/organization')).statusCode).toBe(200);
    }
  });
});
