import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeAsset } from '../../src/seed/factories-assets.js';
import { seedOrg, signIn, useTestApp, type Client } from '../helpers/app.js';

const t = useTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['Typ', 'Namn', 'Förvaltning', 'Drift', 'Externt id', 'Behandlas i'];

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Förteckning');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function applied(client: Client, rows: string[][]) {
  const up = await client.request({
    method: 'POST',
    url: '/api/v1/asset-imports?fileName=f.xlsx',
    payload: await workbook(rows),
    headers: { 'content-type': XLSX },
  });
  expect(up.statusCode, up.body).toBe(201);
  const imp = up.json();
  const res = await client.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true`, { mapping: imp.suggestedMapping });
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json()).toMatchObject({ status: 'applied', undoable: true, undoneAt: null });
  return imp.id as string;
}

async function setup() {
  const seeded = await seedOrg(t.db, [{ role: 'security_coordinator' }, { role: 'security_coordinator', unit: 'a' }]);
  const existing = await t.db.transaction().execute(async (trx) => ({
    sysB: await makeAsset(trx, seeded.units.b, 'system', { name: 'Röntgen', externalId: 'SYS-B', hosting: 'external_operation' }),
    setA: await makeAsset(trx, seeded.units.a, 'information_set', { name: 'Remisser', externalId: 'INF-A' }),
  }));
  return { ...seeded, ...existing, coordinator: await signIn(t.app, seeded.users.security_coordinator!.email) };
}

const ROWS = [
  ['System', 'Journalsystem', 'Förvaltning A', 'Regionens datacenter', 'SYS-1', ''],
  ['Informationsmängd', 'Journalanteckningar', 'Förvaltning A', '', 'INF-1', 'SYS-1; SYS-B'],
  ['System', 'Röntgen PACS', 'Förvaltning B', 'Moln', 'SYS-B', ''],
  ['Informationsmängd', 'Remisser', 'Förvaltning A', '', 'INF-A', 'SYS-1'],
];

const assetNames = async (orgId: string) =>
  (await t.db.selectFrom('assets').select('name').where('organization_id', '=', orgId).orderBy('name').execute()).map((a) => a.name);

describe('undoing an import as a whole', () => {
  it('removes what it created, restores what it changed and the links it replaced, with an event per asset and a summary', async () => {
    const w = await setup();
    const before = await t.db.selectFrom('assets').selectAll().where('id', '=', w.sysB.id).executeTakeFirstOrThrow();
    const id = await applied(w.coordinator, ROWS);
    expect(await assetNames(w.org.id)).toEqual(['Journalanteckningar', 'Journalsystem', 'Remisser', 'Röntgen PACS']);

    const res = await w.coordinator.post(`/api/v1/asset-imports/${id}/undo`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'undone', undoable: false });
    expect(res.json().undoneAt).toEqual(expect.any(String));
    expect(await assetNames(w.org.id)).toEqual(['Remisser', 'Röntgen']);
    const after = await t.db.selectFrom('assets').selectAll().where('id', '=', w.sysB.id).executeTakeFirstOrThrow();
    expect({ name: after.name, hosting: after.hosting }).toEqual({ name: before.name, hosting: 'external_operation' });
    // The existing set had no links before the import; it has none again.
    expect(await t.db.selectFrom('asset_links').select('asset_id').where('information_set_id', '=', w.setA.id).execute()).toEqual([]);

    const events = await t.db
      .selectFrom('audit_events')
      .select(['entity_type', 'entity_label', 'changes'])
      .where('organization_id', '=', w.org.id)
      .where('action', '=', 'import_undo')
      .orderBy('id')
      .execute();
    expect(events.map((e) => `${e.entity_type}:${e.entity_label}`).sort()).toEqual([
      'asset:Journalanteckningar',
      'asset:Journalsystem',
      'asset:Röntgen',
      'asset_import:f.xlsx',
    ]);
    expect(events.find((e) => e.entity_label === 'Röntgen')!.changes).toMatchObject({
      name: { before: 'Röntgen PACS', after: 'Röntgen' },
      hosting: { before: 'cloud', after: 'external_operation' },
    });
    expect(events.at(-1)!.changes).toEqual({ removed: { after: 2 }, reverted: { after: 2 } });

    // Once is enough: a second undo is refused and writes nothing.
    const again = await w.coordinator.post(`/api/v1/asset-imports/${id}/undo`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('import_not_undoable');
  });

  it('is refused, naming the assets, when something else has changed them since, and then changes nothing', async () => {
    const w = await setup();
    const id = await applied(w.coordinator, ROWS);
    const journal = await t.db.selectFrom('assets').select('id').where('name', '=', 'Journalsystem').executeTakeFirstOrThrow();
    // Someone edits a created asset, and another links a system to an existing set the import changed.
    const etag = (await w.coordinator.get(`/api/v1/assets/${journal.id}`)).headers.etag as string;
    const edit = await w.coordinator.request({
      method: 'PATCH',
      url: `/api/v1/assets/${journal.id}`,
      payload: { supplier: 'Leverantören AB' },
      headers: { 'if-match': etag },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const link = await w.coordinator.post(`/api/v1/assets/${w.sysB.id}/information-sets`, { informationSetId: w.setA.id });
    expect(link.statusCode, link.body).toBe(200);
    const count = async () => (await t.db.selectFrom('audit_events').select('id').where('organization_id', '=', w.org.id).execute()).length;
    const events = await count();

    const res = await w.coordinator.post(`/api/v1/asset-imports/${id}/undo`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('import_changed_since');
    const named = res
      .json()
      .error.details.assets.map((a: { name: string }) => a.name)
      .sort();
    // The link touches both ends: the set and the system.
    expect(named).toEqual(['Journalsystem', 'Remisser', 'Röntgen PACS']);
    expect(res.json().error.details.count).toBe(3);
    expect(await assetNames(w.org.id)).toEqual(['Journalanteckningar', 'Journalsystem', 'Remisser', 'Röntgen PACS']);
    expect(await count()).toBe(events);
    expect((await w.coordinator.get(`/api/v1/asset-imports/${id}`)).json()).toMatchObject({ status: 'applied', undoable: true });
  });

  it('needs write access on every unit the import touched', async () => {
    const w = await setup();
    const id = await applied(w.coordinator, ROWS);
    const onA = await signIn(t.app, w.users['security_coordinator@a']!.email);
    const res = await onA.post(`/api/v1/asset-imports/${id}/undo`);
    expect(res.statusCode).toBe(403);
    expect(await assetNames(w.org.id)).toEqual(['Journalanteckningar', 'Journalsystem', 'Remisser', 'Röntgen PACS']);
    // Another organisation does not see the import at all.
    const other = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const outsider = await signIn(t.app, other.users.security_coordinator!.email);
    expect((await outsider.post(`/api/v1/asset-imports/${id}/undo`)).statusCode).toBe(404);
  });
});
