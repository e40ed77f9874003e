import { describe, expect, it } from 'vitest';
import { makeOrganization, makeUnit, makeUser } from '../../src/seed/factories.js';
import { signIn, useTestApp, type Client } from '../helpers/app.js';

const t = useTestApp();

const CSV =
  'Typ;Namn;Förvaltning;Informationsägare;Systemförvaltare\r\n' +
  'System;Journalsystem;Förvaltning A;Ingrid Okänd;nisse@region.example\r\n' +
  'System;PACS;Förvaltning A;ingrid  okänd;\r\n';

let n = 0;
async function setup() {
  const k = ++n;
  return t.db.transaction().execute(async (trx) => {
    const { org, root } = await makeOrganization(trx);
    const a = await makeUnit(trx, root, { name: 'Förvaltning A', kind: 'administration' });
    const b = await makeUnit(trx, root, { name: 'Förvaltning B', kind: 'administration' });
    // The coordinator who is also the organisation's administrator may invite; the coordinator alone may not.
    const both = await makeUser(trx, org.id, {
      email: `both${k}@region.example`,
      roles: [
        { role: 'security_coordinator', unitId: root.id },
        { role: 'admin', unitId: root.id },
      ],
    });
    const coordinator = await makeUser(trx, org.id, {
      email: `coord${k}@region.example`,
      roles: [{ role: 'security_coordinator', unitId: root.id }],
    });
    const adminOfA = await makeUser(trx, org.id, {
      email: `admina${k}@region.example`,
      roles: [
        { role: 'security_coordinator', unitId: root.id },
        { role: 'admin', unitId: a.id },
      ],
    });
    return { org, root, a, b, both, coordinator, adminOfA };
  });
}

async function checked(client: Client) {
  const imp = (
    await client.request({
      method: 'POST',
      url: '/api/v1/asset-imports?fileName=f.csv',
      payload: Buffer.from(CSV),
      headers: { 'content-type': 'text/csv' },
    })
  ).json();
  const res = await client.post(`/api/v1/asset-imports/${imp.id}/check`, { mapping: imp.suggestedMapping });
  expect(res.statusCode, res.body).toBe(200);
  return { id: imp.id as string, mapping: imp.suggestedMapping, report: res.json().report };
}

const invite = (unitId: string) => [
  { value: 'Ingrid Okänd', email: 'ingrid.okand@region.example', name: 'Ingrid Okänd', role: 'information_owner', unitId },
  { value: 'nisse@region.example', email: 'nisse@region.example', name: 'Nisse Förvaltare', role: 'system_steward', unitId },
];

describe('unknown people in an import', () => {
  it('are listed by the dry run and, once confirmed with an address each, invited and assigned in the apply', async () => {
    const w = await setup();
    const client = await signIn(t.app, w.both.email);
    const c = await checked(client);
    expect(c.report.unknownPeople).toEqual([
      { value: 'Ingrid Okänd', field: 'informationOwner', rows: [2, 3], unitId: w.a.id },
      { value: 'nisse@region.example', field: 'systemSteward', rows: [2], unitId: w.a.id },
    ]);
    expect(c.report.problemCount).toBe(3);

    const mapping = { mapping: c.mapping, invite: invite(w.a.id) };
    const dry = await client.post(`/api/v1/asset-imports/${c.id}/check`, mapping);
    expect(dry.json().report).toMatchObject({ problemCount: 0, toCreate: 2, unknownPeople: [] });
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'nisse@region.example').execute()).toEqual([]);

    const res = await client.post(`/api/v1/asset-imports/${c.id}/apply?wait=true`, mapping);
    expect(res.statusCode, res.body).toBe(202);
    const ingrid = await t.db
      .selectFrom('users')
      .select(['id', 'status', 'name'])
      .where('organization_id', '=', w.org.id)
      .where('email', '=', 'ingrid.okand@region.example')
      .executeTakeFirstOrThrow();
    const nisse = await t.db
      .selectFrom('users')
      .select(['id', 'status'])
      .where('organization_id', '=', w.org.id)
      .where('email', '=', 'nisse@region.example')
      .executeTakeFirstOrThrow();
    expect([ingrid.status, nisse.status]).toEqual(['invited', 'invited']);
    const grants = await t.db
      .selectFrom('role_assignments')
      .select(['user_id', 'role', 'unit_id'])
      .where('user_id', 'in', [ingrid.id, nisse.id])
      .orderBy('role')
      .execute();
    expect(grants).toEqual([
      { user_id: ingrid.id, role: 'information_owner', unit_id: w.a.id },
      { user_id: nisse.id, role: 'system_steward', unit_id: w.a.id },
    ]);
    const assets = await t.db
      .selectFrom('assets')
      .select(['name', 'information_owner_id', 'system_steward_id'])
      .where('organization_id', '=', w.org.id)
      .orderBy('name')
      .execute();
    expect(assets).toEqual([
      { name: 'Journalsystem', information_owner_id: ingrid.id, system_steward_id: nisse.id },
      { name: 'PACS', information_owner_id: ingrid.id, system_steward_id: null },
    ]);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('actor_user_id', '=', w.both.id)
      .where('action', 'in', ['invite', 'grant'])
      .orderBy('id')
      .execute();
    expect(events.map((e) => `${e.action}:${e.entity_type}`)).toEqual([
      'invite:user',
      'grant:role_assignment',
      'invite:user',
      'grant:role_assignment',
    ]);
  });

  it('are not invited by someone who may not manage users, nor on a unit outside her reach; nothing is written then', async () => {
    const w = await setup();
    const coordinator = await signIn(t.app, w.coordinator.email);
    const c = await checked(coordinator);
    const refused = await coordinator.post(`/api/v1/asset-imports/${c.id}/apply?wait=true`, { mapping: c.mapping, invite: invite(w.a.id) });
    expect(refused.statusCode, refused.body).toBe(403);

    // The administrator of unit A cannot invite to unit B (the users service checks the unit).
    const adminOfA = await signIn(t.app, w.adminOfA.email);
    const c2 = await checked(adminOfA);
    const outside = await adminOfA.post(`/api/v1/asset-imports/${c2.id}/apply?wait=true`, { mapping: c2.mapping, invite: invite(w.b.id) });
    expect(outside.statusCode).toBe(403);
    expect(
      await t.db
        .selectFrom('users')
        .select('id')
        .where('organization_id', '=', w.org.id)
        .where('email', 'in', ['ingrid.okand@region.example', 'nisse@region.example'])
        .execute(),
    ).toEqual([]);
    expect(await t.db.selectFrom('assets').select('id').where('organization_id', '=', w.org.id).execute()).toEqual([]);
    // A refused apply can be tried again: within her unit it works.
    const again = await adminOfA.post(`/api/v1/asset-imports/${c2.id}/apply?wait=true`, { mapping: c2.mapping, invite: invite(w.a.id) });
    expect(again.statusCode, again.body).toBe(202);
  });
});
