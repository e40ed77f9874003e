import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp, type Client } from '../helpers/app.js';

const t = useTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = [
  'Typ',
  'Namn',
  'Förvaltning',
  'Systemförvaltare',
  'Drift',
  'Personuppgifter',
  'Livscykel',
  'Externt id',
  'Behandlas i',
  'Taggar',
];

async function workbook(rows: (string | null)[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inventarie');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(client: Client, file: Buffer, fileName = 'inventarie.xlsx', type = XLSX) {
  return client.request({
    method: 'POST',
    url: `/api/v1/asset-imports?fileName=${encodeURIComponent(fileName)}`,
    payload: file,
    headers: { 'content-type': type },
  });
}

async function setup() {
  const seeded = await seedOrg(t.db, [{ role: 'security_coordinator' }, { role: 'system_steward', unit: 'a' }]);
  return {
    ...seeded,
    coordinator: await signIn(t.app, seeded.users.security_coordinator!.email),
    steward: seeded.users['system_steward@a']!,
  };
}

describe('import of a system inventory', () => {
  it('suggests a mapping, checks, applies all rows with their links, and updates by external id on re-import', async () => {
    const { coordinator, steward } = await setup();
    const rows = [
      ['System', 'Journalsystem', 'Förvaltning A', steward.email, 'SaaS', 'Patientuppgifter', 'I drift', 'SYS-1', '', 'vård; kritisk'],
      ['Informationsmängd', 'Journalanteckningar', 'Förvaltning A', '', '', 'patientuppgifter', '', 'INF-1', 'SYS-1; SYS-2', ''],
      ['Informationsmängd', 'Bilder', 'förvaltning a', '', '', 'Patientuppgifter', '', 'INF-2', 'SYS-2', ''],
      ['it-stöd', 'PACS', 'Förvaltning B', '', 'Extern drift', 'patient', 'Under avveckling', 'SYS-2', '', ''],
    ];
    const up = await upload(coordinator, await workbook(rows));
    expect(up.statusCode, up.body).toBe(201);
    const imp = up.json();
    expect(imp).toMatchObject({ status: 'uploaded', rowCount: 4, sheets: ['Inventarie'], headers: HEADERS });
    expect(imp.suggestedMapping).toEqual({
      kind: 'Typ',
      name: 'Namn',
      unit: 'Förvaltning',
      systemSteward: 'Systemförvaltare',
      hosting: 'Drift',
      personalData: 'Personuppgifter',
      lifecycle: 'Livscykel',
      externalId: 'Externt id',
      processedBy: 'Behandlas i',
      tags: 'Taggar',
    });

    const checked = (await coordinator.post(`/api/v1/asset-imports/${imp.id}/check`, { mapping: imp.suggestedMapping })).json();
    expect(checked.report).toMatchObject({
      rows: 4,
      toCreate: 4,
      toUpdate: 0,
      byKind: { system: 2, information_set: 2 },
      links: 3,
      problemCount: 0,
    });
    expect((await t.db.selectFrom('assets').select('id').execute()).length).toBe(0);

    const applied = await coordinator.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true`, { mapping: imp.suggestedMapping });
    expect(applied.statusCode, applied.body).toBe(202);
    expect(applied.json()).toMatchObject({ status: 'applied', progress: { done: 4, total: 4 } });
    const systems = (await coordinator.get('/api/v1/assets?kind=system&sort=name')).json().items;
    expect(systems.map((s: { name: string; hosting: string; lifecycle: string }) => [s.name, s.hosting, s.lifecycle])).toEqual([
      ['Journalsystem', 'saas', 'in_use'],
      ['PACS', 'external_operation', 'phasing_out'],
    ]);
    expect(systems[0]).toMatchObject({ systemSteward: { id: steward.id }, tags: ['vård', 'kritisk'], personalData: 'patient' });
    const pacs = (await coordinator.get(`/api/v1/assets/${systems[1].id}`)).json();
    expect(pacs.informationSets.map((s: { name: string }) => s.name)).toEqual(['Bilder', 'Journalanteckningar']);
    // Upload and dry run keep state on the import (the file, the report): each is an event; the
    // apply's check found the same report as the dry run before it, so it wrote none.
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'asset_import')
      .orderBy('id')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['upload', 'dry_run', 'import']);
    expect(audit[0]!.changes).toMatchObject({ fileName: { after: 'inventarie.xlsx' }, rows: { after: 4 } });
    expect(audit[1]!.changes).toEqual({ toCreate: { after: 4 }, toUpdate: { after: 0 }, unchanged: { after: 0 }, problems: { after: 0 } });
    expect(audit[2]!.changes).toEqual({ created: { after: 4 }, updated: { after: 0 }, links: { after: 3 } });
    expect(
      (await coordinator.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true`, { mapping: imp.suggestedMapping })).json().error.code,
    ).toBe('import_not_ready');

    // Re-import: same external ids update, the set's links are replaced, a new row is created.
    const again = await upload(
      coordinator,
      await workbook([
        ['System', 'Journalsystem (ny version)', 'Förvaltning A', steward.email, 'Moln', 'Patientuppgifter', 'I drift', 'SYS-1', '', ''],
        ['Informationsmängd', 'Journalanteckningar', 'Förvaltning A', '', '', 'Patientuppgifter', '', 'INF-1', 'SYS-1', ''],
        ['Process', 'Remisshantering', 'Förvaltning A', '', '', 'Patientuppgifter', '', 'PRC-1', '', ''],
      ]),
    );
    const second = (
      await coordinator.post(`/api/v1/asset-imports/${again.json().id}/apply?wait=true`, { mapping: imp.suggestedMapping })
    ).json();
    expect(second.report).toMatchObject({ toCreate: 1, toUpdate: 2 });
    expect((await coordinator.get('/api/v1/assets')).json().total).toBe(5);
    expect((await coordinator.get(`/api/v1/assets/${systems[0].id}`)).json()).toMatchObject({
      name: 'Journalsystem (ny version)',
      hosting: 'cloud',
      tags: [],
    });
    expect((await coordinator.get(`/api/v1/assets/${pacs.id}`)).json().informationSets.map((s: { name: string }) => s.name)).toEqual([
      'Bilder',
    ]);
  });

  it('reports every row problem by row and field, and saves nothing', async () => {
    const { coordinator, steward } = await setup();
    const file = await workbook([
      ['System', 'Ok', 'Förvaltning A', steward.email, 'Egen drift', 'nej', 'I drift', 'S-1', '', ''],
      ['System', 'Okänd ägare', 'Förvaltning A', 'ingen@nowhere.example', 'Egen drift', 'nej', '', 'S-2', '', ''],
      ['System', 'Dubblett', 'Förvaltning A', '', 'Egen drift', 'nej', '', 'S-1', '', ''],
      ['System', 'Fel drift', 'Förvaltning X', '', 'På vinden', 'nej', '', 'S-3', '', ''],
      ['Informationsmängd', 'Länk till okänt', 'Förvaltning A', '', '', 'nej', '', 'I-1', 'S-99', ''],
      ['Robot', '', 'Förvaltning A', '', '', '', '', 'S-4', '', ''],
    ]);
    const imp = (await upload(coordinator, file)).json();
    const res = await coordinator.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true`, { mapping: imp.suggestedMapping });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('import_has_errors');
    const problems = res
      .json()
      .error.details.report.problems.map(
        (p: { row: number; field: string; code: string; column: string }) => `${p.row}:${p.field}:${p.code}:${p.column}`,
      );
    expect(problems).toEqual([
      '3:systemSteward:unknown_user:Systemförvaltare',
      '4:externalId:duplicate_external_id:Externt id',
      '5:unit:unknown_unit:Förvaltning',
      '5:hosting:unknown_value:Drift',
      '6:processedBy:unknown_linked_asset:Behandlas i',
      '7:kind:unknown_value:Typ',
      '7:name:required:Namn',
    ]);
    expect(res.json().error.details.report.problems[1].message).toMatch(/rad 2/);
    expect((await t.db.selectFrom('assets').select('id').where('name', '=', 'Ok').execute()).length).toBe(0);
    // A refused apply writes nothing, not even the report (the answer carries it).
    expect((await coordinator.get(`/api/v1/asset-imports/${imp.id}`)).json()).toMatchObject({ status: 'uploaded', report: null });

    const wrongColumn = await coordinator.post(`/api/v1/asset-imports/${imp.id}/check`, {
      mapping: { ...imp.suggestedMapping, supplier: 'Leverantörsnamn' },
    });
    expect(wrongColumn.statusCode).toBe(400);
    expect(wrongColumn.json().error).toMatchObject({
      code: 'import_unknown_column',
      details: { field: 'supplier', column: 'Leverantörsnamn' },
    });
    const garbage = await upload(coordinator, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3]));
    expect(garbage.json().error.code).toBe('import_unreadable_file');
    const steward2 = await signIn(t.app, steward.email);
    expect((await upload(steward2, file)).statusCode).toBe(403);
  });

  it('reads semicolon CSV in Windows-1252 with a default kind and unit', async () => {
    const { coordinator, units } = await setup();
    const csv = 'Namn;Leverantör;Externt id\r\nLönesystem;"Lön; Personal AB";L-1\r\nPassersystem;Lås AB;P-1\r\n';
    const file = Buffer.from(csv, 'latin1');
    const imp = (await upload(coordinator, file, 'system.csv', 'text/csv')).json();
    expect(imp.headers).toEqual(['Namn', 'Leverantör', 'Externt id']);
    const applied = (
      await coordinator.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true`, {
        mapping: imp.suggestedMapping,
        defaultKind: 'system',
        defaultUnitId: units.b.id,
      })
    ).json();
    expect(applied.status).toBe('applied');
    const list = (await coordinator.get(`/api/v1/assets?unitId=${units.b.id}&sort=name`)).json().items;
    expect(list.map((a: { name: string; supplier: string }) => [a.name, a.supplier])).toEqual([
      ['Lönesystem', 'Lön; Personal AB'],
      ['Passersystem', 'Lås AB'],
    ]);
  });

  it('applies in the background and reports progress until it is done', async () => {
    const { coordinator } = await setup();
    const rows = Array.from({ length: 30 }, (_, i) => ['System', `Bakgrund ${i}`, 'Förvaltning A', '', '', '', '', `BG-${i}`, '', '']);
    const imp = (await upload(coordinator, await workbook(rows))).json();
    const started = await coordinator.post(`/api/v1/asset-imports/${imp.id}/apply`, { mapping: imp.suggestedMapping });
    expect(started.statusCode).toBe(202);
    expect(['applying', 'applied']).toContain(started.json().status);
    let view = started.json();
    for (let i = 0; i < 100 && view.status === 'applying'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      view = (await coordinator.get(`/api/v1/asset-imports/${imp.id}`)).json();
    }
    expect(view).toMatchObject({ status: 'applied', progress: { done: 30, total: 30 }, error: null });
    expect((await coordinator.get('/api/v1/assets?q=bakgrund')).json().total).toBe(30);
  });
});
