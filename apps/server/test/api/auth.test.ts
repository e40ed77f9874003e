import { describe, expect, it } from 'vitest';
import { PASSWORD, seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

const login = (email: string, password: string, remoteAddress = '192.0.2.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

const sessionCookie = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'tillit_session')?.value;

describe('signing in', () => {
  it('signs in with the right password, sets an http-only session cookie and answers the session', async () => {
    const { users, org } = await seedOrg(t.db, [{ role: 'admin' }]);
    const res = await login(users.admin!.email, PASSWORD, '192.0.2.10');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tillit_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({
      user: { id: users.admin!.id, organizationId: org.id, isPlatformAdmin: false },
      csrfToken: expect.any(String),
    });
    expect(res.json().permissions).toContain('user.manage');
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { tillit_session: cookie.value } });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.email).toBe(users.admin!.email);
  });

  it('answers a wrong password and an unknown e-mail address with the same error', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    const wrong = await login(users.auditor!.email, 'not-the-password', '192.0.2.11');
    const unknown = await login('nobody@test.example', 'not-the-password', '192.0.2.11');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(sessionCookie(wrong)).toBeUndefined();
  });

  it('accepts the e-mail address in any case', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    const res = await login(users.auditor!.email.toUpperCase(), PASSWORD, '192.0.2.12');
    expect(res.statusCode).toBe(200);
  });

  it('locks the account after five failures, even for the right password, until an admin unlocks it', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const email = users.auditor!.email;
    for (let i = 0; i < 5; i++) expect((await login(email, 'wrong-password', '192.0.2.13')).statusCode).toBe(401);
    const locked = await login(email, PASSWORD, '192.0.2.13');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('account_locked');
    expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(14 * 60);

    const admin = await signIn(t.app, users.admin!.email);
    expect((await admin.get(`/api/v1/users/${users.auditor!.id}`)).json().lockedUntil).toEqual(expect.any(String));
    const unlocked = await admin.post(`/api/v1/users/${users.auditor!.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await login(email, PASSWORD, '192.0.2.13')).statusCode).toBe(200);
  });

  it('starts counting failures afresh once a lock has run out', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    const email = users.auditor!.email;
    for (let i = 0; i < 5; i++) await login(email, 'wrong-password', '192.0.2.14');
    await t.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', users.auditor!.id)
      .execute();
    expect((await login(email, 'wrong-password', '192.0.2.14')).json().error.code).toBe('invalid_credentials');
    expect((await login(email, PASSWORD, '192.0.2.14')).statusCode).toBe(200);
  });

  it('throttles sign-in attempts per client address with 429 and Retry-After', async () => {
    const address = '198.51.100.7';
    // Different addresses each time: one unknown address locks after five misses, like a real account.
    for (let i = 0; i < 30; i++) expect((await login(`nobody${i}@test.example`, 'x', address)).statusCode).toBe(401);
    const throttled = await login('nobody@test.example', 'x', address);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('too_many_requests');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await login('nobody@test.example', 'x', '198.51.100.8')).statusCode).toBe(401);
  });

  it('does not throttle many successful sign-ins from one address (many people behind one NAT)', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    for (let i = 0; i < 31; i++) expect((await login(users.admin!.email, PASSWORD, '198.51.100.9')).statusCode).toBe(200);
  });

  it('refuses a disabled account even with the right password', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', users.auditor!.id).execute();
    const res = await login(users.auditor!.email, PASSWORD, '192.0.2.15');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('user_disabled');
  });

  it('records sign-ins and failed sign-ins in the audit log', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    await login(users.admin!.email, 'wrong-password', '192.0.2.16');
    const admin = await signIn(t.app, users.admin!.email);
    const events = (await admin.get(`/api/v1/audit-events?entityType=session&entityId=${users.admin!.id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['login', 'login_failed']);
    expect(events[1].changes).toEqual({ failedAttempts: { after: 1 } });
  });
});

describe('sessions', () => {
  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const res = await admin.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'tillit_session')?.value).toBe('');
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await admin.get('/api/v1/units')).json().error.code).toBe('unauthenticated');
  });

  it('ends a session that has been idle for longer than the idle limit', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(200);
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 59 * 60_000) })
      .where('user_id', '=', users.admin!.id)
      .execute();
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(200);
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 61 * 60_000) })
      .where('user_id', '=', users.admin!.id)
      .execute();
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', users.admin!.id).execute()).toEqual([]);
  });

  it('ends a session at its absolute expiry, however active', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', users.admin!.id)
      .execute();
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated change without the CSRF token', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const body = { parentId: units.a.id, name: 'Ny enhet', kind: 'unit' };
    const missing = await admin.request({ method: 'POST', url: '/api/v1/units', payload: body, headers: { 'x-csrf-token': '' } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf_failed');
    const wrong = await admin.request({ method: 'POST', url: '/api/v1/units', payload: body, headers: { 'x-csrf-token': 'guessed' } });
    expect(wrong.json().error.code).toBe('csrf_failed');
    expect(await t.db.selectFrom('units').select('id').where('name', '=', 'Ny enhet').execute()).toEqual([]);
    // Reading needs no token; the right token lets the change through.
    expect((await admin.request({ method: 'GET', url: '/api/v1/units', headers: { 'x-csrf-token': '' } })).statusCode).toBe(200);
    expect((await admin.post('/api/v1/units', body)).statusCode).toBe(201);
  });
});

describe('changing one’s own password', () => {
  it('refuses a wrong current password and a too short new one', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    const me = await signIn(t.app, users.auditor!.email);
    const wrong = await me.post('/api/v1/auth/password', { currentPassword: 'not-it', newPassword: 'a-long-new-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('wrong_current_password');
    const weak = await me.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.issues[0].path).toEqual(['body', 'newPassword']);
  });

  it('changes the password, keeps this session and ends every other session', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    const here = await signIn(t.app, users.auditor!.email);
    const elsewhere = await signIn(t.app, users.auditor!.email);
    const res = await here.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'a-long-new-password' });
    expect(res.statusCode).toBe(204);
    expect((await here.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await login(users.auditor!.email, PASSWORD, '192.0.2.20')).statusCode).toBe(401);
    expect((await login(users.auditor!.email, 'a-long-new-password', '192.0.2.20')).statusCode).toBe(200);
    const event = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'password_change')
      .where('entity_id', '=', users.auditor!.id)
      .executeTakeFirst();
    expect(event).toBeDefined();
    expect(JSON.stringify(event)).not.toContain('a-long-new-password');
  });
});
