import { describe, expect, it } from 'vitest';
import { createPlatformAdmin } from '../../src/cli/create-admin.js';
import { StartupError } from '../../src/db/embedded.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { makeUser } from '../../src/seed/factories.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();
const PASSWORD = 'ett-långt-adminlösenord';

describe('tillit create-admin', () => {
  it('creates the organisation and its first administrator, who is a platform administrator and can sign in', async () => {
    await createPlatformAdmin(t.db, {
      email: 'Forsta.Admin@Region.example',
      name: 'Första Admin',
      orgNumber: '2321000016',
      orgName: 'Region Ny',
      password: PASSWORD,
    });
    const org = await t.db.selectFrom('organizations').selectAll().where('org_number', '=', '232100-0016').executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'Region Ny', kind: 'region' });

    const admin = await signIn(t.app, 'forsta.admin@region.example', PASSWORD);
    const session = (await admin.get('/api/v1/auth/session')).json();
    expect(session.user).toMatchObject({ name: 'Första Admin', organizationId: org.id, isPlatformAdmin: true });
    expect(session.roles).toEqual([expect.objectContaining({ role: 'admin', unitName: 'Region Ny' })]);
    expect((await admin.get('/api/v1/organizations')).statusCode).toBe(200);
    expect(await verifyAuditChain(t.db, org.id)).toMatchObject({ ok: true, checked: 6 }); // organisation, its classification model v1, its requirement catalogue, user, role, sign-in
  });

  it('adds an administrator to an organisation that exists', async () => {
    const { org } = await seedOrg(t.db, []);
    await createPlatformAdmin(t.db, { email: 'andra@region.example', name: 'Andra', orgNumber: org.org_number, password: PASSWORD });
    const user = await t.db.selectFrom('users').selectAll().where('email', '=', 'andra@region.example').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ organization_id: org.id, is_platform_admin: true, status: 'active' });
  });

  it('refuses bad input with a clear message and creates nothing', async () => {
    const { org } = await seedOrg(t.db, []);
    await t.db.transaction().execute((trx) => makeUser(trx, org.id, { email: 'Upptagen@Region.example' }));
    const attempts: [Parameters<typeof createPlatformAdmin>[1], RegExp][] = [
      [{ email: 'a@region.example', name: 'A', orgNumber: '232100-0017', orgName: 'X', password: PASSWORD }, /organisationsnummer/],
      [{ email: 'a@region.example', name: 'A', orgNumber: '212000-0142', orgName: 'X', password: 'kort' }, /12 tecken/],
      [{ email: 'a@region.example', name: 'A', orgNumber: '212000-0142', password: PASSWORD }, /--org-name/],
      [{ email: 'upptagen@region.example', name: 'A', orgNumber: org.org_number, password: PASSWORD }, /redan en användare/],
    ];
    for (const [opts, message] of attempts) {
      const error = await createPlatformAdmin(t.db, opts).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toMatch(message);
    }
    expect(await t.db.selectFrom('organizations').select('id').where('org_number', '=', '212000-0142').execute()).toEqual([]);
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'a@region.example').execute()).toEqual([]);
  });
});
