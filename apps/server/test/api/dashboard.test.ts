import { describe, expect, it } from 'vitest';
import { roleGrants, roles, type Role } from '@tillit/core';
import { makeUser } from '../../src/seed/factories.js';
import { makeAsset, makeClassification } from '../../src/seed/factories-assets.js';
import { makeMeasure } from '../../src/seed/factories-measures.js';
import { modules } from '../../src/modules/index.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();
const DAY = 86_400_000;

type Section = {
  module: string;
  title: string;
  figures: { key: string; label: string; hint: string; value: number | null; link: string | null }[];
};
const figure = (sections: Section[], module: string, key: string) =>
  sections.find((s) => s.module === module)?.figures.find((f) => f.key === key);

describe('the start page', () => {
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
    expect(figure(before.sections, 'dashboard', 'units')).toMatchObject({ value: 3, label: 'Enheter', link: '/units' });
    expect(figure(before.sections, 'dashboard', 'users')?.value).toBe(3);
    expect(figure(before.sections, 'dashboard', 'activeUsers')?.value).toBe(2);

    await admin.post('/api/v1/units', { parentId: units.a.id, name: 'Ny', kind: 'unit' });
    await admin.post(`/api/v1/units/${units.b.id}/close`);
    const after = (await admin.get('/api/v1/dashboard')).json();
    expect(figure(after.sections, 'dashboard', 'units')?.value).toBe(3); // one added, one closed
    const events = await t.db.selectFrom('audit_events').select('id').where('organization_id', '=', org.id).execute();
    expect(figure(after.sections, 'dashboard', 'auditEvents30d')?.value).toBe(events.length);
    expect(after.recentEvents).toHaveLength(8);
    expect(after.recentEvents[0]).toMatchObject({ action: 'close', entityType: 'unit', entityLabel: 'Förvaltning B' });
  });

  it('shows every module that contributes to the start page, named in the user’s language, to a user who may see everything', async () => {
    const { org, units } = await seedOrg(t.db, []);
    const all = await t.db
      .transaction()
      .execute((trx) => makeUser(trx, org.id, { roles: roles.map((role) => ({ role, unitId: units.root.id })) }));
    const me = await signIn(t.app, all.email);
    const contributing = modules
      .filter((m) => m.dashboard)
      .sort((a, b) => a.dashboard!.order - b.dashboard!.order)
      .map((m) => m.name);
    expect(contributing).toEqual(expect.arrayContaining(['dashboard', 'assets', 'classification']));
    for (const lang of ['sv', 'en']) {
      const res = await me.request({ method: 'GET', url: '/api/v1/dashboard', headers: { 'accept-language': lang } });
      await me.patch('/api/v1/auth/profile', { locale: lang });
      const body = (await me.get('/api/v1/dashboard')).json();
      expect(res.statusCode).toBe(200);
      expect(body.sections.map((s: Section) => s.module)).toEqual(contributing);
      for (const s of body.sections as Section[]) {
        expect(s.title).not.toBe(s.module);
        for (const f of s.figures) {
          expect(f.label, `${s.module}.${f.key} has a ${lang} label`).not.toBe(f.key);
          expect(f.hint, `${s.module}.${f.key} has a ${lang} hint`).not.toBe('');
        }
      }
      for (const a of body.awaiting) expect(a.label).not.toBe(a.key.split('.').pop());
    }
  });

  it('gives each role the sections its permissions allow, with figures from the data and what awaits it', async () => {
    const seeded = await seedOrg(
      t.db,
      roles.map((role) => ({ role })),
    );
    const { org, units, users } = seeded;
    const owner = users.information_owner!;
    await t.db.transaction().execute(async (trx) => {
      const journal = await makeAsset(trx, units.a, 'system', { name: 'Journalen', systemOwnerId: owner.id, lifecycle: 'in_use' });
      await makeClassification(trx, journal, {
        approvedAt: new Date(Date.now() - 350 * DAY),
        reviewDueAt: new Date(Date.now() + 15 * DAY),
      });
      const lab = await makeAsset(trx, units.a, 'system', { name: 'Labbet', lifecycle: 'in_use', informationOwnerId: owner.id });
      await makeClassification(trx, lab, { status: 'submitted', authorId: users.system_steward!.id });
      await makeAsset(trx, units.b, 'information_set', { name: 'Patientuppgifter', informationOwnerId: owner.id });
      await makeAsset(trx, units.b, 'system', { name: 'Avvecklat', lifecycle: 'retired' });
      await makeMeasure(trx, units.a, { title: 'Försenad åtgärd', ownerId: owner.id, dueDate: '2020-01-31' });
    });
    for (const role of roles as readonly Role[]) {
      const me = await signIn(t.app, users[role]!.email);
      const res = await me.get('/api/v1/dashboard');
      expect(res.statusCode, role).toBe(200);
      const body = res.json();
      const expected = [
        'dashboard',
        ...(roleGrants(role, 'asset.read') ? ['assets'] : []),
        ...(roleGrants(role, 'classification.read') ? ['classification'] : []),
        ...(roleGrants(role, 'measure.read') ? ['measures'] : []),
      ];
      expect(
        body.sections.map((s: Section) => s.module),
        role,
      ).toEqual(expected);
      expect(figure(body.sections, 'dashboard', 'users')?.value, role).toBe(roles.length);
      expect(figure(body.sections, 'dashboard', 'users')?.link, role).toBe(roleGrants(role, 'user.read') ? '/users' : null);
      if (roleGrants(role, 'asset.read')) {
        expect(figure(body.sections, 'assets', 'systems')?.value, role).toBe(2); // the retired one left out
        expect(figure(body.sections, 'assets', 'informationSets')?.value, role).toBe(1);
      }
      if (roleGrants(role, 'classification.read')) {
        expect(figure(body.sections, 'classification', 'systemRate')?.value, role).toBe(50);
        expect(figure(body.sections, 'classification', 'awaitingApproval')?.value, role).toBe(1);
        expect(figure(body.sections, 'classification', 'dueWithin30Days')?.value, role).toBe(1);
        expect(figure(body.sections, 'classification', 'overdue')?.value, role).toBe(0);
      }
      if (roleGrants(role, 'measure.read')) {
        // The reader's own measures: only the information owner owns one, and it is overdue.
        expect(figure(body.sections, 'measures', 'overdue')?.value, role).toBe(role === 'information_owner' ? 1 : 0);
        expect(figure(body.sections, 'measures', 'open')?.link, role).toBe('/measures/mine');
      }
      const awaiting = Object.fromEntries(body.awaiting.map((a: { key: string; count: number }) => [a.key, a.count]));
      const decides = roleGrants(role, 'classification.approve');
      expect('classification.decisions' in awaiting, role).toBe(decides);
      // The asset's named owner decides; the coordinator, who may approve somewhere, has nothing waiting.
      if (decides) expect(awaiting['classification.decisions'], role).toBe(role === 'information_owner' ? 1 : 0);
      expect(awaiting['classification.reviews'], role).toBe(role === 'information_owner' ? 1 : 0);
      expect(body.recentEvents.length > 0, role).toBe(roleGrants(role, 'audit.read'));
      expect(body.notifications, role).toEqual({ unread: 0, latest: [] });
    }
    expect(org.id).toBeTruthy();
  });

  it('lists my unread notifications', async () => {
    const { org, users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    await t.app.services.notifications.deliver([
      {
        organizationId: org.id,
        userId: users.auditor!.id,
        kind: 'audit.chain_broken',
        entityType: 'audit_chain',
        entityId: org.id,
        params: { eventId: '7' },
        link: '/audit',
      },
    ]);
    const me = await signIn(t.app, users.auditor!.email);
    const body = (await me.get('/api/v1/dashboard')).json();
    expect(body.notifications.unread).toBe(1);
    expect(body.notifications.latest[0]).toMatchObject({
      kind: 'audit.chain_broken',
      link: '/audit',
      title: expect.stringContaining('händelse 7'),
    });
  });

  it('needs a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
  });
});
