import { describe, expect, it } from 'vitest';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { PASSWORD, seedOrg, signIn, useTestApp } from '../helpers/app.js';

// Mail off: the one-time links are then shown to the admin (with mail on they never are, mail.test.ts).
const t = useTestApp({ mailer: createMailer(undefined, '') });

const NEW_PASSWORD = 'ett-långt-nytt-lösenord';
const tokenOf = (link: string) => link.split('/link/')[1]!;
const linkInfo = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/auth/links/${token}` });
const accept = (token: string, password = NEW_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/links/accept', payload: { token, password } });
const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: '192.0.2.50' });

describe('invitation links', () => {
  it('invites, shows what the link is for, and signs the new user in when they choose a password', async () => {
    const { users, units, org } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const invited = await admin.post('/api/v1/users', {
      email: 'ny.person@test.example',
      name: 'Ny Person',
      role: 'information_owner',
      unitId: units.a.id,
    });
    expect(invited.statusCode).toBe(201);
    const { link, user } = invited.json();
    expect(link).toMatch(/^http:\/\/localhost:3000\/link\/[\w-]{40,}$/);
    expect(user.status).toBe('invited');

    const info = await linkInfo(tokenOf(link));
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({ email: 'ny.person@test.example', name: 'Ny Person', organizationName: org.name, purpose: 'invitation' });

    const weak = await accept(tokenOf(link), 'kort');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.issues[0].path).toEqual(['body', 'password']);

    const accepted = await accept(tokenOf(link));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ id: user.id, email: 'ny.person@test.example' });
    expect(accepted.json().roles).toEqual([expect.objectContaining({ role: 'information_owner', unitId: units.a.id })]);
    const cookie = accepted.cookies.find((c) => c.name === 'tillit_session')!.value;
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { tillit_session: cookie } });
    expect(session.json().user.id).toBe(user.id);
    expect((await admin.get(`/api/v1/users/${user.id}`)).json().status).toBe('active');
    expect((await login('ny.person@test.example', NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('cannot be used twice', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const { link } = (
      await admin.post('/api/v1/users', { email: 'en.gang@test.example', name: 'En Gång', role: 'auditor', unitId: units.root.id })
    ).json();
    expect((await accept(tokenOf(link))).statusCode).toBe(200);
    const again = await accept(tokenOf(link), 'ett-annat-långt-lösenord');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
    expect((await linkInfo(tokenOf(link))).json().error.code).toBe('invalid_token');
    expect((await login('en.gang@test.example', 'ett-annat-långt-lösenord')).statusCode).toBe(401);
  });

  it('is refused once expired', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const { link, user } = (
      await admin.post('/api/v1/users', { email: 'sen@test.example', name: 'Sen', role: 'auditor', unitId: units.root.id })
    ).json();
    await t.db
      .updateTable('user_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await linkInfo(tokenOf(link))).json().error.code).toBe('invalid_token');
    expect((await accept(tokenOf(link))).json().error.code).toBe('invalid_token');
    expect((await admin.get(`/api/v1/users/${user.id}`)).json().status).toBe('invited');
  });

  it('is refused for an unknown token, and for a user disabled after the invitation', async () => {
    expect((await linkInfo('x'.repeat(43))).json().error.code).toBe('invalid_token');
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const { link, user } = (
      await admin.post('/api/v1/users', { email: 'avstangd@test.example', name: 'Avstängd', role: 'auditor', unitId: units.root.id })
    ).json();
    await admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' });
    expect((await accept(tokenOf(link))).json().error.code).toBe('invalid_token');
  });
});

describe('password reset links', () => {
  it('lets the user choose a new password, ends their sessions, and the old password stops working', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const auditor = await signIn(t.app, users.auditor!.email);
    const res = await admin.post(`/api/v1/users/${users.auditor!.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const token = tokenOf(res.json().link);
    expect((await linkInfo(token)).json().purpose).toBe('password_reset');
    expect((await accept(token)).statusCode).toBe(200);
    expect((await auditor.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await login(users.auditor!.email, PASSWORD)).statusCode).toBe(401);
    expect((await login(users.auditor!.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('a newer link replaces the older one', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const first = tokenOf((await admin.post(`/api/v1/users/${users.auditor!.id}/reset-password`)).json().link);
    const second = tokenOf((await admin.post(`/api/v1/users/${users.auditor!.id}/reset-password`)).json().link);
    expect((await accept(first)).json().error.code).toBe('invalid_token');
    expect((await accept(second)).statusCode).toBe(200);
  });

  it('unlocks a locked account', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    for (let i = 0; i < 5; i++) await login(users.auditor!.email, 'wrong-password');
    expect((await login(users.auditor!.email, PASSWORD)).statusCode).toBe(423);
    const admin = await signIn(t.app, users.admin!.email);
    const token = tokenOf((await admin.post(`/api/v1/users/${users.auditor!.id}/reset-password`)).json().link);
    expect((await accept(token)).statusCode).toBe(200);
    expect((await login(users.auditor!.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('is not issued for a disabled user', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    await admin.patch(`/api/v1/users/${users.auditor!.id}`, { status: 'disabled' });
    const res = await admin.post(`/api/v1/users/${users.auditor!.id}/reset-password`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('user_disabled');
  });
});
