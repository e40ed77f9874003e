import { describe, expect, it } from 'vitest';
import { PASSWORD, seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

const login = (payload: { email: string; password: string; organizationId?: string }, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress });

describe('sign-in under parallel guessing', () => {
  it('locks the account when 60 wrong passwords arrive at once: at most five are judged', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    const email = users.auditor!.email;
    // Different client addresses, so the per-address limit does not hide the account lock.
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login({ email, password: `wrong-${i}` }, `203.0.113.${i + 1}`)));
    const codes = answers.map((r) => r.json().error.code as string);
    expect(codes.filter((c) => c === 'invalid_credentials').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'account_locked').length).toBeGreaterThanOrEqual(55);
    const right = await login({ email, password: PASSWORD }, '203.0.113.200');
    expect(right.json().error.code).toBe('account_locked');
    const row = await t.db
      .selectFrom('users')
      .select(['failed_login_count', 'locked_until'])
      .where('id', '=', users.auditor!.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_login_count).toBe(5);
    expect(row.locked_until!.getTime()).toBeGreaterThan(Date.now());
  }, 120_000);

  it('applies the per-address limit to the counted value: of 60 parallel misses from one address only 30 are judged', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login({ email: `nobody${i}@test.example`, password: 'x' }, '198.51.100.77')),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 429).length).toBe(30);
    expect(statuses.filter((s) => s === 401).length).toBe(30);
  }, 120_000);
});

describe('the same answers for unknown and real accounts', () => {
  it('locks an unknown address after five misses exactly as a real account, with the same answer', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    const real: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 6; i++) {
      real.push((await login({ email: users.auditor!.email, password: 'wrong-password' }, '192.0.2.71')).json().error.code);
      unknown.push((await login({ email: 'no-such-person@test.example', password: 'wrong-password' }, '192.0.2.72')).json().error.code);
    }
    expect(real).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'account_locked',
    ]);
    expect(unknown).toEqual(real);
    const r = await login({ email: users.auditor!.email, password: 'x' }, '192.0.2.73');
    const u = await login({ email: 'no-such-person@test.example', password: 'x' }, '192.0.2.73');
    expect(u.statusCode).toBe(r.statusCode);
    expect(Math.abs(u.json().error.details.retryAfterSeconds - r.json().error.details.retryAfterSeconds)).toBeLessThanOrEqual(60);
  });

  it('answers a disabled account with a wrong password like any wrong password', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', users.auditor!.id).execute();
    const disabled = await login({ email: users.auditor!.email, password: 'wrong-password' }, '192.0.2.74');
    const unknown = await login({ email: 'nobody-else@test.example', password: 'wrong-password' }, '192.0.2.74');
    expect(disabled.statusCode).toBe(401);
    expect(disabled.json()).toEqual(unknown.json());
  });
});

describe('e-mail addresses per organisation', () => {
  it('an invitation in organisation B does not reveal that the address exists in A, and sign-in asks for the organisation only then', async () => {
    const a = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const b = await seedOrg(t.db, [{ role: 'admin' }]);
    const shared = a.users.auditor!.email;
    const adminB = await signIn(t.app, b.users.admin!.email);
    const invited = await adminB.post('/api/v1/users', { email: shared, name: 'Samma adress', role: 'auditor', unitId: b.units.root.id });
    expect(invited.statusCode).toBe(201);
    // Still unique within one organisation.
    const again = await adminB.post('/api/v1/users', {
      email: shared.toUpperCase(),
      name: 'Igen',
      role: 'auditor',
      unitId: b.units.root.id,
    });
    expect(again.json().error.code).toBe('duplicate_email');

    // The account in B has no password yet: signing in by e-mail alone still reaches A's account.
    expect((await login({ email: shared, password: PASSWORD }, '192.0.2.75')).statusCode).toBe(200);
    const bUser = await t.db
      .selectFrom('users')
      .select('id')
      .where('organization_id', '=', b.org.id)
      .where('email', '=', shared)
      .executeTakeFirstOrThrow();
    const hash = await t.db.selectFrom('users').select('password_hash').where('id', '=', a.users.auditor!.id).executeTakeFirstOrThrow();
    await t.db.updateTable('users').set({ status: 'active', password_hash: hash.password_hash }).where('id', '=', bUser.id).execute();
    const ambiguous = await login({ email: shared, password: PASSWORD }, '192.0.2.75');
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().error.code).toBe('organization_required');
    // Names, so the sign-in page can offer a choice people recognise.
    const offered = ambiguous.json().error.details.organizations as { id: string; name: string }[];
    expect(offered.map((o) => o.id).sort()).toEqual([a.org.id, b.org.id].sort());
    expect(offered.find((o) => o.id === b.org.id)?.name).toBe(b.org.name);
    const chosen = await login({ email: shared, password: PASSWORD, organizationId: b.org.id }, '192.0.2.75');
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().user.organizationId).toBe(b.org.id);
    // A wrong password says nothing about the second account.
    expect((await login({ email: shared, password: 'wrong-password' }, '192.0.2.76')).json().error.code).toBe('invalid_credentials');
  });
});
