import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

describe('units', () => {
  it('adds a unit under a parent and records it in the audit log', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const res = await admin.post('/api/v1/units', { parentId: units.a.id, name: 'Akutmottagningen', kind: 'operation' });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({ parentId: units.a.id, name: 'Akutmottagningen', kind: 'operation' });
    const audit = await admin.get(`/api/v1/audit-events?entityId=${unit.id}`);
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0]).toMatchObject({ action: 'create', entityType: 'unit', entityLabel: 'Akutmottagningen' });
  });

  it('refuses to move a unit into its own sub-tree and moves it elsewhere with its sub-units', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const child = (await admin.post('/api/v1/units', { parentId: units.a.id, name: 'Barn', kind: 'operation' })).json();
    const grandchild = (await admin.post('/api/v1/units', { parentId: child.id, name: 'Barnbarn', kind: 'unit' })).json();
    const bad = await admin.post(`/api/v1/units/${units.a.id}/move`, { parentId: grandchild.id });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.code).toBe('unit_move_into_own_subtree');
    const ok = await admin.post(`/api/v1/units/${child.id}/move`, { parentId: units.b.id });
    expect(ok.statusCode).toBe(200);
    const rows = await t.db.selectFrom('units').select(['id', 'path']).where('id', 'in', [child.id, grandchild.id]).execute();
    for (const r of rows) expect(r.path.slice(0, 2)).toEqual([units.root.id, units.b.id]);
  });

  it('does not delete a unit with content, but closes it', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor', unit: 'a' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const del = await admin.del(`/api/v1/units/${units.a.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('unit_has_content');
    const closed = await admin.post(`/api/v1/units/${units.a.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().closedAt).toEqual(expect.any(String));
    const list = (await admin.get('/api/v1/units')).json() as { id: string }[];
    expect(list.map((u) => u.id)).not.toContain(units.a.id);
  });

  it('answers bad input with a 400 in the one error shape, in English when asked', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    await admin.request({ method: 'PATCH', url: '/api/v1/auth/profile', payload: { locale: 'en' } });
    const res = await admin.post('/api/v1/units', { parentId: 'nope', name: '', kind: 'x' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toMatch(/not valid/);
    expect(body.error.details.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(['body.parentId', 'body.name', 'body.kind']);
  });
});
