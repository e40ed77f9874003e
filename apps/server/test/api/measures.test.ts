import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

async function setup() {
  const seeded = await seedOrg(t.db, [
    { role: 'security_coordinator' },
    { role: 'system_steward', unit: 'a' },
    { role: 'information_owner', unit: 'a' },
    { role: 'system_steward', unit: 'b' },
  ]);
  const coordinator = await signIn(t.app, seeded.users.security_coordinator!.email);
  const steward = await signIn(t.app, seeded.users['system_steward@a']!.email);
  const checker = await signIn(t.app, seeded.users['information_owner@a']!.email);
  const other = await signIn(t.app, seeded.users['system_steward@b']!.email);
  return { ...seeded, coordinator, steward, checker, other };
}

const link = {
  type: 'plan_requirement',
  targetId: '11111111-1111-4111-8111-111111111111',
  contextId: '22222222-2222-4222-8222-222222222222',
  label: 'Behörighetsstyrning – Journalsystemet',
};

describe('measures', () => {
  it('creates a measure with a link, moves it to done and has someone else verify its effect', async () => {
    const { units, users, coordinator, steward, checker, other } = await setup();
    const stewardId = users['system_steward@a']!.id;
    const res = await coordinator.post('/api/v1/measures', {
      title: 'Inför tvåfaktorsinloggning',
      unitId: units.a.id,
      ownerId: stewardId,
      startDate: '2026-01-10',
      dueDate: '2026-02-28',
      priority: 'high',
      estimatedHours: 40,
      links: [link],
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      status: 'planned',
      owner: { id: stewardId },
      unitName: 'Förvaltning A',
      dueState: 'overdue',
      canVerify: false,
    });
    expect(m.links[0]).toMatchObject({
      label: link.label,
      typeLabel: 'Krav i handlingsplan',
      href: `/plans/${link.contextId}#requirement-${link.targetId}`,
    });

    expect((await other.get(`/api/v1/measures/${m.id}`)).statusCode).toBe(403);
    expect((await other.get('/api/v1/measures')).json().total).toBe(0);
    const mine = (await steward.get('/api/v1/measures?mine=true&view=overdue')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([m.id]);

    const done = await steward.post(`/api/v1/measures/${m.id}/status`, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect((await steward.get('/api/v1/measures?view=unverified')).json().total).toBe(1);

    const own = await steward.post(`/api/v1/measures/${m.id}/verifications`, {
      method: 'Kontroll',
      verifiedOn: '2026-03-01',
      result: 'effective',
    });
    expect(own.statusCode).toBe(403); // system administrators may not verify at all
    const noMethod = await checker.post(`/api/v1/measures/${m.id}/verifications`, {
      method: '  ',
      verifiedOn: '2026-03-01',
      result: 'effective',
    });
    expect(noMethod.statusCode).toBe(400);
    expect(noMethod.json().error).toMatchObject({ code: 'measure_method_required', details: { field: 'method' } });

    const notEffective = await checker.post(`/api/v1/measures/${m.id}/verifications`, {
      method: 'Stickprov av inloggningar',
      verifiedOn: '2026-03-01',
      result: 'not_effective',
    });
    expect(notEffective.statusCode, notEffective.body).toBe(201);
    expect(notEffective.json()).toMatchObject({ status: 'in_progress', lastResult: 'not_effective' });
    await steward.post(`/api/v1/measures/${m.id}/status`, { status: 'done' });
    const effective = (
      await checker.post(`/api/v1/measures/${m.id}/verifications`, {
        method: 'Stickprov av inloggningar',
        verifiedOn: '2026-03-05',
        result: 'effective',
      })
    ).json();
    expect(effective).toMatchObject({ status: 'verified', lastResult: 'effective' });
    expect(effective.verifications.map((v: { result: string }) => v.result)).toEqual(['effective', 'not_effective']);

    const events = await t.db.selectFrom('audit_events').select(['action']).where('entity_id', '=', m.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'change_status', 'verify', 'change_status', 'verify']);
  });

  it('refuses the owner as verifier, due before start and cancel without reason, naming the field; saves nothing', async () => {
    const { units, users, coordinator } = await setup();
    const coordinatorId = users.security_coordinator!.id;
    const early = await coordinator.post('/api/v1/measures', {
      title: 'X',
      unitId: units.a.id,
      startDate: '2026-05-01',
      dueDate: '2026-04-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'measure_due_before_start', details: { field: 'dueDate' } });
    expect(early.json().error.message).toMatch(/Klart senast/);
    const m = (
      await coordinator.post('/api/v1/measures', { title: 'Egen', unitId: units.a.id, ownerId: coordinatorId, dueDate: '2026-12-01' })
    ).json();
    await coordinator.post(`/api/v1/measures/${m.id}/status`, { status: 'done' });
    const own = await coordinator.post(`/api/v1/measures/${m.id}/verifications`, {
      method: 'Kontroll',
      verifiedOn: '2026-03-01',
      result: 'effective',
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toMatchObject({ code: 'measure_verifier_is_owner', details: { field: 'verifiedBy' } });
    const cancel = await coordinator.post(`/api/v1/measures/${m.id}/status`, { status: 'cancelled' });
    expect(cancel.json().error).toMatchObject({ code: 'measure_reason_required', details: { field: 'reason' } });
    const after = (await coordinator.get(`/api/v1/measures/${m.id}`)).json();
    expect(after).toMatchObject({ status: 'done', verifications: [] });
    const edit = await coordinator.patch(`/api/v1/measures/${m.id}`, { startDate: '2027-01-01' });
    expect(edit.json().error).toMatchObject({ code: 'measure_due_before_start' });
    expect(
      (await t.db.selectFrom('measures').select('title').where('organization_id', '=', units.a.organization_id).execute()).length,
    ).toBe(1);
  });
});
