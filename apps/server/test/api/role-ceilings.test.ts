import { describe, expect, it } from 'vitest';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { PASSWORD, seedOrg, signIn, useTestApp } from '../helpers/app.js';

// Mail off: the one-time links are then shown to the admin (with mail on they never are, mail.test.ts).
const t = useTestApp({ mailer: createMailer(undefined, '') });

const NEW_PASSWORD = 'ett-långt-nytt-lösenord';
const tokenOf = (link: string) => link.split('/link/')[1]!;
const accept = (token: string, password = NEW_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/links/accept', payload: { token, password } });

describe('role ceilings', () => {
  it('refuses granting a role to oneself, even to an admin of the whole organisation', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'admin', unit: 'a' }]);
    for (const who of ['admin', 'admin@a'] as const) {
      const admin = await signIn(t.app, users[who]!.email);
      const res = await admin.post(`/api/v1/users/${users[who]!.id}/roles`, { role: 'security_coordinator', unitId: units.a.id });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'role_self_grant', details: { field: 'role' } });
    }
    const grants = await t.db.selectFrom('role_assignments').select('role').where('role', '=', 'security_coordinator').execute();
    expect(grants).toEqual([]);
  });

  it('lets a sub-unit admin grant and invite only roles whose permissions it holds there', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'admin', unit: 'a' }, { role: 'auditor', unit: 'a' }]);
    const subAdmin = await signIn(t.app, users['admin@a']!.email);
    const above = await subAdmin.post(`/api/v1/users/${users['auditor@a']!.id}/roles`, {
      role: 'security_coordinator',
      unitId: units.a.id,
    });
    expect(above.statusCode).toBe(403);
    expect(above.json().error.code).toBe('role_above_own');
    const invite = await subAdmin.post('/api/v1/users', {
      email: 'docka@test.example',
      name: 'Docka',
      role: 'information_owner',
      unitId: units.a.id,
    });
    expect(invite.json().error.code).toBe('role_above_own');
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'docka@test.example').executeTakeFirst()).toBeUndefined();
    // Within its own permissions it still manages roles.
    expect(
      (await subAdmin.post(`/api/v1/users/${users['auditor@a']!.id}/roles`, { role: 'data_protection_officer', unitId: units.a.id }))
        .statusCode,
    ).toBe(200);
    // The organisation's top admin appoints coordinators.
    const rootAdmin = await signIn(t.app, users.admin!.email);
    expect(
      (await rootAdmin.post(`/api/v1/users/${users['auditor@a']!.id}/roles`, { role: 'security_coordinator', unitId: units.a.id }))
        .statusCode,
    ).toBe(200);
  });
});

