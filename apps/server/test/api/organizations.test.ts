import { describe, expect, it } from 'vitest';
import { makeUser } from '../../src/seed/factories.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';
import { lastMailedToken } from '../helpers/mail.js';

const t = useTestApp();

/** A platform administrator (installation level) who is also admin of their own organisation. */
async function platformAdmin() {
  const { org, units } = await seedOrg(t.db, []);
  const email = `plattform-${Math.random().toString(36).slice(2, 8)}@test.example`;
  await t.db
    .transaction()
    .execute((trx) => makeUser(trx, org.id, { email, isPlatformAdmin: true, roles: [{ role: 'admin', unitId: units.root.id }] }));
  return signIn(t.app, email);
}

const newOrg = (orgNumber: string, email = `admin-${orgNumber.replace(/\D/g, '')}@kommun.example`) => ({
  name: 'Exempels kommun',
  orgNumber,
  kind: 'municipality',
  admin: { email, name: 'Första Admin' },
});

describe('adding organisations (platform administrators)', () => {
  it('adds an organisation with its top unit and an invited first administrator', async () => {
    const pa = await platformAdmin();
    const res = await pa.post('/api/v1/organizations', newOrg('212000 0142'));
    expect(res.statusCode).toBe(201);
    const { organization, adminLink, mailed } = res.json();
    expect(organization).toMatchObject({ name: 'Exempels kommun', orgNumber: '212000-0142', kind: 'municipality' });
    expect(mailed).toBe(true);

    const root = await t.db.selectFrom('units').selectAll().where('id', '=', organization.rootUnitId).executeTakeFirstOrThrow();
    expect(root).toMatchObject({ organization_id: organization.id, parent_id: null, kind: 'organization', name: 'Exempels kommun' });

    // The first administrator accepts the link and manages the new organisation.
    // Mailed, so not in the answer: the link is read from the queued mail.
    expect(adminLink).toBeNull();
    const token = await lastMailedToken(t.db);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/links/accept',
      payload: { token, password: 'ett-långt-lösenord' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.organizationId).toBe(organization.id);
    expect(accepted.json().roles).toEqual([expect.objectContaining({ role: 'admin', unitId: organization.rootUnitId })]);

    const chain = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('organization_id', '=', organization.id)
      .orderBy('id')
      .execute();
    // A new organisation starts with the shipped classification model as its version 1 and the shipped requirement catalogue.
    expect(chain.slice(0, 5)).toEqual([
      { action: 'create', entity_type: 'organization' },
      { action: 'create', entity_type: 'classification_model' },
      { action: 'import', entity_type: 'requirement_catalogue_version' },
      { action: 'invite', entity_type: 'user' },
      { action: 'grant', entity_type: 'role_assignment' },
    ]);
    const list = (await pa.get('/api/v1/organizations')).json();
    expect(list.map((o: { id: string }) => o.id)).toContain(organization.id);
  });

  it('refuses an organisation number whose check digit is wrong, naming the field', async () => {
    const pa = await platformAdmin();
    const res = await pa.post('/api/v1/organizations', newOrg('212000-0143'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ path: ['body', 'orgNumber'], message: 'invalid_org_number' }),
    ]);
  });

  it('refuses an organisation number already registered, in any spelling', async () => {
    const pa = await platformAdmin();
    expect((await pa.post('/api/v1/organizations', newOrg('232100-0016'))).statusCode).toBe(201);
    const dup = await pa.post('/api/v1/organizations', newOrg('2321000016', 'annan@kommun.example'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate_org_number', details: { field: 'orgNumber' } });
  });

  // Addresses are unique per organisation, so one that exists elsewhere is no obstacle (and not revealed).
  it('adds the organisation when its first administrator’s address exists in another organisation', async () => {
    const pa = await platformAdmin();
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    const res = await pa.post('/api/v1/organizations', newOrg('202100-2114', users.auditor!.email));
    expect(res.statusCode).toBe(201);
    expect(await t.db.selectFrom('users').select('id').where('email', '=', users.auditor!.email).execute()).toHaveLength(2);
  });

  it('is refused to everyone else, organisation administrators included', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    expect((await admin.post('/api/v1/organizations', newOrg('212000-1355'))).statusCode).toBe(403);
    expect((await admin.get('/api/v1/organizations')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organizations' })).statusCode).toBe(401);
  });
});

describe('the own organisation', () => {
  it('is shown to every role', async () => {
    const { users, org, units } = await seedOrg(t.db, [{ role: 'risk_owner', unit: 'b' }]);
    const riskOwner = await signIn(t.app, users['risk_owner@b']!.email);
    expect((await riskOwner.get('/api/v1/organization')).json()).toEqual({
      id: org.id,
      rowVersion: 1,
      name: org.name,
      orgNumber: org.org_number,
      kind: 'region',
      rootUnitId: units.root.id,
      createdAt: org.created_at.toISOString(),
    });
  });

  it('is changed by its administrator: the name follows to the top unit, and the change is audited', async () => {
    const { users, org, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const res = await admin.patch('/api/v1/organization', { name: 'Region Nytt Namn', kind: 'other' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Region Nytt Namn', kind: 'other', orgNumber: org.org_number });
    expect((await admin.get(`/api/v1/units/${units.root.id}`)).json().name).toBe('Region Nytt Namn');
    const [event] = (await admin.get(`/api/v1/audit-events?entityType=organization&action=update`)).json().items;
    expect(event.changes).toEqual({ name: { before: org.name, after: 'Region Nytt Namn' }, kind: { before: 'region', after: 'other' } });
  });

  it('refuses an invalid or taken organisation number', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const other = await seedOrg(t.db, []);
    const admin = await signIn(t.app, users.admin!.email);
    expect((await admin.patch('/api/v1/organization', { orgNumber: '212000-0143' })).json().error.details.issues[0].path).toEqual([
      'body',
      'orgNumber',
    ]);
    const taken = await admin.patch('/api/v1/organization', { orgNumber: other.org.org_number });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('duplicate_org_number');
  });

  it('cannot be changed by an administrator of a sub-unit only, nor by other roles', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin', unit: 'a' }, { role: 'security_coordinator' }]);
    for (const email of [users['admin@a']!.email, users.security_coordinator!.email]) {
      const client = await signIn(t.app, email);
      expect((await client.patch('/api/v1/organization', { name: 'Kapad' })).statusCode).toBe(403);
    }
  });
});
