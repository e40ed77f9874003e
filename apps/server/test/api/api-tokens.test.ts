import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeUser } from '../../src/seed/factories.js';
import { seedOrg, signIn, useTestApp, withToken, type Client } from '../helpers/app.js';

const t = useTestApp();

async function createToken(client: Client, body: { name: string; scope: 'read' | 'write'; expiresInDays?: number }) {
  const res = await client.post('/api/v1/api-tokens', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { token: { id: string; name: string; scope: string; expiresAt: string | null }; secret: string };
}

describe('API tokens', () => {
  it('are created once with a secret that then works as a bearer token, acting as their creator', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const { token, secret } = await createToken(admin, { name: 'Integration CMDB', scope: 'write', expiresInDays: 30 });
    expect(secret).toMatch(/^tillit_[\w-]{40,}$/);
    expect(token).toMatchObject({ name: 'Integration CMDB', scope: 'write', userId: users.admin!.id, revokedAt: null, lastUsedAt: null });
    expect(new Date(token.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const integration = withToken(t.app, secret);
    const session = await integration.get('/api/v1/auth/session');
    expect(session.json().user.id).toBe(users.admin!.id);
    // No CSRF token is needed with a bearer token: there is no cookie a browser could send on its own.
    const created = await integration.post('/api/v1/units', { parentId: units.a.id, name: 'Via API', kind: 'unit' });
    expect(created.statusCode).toBe(201);
    const [event] = (await admin.get(`/api/v1/audit-events?entityId=${created.json().id}`)).json().items;
    expect(event.actorUserId).toBe(users.admin!.id);

    const listed = (await admin.get('/api/v1/api-tokens')).json();
    expect(listed).toEqual([expect.objectContaining({ id: token.id, lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('stores only a hash of the secret, and writes the secret nowhere else', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const { token, secret } = await createToken(admin, { name: 'Hemlig', scope: 'read' });
    const row = await t.db.selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(secret);
    // Search every row of every table, as text, for the secret's random part.
    const needle = secret.slice('tillit_'.length);
    const tables = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.db);
    expect(tables.rows.length).toBeGreaterThan(5);
    for (const { name } of tables.rows) {
      const hits = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(name)} x where x::text like ${'%' + needle + '%'}`.execute(t.db);
      expect(hits.rows[0]!.n, name).toBe(0);
    }
  });

  it('with the read scope may read but not change anything', async () => {
    const { users, units, org } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const { secret } = await createToken(admin, { name: 'Läsare', scope: 'read' });
    const reader = withToken(t.app, secret);
    expect((await reader.get('/api/v1/units')).statusCode).toBe(200);
    expect((await reader.get('/api/v1/users')).statusCode).toBe(200);
    const refused = [
      await reader.post('/api/v1/units', { parentId: units.a.id, name: 'Får inte', kind: 'unit' }),
      await reader.patch(`/api/v1/units/${units.a.id}`, { name: 'Får inte' }),
      await reader.del(`/api/v1/units/${units.b.id}`),
      await reader.patch('/api/v1/organization', { name: 'Får inte' }),
      await reader.patch('/api/v1/auth/profile', { locale: 'en' }),
      await reader.post('/api/v1/auth/logout'),
    ];
    for (const res of refused) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await admin.get(`/api/v1/units/${units.a.id}`)).json().name).toBe('Förvaltning A');
    expect((await admin.get('/api/v1/organization')).json().name).toBe(org.name);
    expect((await admin.get('/api/v1/auth/session')).json().user.locale).toBe('sv');
  });

  it('with the read scope cannot add organisations, even when made by a platform administrator', async () => {
    const { org, units } = await seedOrg(t.db, []);
    const email = `pa-${Math.random().toString(36).slice(2, 8)}@test.example`;
    await t.db
      .transaction()
      .execute((trx) => makeUser(trx, org.id, { email, isPlatformAdmin: true, roles: [{ role: 'admin', unitId: units.root.id }] }));
    const pa = await signIn(t.app, email);
    const reader = withToken(t.app, (await createToken(pa, { name: 'Läsare', scope: 'read' })).secret);
    expect((await reader.get('/api/v1/organizations')).statusCode).toBe(200);
    const res = await reader.post('/api/v1/organizations', {
      name: 'Smygregion',
      orgNumber: '212000-1355',
      kind: 'region',
      admin: { email: 'smyg@test.example', name: 'Smyg' },
    });
    expect(res.statusCode).toBe(403);
    expect(await t.db.selectFrom('organizations').select('id').where('name', '=', 'Smygregion').execute()).toEqual([]);
  });

  it('cannot make further tokens nor change the password', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const writer = withToken(t.app, (await createToken(admin, { name: 'Skrivare', scope: 'write' })).secret);
    expect((await writer.post('/api/v1/api-tokens', { name: 'Ännu en', scope: 'write' })).statusCode).toBe(403);
    expect(
      (await writer.post('/api/v1/auth/password', { currentPassword: 'correct-horse-battery', newPassword: 'ett-långt-nytt-lösenord' }))
        .statusCode,
    ).toBe(403);
  });

  it('stop working when revoked, expired, or when their user is disabled', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'admin', email: 'andra@tokens.example' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const revoked = await createToken(admin, { name: 'Återkallas', scope: 'read' });
    const expired = await createToken(admin, { name: 'Går ut', scope: 'read', expiresInDays: 1 });
    const other = await signIn(t.app, 'andra@tokens.example');
    const ofDisabled = await createToken(other, { name: 'Användaren stängs av', scope: 'read' });

    expect((await admin.del(`/api/v1/api-tokens/${revoked.token.id}`)).statusCode).toBe(204);
    await t.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expired.token.id)
      .execute();
    await admin.patch(`/api/v1/users/${users['andra@tokens.example']!.id}`, { status: 'disabled' });

    for (const secret of [revoked.secret, expired.secret, ofDisabled.secret, 'tillit_made-up']) {
      const res = await withToken(t.app, secret).get('/api/v1/units');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    const listed = (await admin.get('/api/v1/api-tokens')).json();
    expect(listed.find((x: { id: string }) => x.id === revoked.token.id).revokedAt).toEqual(expect.any(String));
    const events = (await admin.get(`/api/v1/audit-events?entityType=api_token&entityId=${revoked.token.id}`)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['revoke', 'create']);
  });

  it('are managed only by roles with token.manage', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    expect((await coordinator.post('/api/v1/api-tokens', { name: 'Nej', scope: 'read' })).statusCode).toBe(403);
    expect((await coordinator.get('/api/v1/api-tokens')).statusCode).toBe(403);
  });
});
