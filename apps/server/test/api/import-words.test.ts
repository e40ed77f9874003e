import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp, type Client } from '../helpers/app.js';

const t = useTestApp();

const CSV =
  'Typ;Namn;Förvaltning;Drift;Personuppgifter\r\nSystem;Journalsystem;Förvaltning A;Vårt serverrum i Sunderby;Vårdens uppgifter\r\n';

async function check(client: Client) {
  const up = await client.request({
    method: 'POST',
    url: '/api/v1/asset-imports?fileName=f.csv',
    payload: Buffer.from(CSV),
    headers: { 'content-type': 'text/csv' },
  });
  expect(up.statusCode, up.body).toBe(201);
  const imp = up.json();
  const res = await client.post(`/api/v1/asset-imports/${imp.id}/check`, { mapping: imp.suggestedMapping });
  expect(res.statusCode, res.body).toBe(200);
  return { id: imp.id as string, mapping: imp.suggestedMapping, report: res.json().report };
}

describe("the organisation's own words for the import's values", () => {
  it('are added, read by the dry run and the apply, audited, and removed again', async () => {
    const { org, users } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);

    const before = await check(coordinator);
    expect(before.report.problems.map((p: { field: string; code: string }) => `${p.field}:${p.code}`)).toEqual([
      'hosting:unknown_value',
      'personalData:unknown_value',
    ]);

    const added = await coordinator.post('/api/v1/asset-import-words', {
      field: 'hosting',
      code: 'own_datacenter',
      word: '  Vårt serverrum i  Sunderby ',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ field: 'hosting', code: 'own_datacenter', word: 'Vårt serverrum i  Sunderby' });
    const patient = await coordinator.post('/api/v1/asset-import-words', {
      field: 'personalData',
      code: 'patient',
      word: 'Vårdens uppgifter',
    });
    expect(patient.statusCode, patient.body).toBe(201);
    // By field, then word.
    expect(
      (await coordinator.get('/api/v1/asset-import-words'))
        .json()
        .items.map((w: { field: string; word: string }) => `${w.field}:${w.word}`),
    ).toEqual(['hosting:Vårt serverrum i  Sunderby', 'personalData:Vårdens uppgifter']);

    const after = await check(coordinator);
    expect(after.report).toMatchObject({ problemCount: 0, toCreate: 1 });
    const applied = await coordinator.post(`/api/v1/asset-imports/${after.id}/apply?wait=true`, { mapping: after.mapping });
    expect(applied.statusCode, applied.body).toBe(202);
    expect(await t.db.selectFrom('assets').select(['hosting', 'personal_data']).where('organization_id', '=', org.id).execute()).toEqual([
      { hosting: 'own_datacenter', personal_data: 'patient' },
    ]);

    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_label', 'changes'])
      .where('entity_type', '=', 'asset_import_word')
      .orderBy('id')
      .execute();
    expect(events.map((e) => `${e.action}:${e.entity_label}`)).toEqual([
      'word_add:Vårt serverrum i  Sunderby',
      'word_add:Vårdens uppgifter',
    ]);
    expect(events[0]!.changes).toEqual({
      field: { after: 'hosting' },
      code: { after: 'own_datacenter' },
      word: { after: 'Vårt serverrum i  Sunderby' },
    });

    const removed = await coordinator.del(`/api/v1/asset-import-words/${added.json().id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await coordinator.get('/api/v1/asset-import-words')).json().items.map((w: { word: string }) => w.word)).toEqual([
      'Vårdens uppgifter',
    ]);
    expect(
      (
        await t.db
          .selectFrom('audit_events')
          .select('action')
          .where('entity_type', '=', 'asset_import_word')
          .where('action', '=', 'word_remove')
          .execute()
      ).length,
    ).toBe(1);
    expect((await coordinator.del(`/api/v1/asset-import-words/${added.json().id}`)).statusCode).toBe(404);
  });

  it('refuse a word already read, an unknown value, and changes by someone without the top unit; another organisation sees none', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'security_coordinator' }, { role: 'security_coordinator', unit: 'a' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    // "Regionens datacenter" is in Tillit's vocabulary already: a second meaning would make it ambiguous.
    const shipped = await coordinator.post('/api/v1/asset-import-words', {
      field: 'hosting',
      code: 'cloud',
      word: 'regionens  DATACENTER',
    });
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json().error.code).toBe('import_word_taken');
    expect(
      (await coordinator.post('/api/v1/asset-import-words', { field: 'hosting', code: 'own_datacenter', word: 'Källaren' })).statusCode,
    ).toBe(201);
    const twice = await coordinator.post('/api/v1/asset-import-words', { field: 'hosting', code: 'cloud', word: 'källaren' });
    expect(twice.statusCode).toBe(409);
    // The same word for another field is another word.
    expect(
      (await coordinator.post('/api/v1/asset-import-words', { field: 'lifecycle', code: 'retired', word: 'Källaren' })).statusCode,
    ).toBe(201);

    const unknown = await coordinator.post('/api/v1/asset-import-words', { field: 'hosting', code: 'basement', word: 'Vinden' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].path).toEqual(['body', 'code']);
    const noField = await coordinator.post('/api/v1/asset-import-words', { field: 'name', code: 'x', word: 'Vinden' });
    expect(noField.statusCode).toBe(400);

    const onA = await signIn(t.app, users['security_coordinator@a']!.email);
    expect((await onA.get('/api/v1/asset-import-words')).json().items).toHaveLength(2);
    expect((await onA.post('/api/v1/asset-import-words', { field: 'hosting', code: 'cloud', word: 'Vinden' })).statusCode).toBe(403);

    const other = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const outsider = await signIn(t.app, other.users.security_coordinator!.email);
    expect((await outsider.get('/api/v1/asset-import-words')).json().items).toEqual([]);
    const mine = (await coordinator.get('/api/v1/asset-import-words')).json().items[0].id;
    expect((await outsider.del(`/api/v1/asset-import-words/${mine}`)).statusCode).toBe(404);
  });
});