describe("managing a person above one's own role", () => {
  // An admin of unit A lacks classification.approve, which an information owner on A holds: a reset
  // link issued by her would let her sign in as that owner and approve classifications.
  const setup = async () => {
    const { users, units } = await seedOrg(t.db, [
      { role: 'admin' },
      { role: 'admin', unit: 'a' },
      { role: 'information_owner', unit: 'a' },
      { role: 'auditor', unit: 'a' },
    ]);
    const subAdmin = await signIn(t.app, users['admin@a']!.email);
    return { users, units, subAdmin, owner: users['information_owner@a']!.id };
  };

  it('refuses a reset link, so the link cannot sign her in as that person', async () => {
    const { users, subAdmin, owner } = await setup();
    const res = await subAdmin.post(`/api/v1/users/${owner}/reset-password`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'user_above_own', details: { permission: 'asset.write' } });
    expect(await t.db.selectFrom('user_links').select('id').where('user_id', '=', owner).execute()).toEqual([]);
    // Someone within her ceiling she still manages.
    expect((await subAdmin.post(`/api/v1/users/${users['auditor@a']!.id}/reset-password`)).statusCode).toBe(200);
  });

  it('refuses disabling, re-enabling and renaming that person', async () => {
    const { subAdmin, owner } = await setup();
    for (const body of [{ status: 'disabled' }, { name: 'Övertagen' }]) {
      const res = await subAdmin.patch(`/api/v1/users/${owner}`, body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('user_above_own');
    }
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', owner).execute();
    expect((await subAdmin.patch(`/api/v1/users/${owner}`, { status: 'active' })).json().error.code).toBe('user_above_own');
    const row = await t.db.selectFrom('users').select(['status', 'name']).where('id', '=', owner).executeTakeFirstOrThrow();
    expect(row.status).toBe('disabled');
  });

  it('refuses unlocking that person', async () => {
    const { subAdmin, owner } = await setup();
    const until = new Date(Date.now() + 3_600_000);
    await t.db.updateTable('users').set({ failed_login_count: 10, locked_until: until }).where('id', '=', owner).execute();
    const res = await subAdmin.post(`/api/v1/users/${owner}/unlock`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('user_above_own');
    expect(
      (await t.db.selectFrom('users').select('failed_login_count').where('id', '=', owner).executeTakeFirstOrThrow()).failed_login_count,
    ).toBe(10);
  });

  it('refuses removing a role she could not have given, while the top admin may', async () => {
    const { users, subAdmin, owner } = await setup();
    const grant = await t.db.selectFrom('role_assignments').select('id').where('user_id', '=', owner).executeTakeFirstOrThrow();
    const res = await subAdmin.del(`/api/v1/users/${owner}/roles/${grant.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'role_above_own', details: { field: 'role' } });
    expect(await t.db.selectFrom('role_assignments').select('id').where('id', '=', grant.id).executeTakeFirst()).toBeDefined();
    const rootAdmin = await signIn(t.app, users.admin!.email);
    expect((await rootAdmin.del(`/api/v1/users/${owner}/roles/${grant.id}`)).statusCode).toBe(200);
    expect((await rootAdmin.post(`/api/v1/users/${owner}/reset-password`)).statusCode).toBe(200);
  });
});

describe('one-time links', () => {
  it('a reset link stops working when the person changes the password themselves', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const token = tokenOf((await admin.post(`/api/v1/users/${users.auditor!.id}/reset-password`)).json().link);
    const auditor = await signIn(t.app, users.auditor!.email);
    expect((await auditor.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await accept(token, 'ett-helt-annat-lösenord')).json().error.code).toBe('invalid_token');
  });

  it('a reset link stops working when the account is disabled, also after it is enabled again', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const token = tokenOf((await admin.post(`/api/v1/users/${users.auditor!.id}/reset-password`)).json().link);
    await admin.patch(`/api/v1/users/${users.auditor!.id}`, { status: 'disabled' });
    await admin.patch(`/api/v1/users/${users.auditor!.id}`, { status: 'active' });
    expect((await accept(token)).json().error.code).toBe('invalid_token');
  });

  it('says in the audit event that the link was shown to the admin when mail is not set up', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const res = await admin.post(`/api/v1/users/${users.auditor!.id}/reset-password`);
    expect(res.json()).toMatchObject({ mailed: false, link: expect.stringContaining('/link/') });
    const event = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('action', '=', 'password_reset')
      .where('entity_id', '=', users.auditor!.id)
      .executeTakeFirstOrThrow();
    expect(event.changes).toEqual({ linkDelivery: { after: 'shown' } });
  });
});

describe('password choice', () => {
  it('refuses a common password and the current one, naming the field', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    const auditor = await signIn(t.app, users.auditor!.email);
    const common = await auditor.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Sommar2024!!' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error).toMatchObject({ code: 'common_password', details: { field: 'newPassword' } });
    const same = await auditor.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.json().error).toMatchObject({ code: 'password_reused', details: { field: 'newPassword' } });
  });

  it('refuses the current password and a common one through a reset link', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const token = tokenOf((await admin.post(`/api/v1/users/${users.auditor!.id}/reset-password`)).json().link);
    expect((await accept(token, PASSWORD)).json().error).toMatchObject({ code: 'password_reused', details: { field: 'password' } });
    expect((await accept(token, 'password123456')).json().error).toMatchObject({ code: 'common_password', details: { field: 'password' } });
    expect((await accept(token)).statusCode).toBe(200);
  });
});
