import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

describe('audit events by the units they concern', () => {
  it('a sub-unit admin reads its sub-tree’s events only; events without a unit only readers on the top unit', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'admin', unit: 'a' }, { role: 'auditor', unit: 'b' }]);
    const subAdmin = await signIn(t.app, users['admin@a']!.email);
    const items = (await subAdmin.get('/api/v1/audit-events?pageSize=100')).json().items as { unitId: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    for (const e of items) expect(e.unitId).toBe(units.a.id);
    const root = await signIn(t.app, users.admin!.email);
    const all = (await root.get('/api/v1/audit-events?pageSize=100')).json().items as { unitId: string | null }[];
    expect(all.some((e) => e.unitId === units.b.id)).toBe(true);
    expect(all.some((e) => e.unitId === null)).toBe(true);
  });

  it('the start page’s latest events follow the same scope', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'admin', unit: 'a' }, { role: 'auditor', unit: 'b' }]);
    const subAdmin = await signIn(t.app, users['admin@a']!.email);
    const recent = (await subAdmin.get('/api/v1/dashboard')).json().recentEvents as { entityLabel: string | null }[];
    const names = await t.db.selectFrom('users').select('name').where('id', 'in', [users.admin!.id, users['auditor@b']!.id]).execute();
    for (const n of names) expect(recent.map((e) => e.entityLabel)).not.toContain(n.name);
  });
});

describe('API tokens', () => {
  it('a sub-unit admin lists and revokes only its own tokens; the top unit’s admin manages all', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'admin', unit: 'a' }]);
    const root = await signIn(t.app, users.admin!.email);
    const rootToken = (await root.post('/api/v1/api-tokens', { name: 'Integration', scope: 'read' })).json().token;
    const subAdmin = await signIn(t.app, users['admin@a']!.email);
    const own = (await subAdmin.post('/api/v1/api-tokens', { name: 'Egen', scope: 'read' })).json().token;
    const listed = (await subAdmin.get('/api/v1/api-tokens')).json() as { id: string }[];
    expect(listed.map((x) => x.id)).toEqual([own.id]);
    expect((await subAdmin.del(`/api/v1/api-tokens/${rootToken.id}`)).statusCode).toBe(404);
    const after = await t.db.selectFrom('api_tokens').select('revoked_at').where('id', '=', rootToken.id).executeTakeFirstOrThrow();
    expect(after.revoked_at).toBeNull();
    expect((await subAdmin.del(`/api/v1/api-tokens/${own.id}`)).statusCode).toBe(204);
    expect(((await root.get('/api/v1/api-tokens')).json() as { id: string }[]).map((x) => x.id).sort()).toEqual(
      [own.id, rootToken.id].sort(),
    );
  });
});

describe('information types', () => {
  it('are changed only with the permission on the top unit', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'security_coordinator' }, { role: 'security_coordinator', unit: 'a' }]);
    const local = await signIn(t.app, users['security_coordinator@a']!.email);
    const refused = await local.post('/api/v1/information-types', { name: 'Lokal typ', recommended: { C: 1, I: 1, A: 1, T: 1 } });
    expect(refused.statusCode).toBe(403);
    const central = await signIn(t.app, users.security_coordinator!.email);
    const created = await central.post('/api/v1/information-types', { name: 'Central typ', recommended: { C: 1, I: 1, A: 1, T: 1 } });
    expect(created.statusCode).toBe(201);
    expect((await local.patch(`/api/v1/information-types/${created.json().id}`, { name: 'Ändrad' })).statusCode).toBe(403);
    expect((await local.del(`/api/v1/information-types/${created.json().id}`)).statusCode).toBe(403);
  });
});
