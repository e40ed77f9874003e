import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp, withToken, type Client } from '../helpers/app.js';

const t = useTestApp();

const ifMatch = (v: number | string) => ({ 'if-match': typeof v === 'number' ? `"${v}"` : v });
const patch = (c: Client, url: string, payload: object, headers: Record<string, string>) =>
  c.request({ method: 'PATCH', url, payload, headers });
/** A PATCH without If-Match, as an old web app or a careless script would send it. */
const bare = (c: Client, url: string, payload: object) =>
  c.request({ method: 'PATCH', url, payload, headers: { 'if-match': undefined as unknown as string } });

describe('optimistic concurrency (ETag / If-Match)', () => {
  it('returns the version as ETag and in the view, and answers a stale If-Match with 412 and the current state', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'system_steward', unit: 'a' }, { role: 'security_coordinator' }]);
    const alice = await signIn(t.app, users['system_steward@a']!.email);
    const bob = await signIn(t.app, users.security_coordinator!.email);
    const created = await alice.post('/api/v1/assets', { kind: 'system', name: 'Journalsystem', unitId: units.a.id });
    const asset = created.json();
    expect(asset.rowVersion).toBe(1);
    const read = await bob.get(`/api/v1/assets/${asset.id}`);
    expect(read.headers.etag).toBe('"1"');

    // Both opened version 1; Alice saves first, Bob's save from the same version must not overwrite hers.
    const first = await patch(alice, `/api/v1/assets/${asset.id}`, { description: 'Alice' }, ifMatch(1));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.json().rowVersion).toBe(2);
    const second = await patch(bob, `/api/v1/assets/${asset.id}`, { supplier: 'Bob AB' }, ifMatch(1));
    expect(second.statusCode).toBe(412);
    const body = second.json();
    expect(body.error.code).toBe('edit_conflict');
    expect(body.error.message).toMatch(/Någon annan har ändrat/);
    expect(body.error.details.currentVersion).toBe(2);
    expect(body.error.details.current).toMatchObject({ id: asset.id, description: 'Alice', supplier: null, rowVersion: 2 });
    expect(second.headers.etag).toBe('"2"');

    // In English when the user reads English; with the current version the save goes through.
    const en = await bob.request({
      method: 'PATCH',
      url: `/api/v1/assets/${asset.id}`,
      payload: { supplier: 'x' },
      headers: { ...ifMatch(1), 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(412);
    const retry = await patch(bob, `/api/v1/assets/${asset.id}`, { supplier: 'Bob AB' }, ifMatch(2));
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ description: 'Alice', supplier: 'Bob AB', rowVersion: 3 });
  });

  it('requires If-Match from a browser session (428) but lets an API token omit it', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const unit = (await admin.post('/api/v1/units', { parentId: units.a.id, name: 'Mottagning', kind: 'operation' })).json();
    const res = await bare(admin, `/api/v1/units/${unit.id}`, { name: 'Ny' });
    expect(res.statusCode).toBe(428);
    expect(res.json().error.code).toBe('if_match_required');
    const token = (await admin.post('/api/v1/api-tokens', { name: 'Skript', scope: 'write' })).json();
    const script = withToken(t.app, token.secret);
    const viaToken = await bare(script, `/api/v1/units/${unit.id}`, { name: 'Ny' });
    expect(viaToken.statusCode, viaToken.body).toBe(200);
    // A token that sends If-Match gets the same protection.
    const stale = await patch(script, `/api/v1/units/${unit.id}`, { name: 'Äldre' }, ifMatch(1));
    expect(stale.statusCode).toBe(412);
  });

  it('checks the version on every editable resource', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'security_coordinator' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const coord = await signIn(t.app, users.security_coordinator!.email);
    const sys1 = (await coord.post('/api/v1/assets', { kind: 'system', name: 'A', unitId: units.a.id })).json();
    const sys2 = (await coord.post('/api/v1/assets', { kind: 'system', name: 'B', unitId: units.a.id })).json();
    const withIntegration = (await coord.post(`/api/v1/assets/${sys1.id}/integrations`, { toAssetId: sys2.id, description: 'HL7' })).json();
    const integration = withIntegration.integrations[0];
    const type = (
      await coord.post('/api/v1/information-types', {
        name: `Typ ${Date.now()}`,
        personalData: 'none',
        recommended: { C: 1, I: 1, A: 1, T: 1 },
      })
    ).json();
    const org = (await admin.get('/api/v1/organization')).json();
    const cases: [Client, string, object, number][] = [
      [admin, `/api/v1/units/${units.b.id}`, { description: 'x' }, (await admin.get(`/api/v1/units/${units.b.id}`)).json().rowVersion],
      [
        admin,
        `/api/v1/users/${users.security_coordinator!.id}`,
        { name: 'Ny Namn' },
        (await admin.get(`/api/v1/users/${users.security_coordinator!.id}`)).json().rowVersion,
      ],
      [admin, '/api/v1/organization', { name: 'Region Ny' }, org.rowVersion],
      [coord, `/api/v1/information-types/${type.id}`, { description: 'x' }, type.rowVersion],
      [coord, `/api/v1/asset-integrations/${integration.id}`, { description: 'FHIR' }, integration.rowVersion],
    ];
    for (const [client, url, payload, version] of cases) {
      expect(version, url).toEqual(expect.any(Number));
      const ok = await patch(client, url, payload, ifMatch(version));
      expect(ok.statusCode, `${url} ${ok.body}`).toBe(200);
      expect(ok.json().rowVersion, url).toBe(version + 1);
      const stale = await patch(client, url, payload, ifMatch(version));
      expect(stale.statusCode, url).toBe(412);
      expect(stale.json().error.details.current.rowVersion, url).toBe(version + 1);
    }
  });

  it('records the right "before" when two saves race: each audit event starts where the previous one ended', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'security_coordinator' }]);
    const admin = await signIn(t.app, users.admin!.email);
    // The integration's token writes assets: its owner is coordinator and admin.
    const grant = await admin.post(`/api/v1/users/${users.security_coordinator!.id}/roles`, { role: 'admin', unitId: units.root.id });
    expect(grant.statusCode, grant.body).toBe(200);
    const coord = await signIn(t.app, users.security_coordinator!.email);
    const token = (await coord.post('/api/v1/api-tokens', { name: 'Skript', scope: 'write' })).json();
    const script = withToken(t.app, token.secret);
    const asset = (await coord.post('/api/v1/assets', { kind: 'system', name: 'Start', unitId: units.a.id })).json();
    // Ten concurrent saves without If-Match (API tokens, last writer wins) — the row lock still
    // makes every audit "before" the committed state the save replaced.
    const names = Array.from({ length: 10 }, (_, i) => `Namn ${i}`);
    const results = await Promise.all(names.map((name) => bare(script, `/api/v1/assets/${asset.id}`, { name })));
    expect(results.map((r) => r.statusCode)).toEqual(names.map(() => 200));
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['changes', 'id'])
      .where('entity_id', '=', asset.id)
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(10);
    let previous = 'Start';
    for (const r of rows) {
      const name = (r.changes as { name: { before: string; after: string } }).name;
      expect(name.before).toBe(previous);
      previous = name.after;
    }
    const final = (await coord.get(`/api/v1/assets/${asset.id}`)).json();
    expect(final.name).toBe(previous);
    expect(final.rowVersion).toBe(11);
  });

  it('two people answering the same classification draft: the second gets 412, and merged saves keep both answers', async () => {
    const { units, users } = await seedOrg(t.db, [
      { role: 'information_owner', unit: 'a' },
      { role: 'information_owner', unit: 'a', email: `owner2-${Math.random().toString(36).slice(2)}@test.example` },
    ]);
    const second = Object.keys(users).find((k) => k.startsWith('owner2-'))!;
    const anna = await signIn(t.app, users['information_owner@a']!.email);
    const bert = await signIn(t.app, users[second]!.email);
    const set = (
      await anna.post('/api/v1/assets', { kind: 'information_set', name: 'Remisser', unitId: units.a.id, personalData: 'none' })
    ).json();
    const draft = (await anna.post(`/api/v1/assets/${set.id}/classifications`)).json();
    const url = `/api/v1/classifications/${draft.id}`;
    const v = draft.rowVersion as number;
    const a = await patch(anna, url, { answers: { C: { privacy: 2 } } }, ifMatch(v));
    expect(a.statusCode, a.body).toBe(200);
    const b = await patch(bert, url, { answers: { I: { life_health: 3 } } }, ifMatch(v));
    expect(b.statusCode).toBe(412);
    expect(b.json().error.details.current.answers).toMatchObject({ C: { privacy: 2 } });
    const b2 = await patch(bert, url, { answers: { I: { life_health: 3 } } }, ifMatch(b.json().error.details.currentVersion));
    expect(b2.statusCode, b2.body).toBe(200);
    expect(b2.json().answers).toMatchObject({ C: { privacy: 2 }, I: { life_health: 3 } });
  });
});
