import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeOrganization, makeUnit, makeUser } from '../../src/seed/factories.js';
import { signIn, useTestApp, type Client } from '../helpers/app.js';

const t = useTestApp();

/**
 * A region's own system list as a coordinator brings it (issue 9, "Done when"): people by name,
 * not e-mail; one name twice with other spacing and case; an asset already registered by hand;
 * the hosting words of Swedish lists ("Regionens datacenter", "Hybrid"); Ja/Nej.
 */
const TRIAL = readFileSync(new URL('../fixtures/region-systemforteckning.csv', import.meta.url));

let orgs = 0;
async function setup() {
  // E-mail addresses are unique per organisation only; signing in by address needs the coordinator's unique.
  const n = ++orgs;
  const mail = (local: string) => `${local}${n > 1 ? n : ''}@region.example`;
  return t.db.transaction().execute(async (trx) => {
    const { org, root } = await makeOrganization(trx);
    const hsf = await makeUnit(trx, root, { name: 'Hälso- och sjukvårdsförvaltningen', kind: 'administration' });
    const service = await makeUnit(trx, root, { name: 'Regionservice', kind: 'administration' });
    const coordinator = await makeUser(trx, org.id, {
      email: mail('samordnare'),
      name: 'Sara Samordnare',
      roles: [{ role: 'security_coordinator', unitId: root.id }],
    });
    const ingrid = await makeUser(trx, org.id, { email: 'ingrid.informationsagare@region.example', name: 'Ingrid Informationsägare' });
    const sven = await makeUser(trx, org.id, { email: 'sven@region.example', name: 'Sven  Systemförvaltare' });
    const karin1 = await makeUser(trx, org.id, { email: 'karin.andersson@region.example', name: 'Karin Andersson' });
    const karin2 = await makeUser(trx, org.id, { email: 'karin.andersson.2@region.example', name: 'Karin Andersson' });
    // Registered by hand before the import, without an external id.
    const lifecare = await trx
      .insertInto('assets')
      .values({ organization_id: org.id, kind: 'system', name: 'Lifecare', unit_id: hsf.id, created_by: coordinator.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { org, hsf, service, coordinator, ingrid, sven, karin1, karin2, lifecare };
  });
}

async function upload(client: Client, file: Buffer, fileName: string, type = 'text/csv') {
  const res = await client.request({
    method: 'POST',
    url: `/api/v1/asset-imports?fileName=${encodeURIComponent(fileName)}`,
    payload: file,
    headers: { 'content-type': type },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function sheetRows(file: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return out;
}

const problemList = (report: { problems: { row: number; field: string; code: string }[] }) =>
  report.problems.map((p) => `${p.row}:${p.field}:${p.code}`);

describe('the trial file: a region list with names, duplicates and Swedish hosting words', () => {
  it('is checked with clear choices, imports the valid rows, gives the rest back to fix, and does not double on re-import', async () => {
    const w = await setup();
    const coordinator = await signIn(t.app, w.coordinator.email);
    const imp = await upload(coordinator, TRIAL, 'systemförteckning.csv');
    expect(imp.suggestedMapping).toMatchObject({
      externalId: 'System-id',
      name: 'Systemnamn',
      kind: 'Typ',
      unit: 'Förvaltning',
      informationOwner: 'Informationsägare',
      hosting: 'Drift',
      thirdCountryTransfer: 'Tredjeland',
      lifecycle: 'Livscykel',
    });

    const checked = (await coordinator.post(`/api/v1/asset-imports/${imp.id}/check`, { mapping: imp.suggestedMapping })).json();
    expect(problemList(checked.report)).toEqual([
      '4:informationOwner:ambiguous_user',
      '5:informationOwner:unknown_user_name',
      '6:name:duplicate_name_in_file',
    ]);
    const [ambiguous, unknown, duplicate] = checked.report.problems;
    // The choices are named: who "Karin Andersson" could be, and which row the duplicate repeats.
    expect(ambiguous.message).toContain('karin.andersson@region.example');
    expect(ambiguous.message).toContain('karin.andersson.2@region.example');
    expect(unknown.message).toMatch(/e-postadressen/);
    expect(duplicate.message).toMatch(/rad 2/);
    // "LifeCare" is the hand-registered "Lifecare": updated, with the existing asset named, not created twice.
    expect(checked.report.matches).toEqual([
      { row: 7, assetId: w.lifecare.id, name: 'Lifecare', unitName: 'Hälso- och sjukvårdsförvaltningen' },
    ]);
    expect(checked.report).toMatchObject({ rows: 7, toCreate: 3, toUpdate: 1, unchanged: 0, validRows: 4, problemCount: 3 });

    // All or nothing refuses; the user chooses to import the valid rows now.
    expect((await coordinator.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true`, { mapping: imp.suggestedMapping })).statusCode).toBe(
      409,
    );
    const problems = await coordinator.get(`/api/v1/asset-imports/${imp.id}/problems.xlsx`);
    expect(problems.statusCode).toBe(200);
    const fix = await sheetRows(problems.rawPayload);
    expect(fix[0]).toEqual([...imp.headers, 'Problem']);
    expect(fix.slice(1).map((r) => r[1]!.trim())).toEqual(['Heroma', 'Microsoft 365', 'COSMIC']);
    expect(fix[1]![imp.headers.length]).toMatch(/^Informationsägare: Flera användare/);

    const applied = (
      await coordinator.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true&onlyValid=true`, { mapping: imp.suggestedMapping })
    ).json();
    expect(applied.status).toBe('applied');
    const systems = await t.db
      .selectFrom('assets')
      .select([
        'id',
        'name',
        'hosting',
        'information_owner_id',
        'system_steward_id',
        'third_country_transfer',
        'external_id',
        'lifecycle',
        'personal_data',
      ])
      .orderBy('name')
      .execute();
    expect(systems.map((s) => [s.name, s.hosting, s.third_country_transfer, s.lifecycle])).toEqual([
      ['Cosmic', 'own_datacenter', 'no', 'in_use'],
      ['LifeCare', 'saas', 'unknown', 'in_use'],
      ['Platina', 'own_datacenter', 'no', 'phasing_out'],
      ['Sectra PACS', 'cloud', 'no', 'in_use'],
    ]);
    const cosmic = systems.find((s) => s.name === 'Cosmic')!;
    expect([cosmic.information_owner_id, cosmic.system_steward_id]).toEqual([w.ingrid.id, w.sven.id]);
    expect(systems.find((s) => s.name === 'LifeCare')!.id).toBe(w.lifecare.id);
    const summary = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('entity_type', '=', 'asset_import')
      .where('action', '=', 'import')
      .executeTakeFirstOrThrow();
    expect(summary.changes).toEqual({ created: { after: 3 }, updated: { after: 1 }, links: { after: 0 }, leftOut: { after: 3 } });

    // The rows given back are fixed in Excel (an e-mail for Karin, a colleague for Per, the duplicate deleted) and imported.
    const fixed = Buffer.from(
      [
        fix[0]!.slice(0, -1).join(';'),
        [
          'VIS-003',
          'Heroma',
          'System',
          'Regionservice',
          'karin.andersson.2@region.example',
          'Sven Systemförvaltare',
          'CGI',
          'Extern drift',
          'Ja',
          'Nej',
          'I drift',
        ].join(';'),
        [
          'VIS-004',
          'Microsoft 365',
          'System',
          'Regionservice',
          'Ingrid Informationsägare',
          '',
          'Microsoft',
          'Moln',
          'Ja',
          'Ja',
          'I drift',
        ].join(';'),
      ].join('\r\n'),
    );
    const second = await upload(coordinator, fixed, 'rättad.csv');
    const secondApplied = (
      await coordinator.post(`/api/v1/asset-imports/${second.id}/apply?wait=true`, { mapping: second.suggestedMapping })
    ).json();
    expect(secondApplied.report).toMatchObject({ toCreate: 2, toUpdate: 0, problemCount: 0 });

    // The same trial file once more: nothing is created twice, and the rows already in are unchanged.
    const again = await upload(coordinator, TRIAL, 'systemförteckning.csv');
    const againChecked = (await coordinator.post(`/api/v1/asset-imports/${again.id}/check`, { mapping: again.suggestedMapping })).json();
    expect(againChecked.report).toMatchObject({ toCreate: 0, unchanged: 4, problemCount: 3 });
    expect(againChecked.report.toUpdate).toBe(0);
    expect((await t.db.selectFrom('assets').select('id').execute()).length).toBe(6);
  });

  it('round trip: an unchanged export imported again reports zero changes; an edited one updates in place', async () => {
    const w = await setup();
    const coordinator = await signIn(t.app, w.coordinator.email);
    const imp = await upload(coordinator, TRIAL, 'systemförteckning.csv');
    await coordinator.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true&onlyValid=true`, { mapping: imp.suggestedMapping });
    // An information set processed by two systems, one of them without an external id.
    const set = await coordinator.post('/api/v1/assets', {
      kind: 'information_set',
      name: 'Patientjournal',
      unitId: w.hsf.id,
      personalData: 'patient',
    });
    expect(set.statusCode, set.body).toBe(201);
    const setId = set.json().id;
    for (const name of ['Cosmic', 'LifeCare']) {
      const system = await t.db
        .selectFrom('assets')
        .select('id')
        .where('organization_id', '=', w.org.id)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      const link = await coordinator.post(`/api/v1/assets/${system.id}/information-sets`, { informationSetId: setId });
      expect(link.statusCode, link.body).toBeLessThan(300);
    }

    const exported = await coordinator.get('/api/v1/assets/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const rows = await sheetRows(exported.rawPayload);
    const headers = rows[0]!;
    expect(headers).toContain('Tillit-id');
    const col = (h: string) => headers.indexOf(h);
    const journal = rows.find((r) => r[col('Namn')] === 'Patientjournal')!;
    const lifecare = rows.find((r) => r[col('Namn')] === 'LifeCare')!;
    // The words the screen shows, never codes; "Behandlas i" names a system without an external id by its Tillit id.
    expect([lifecare[col('Typ')], lifecare[col('Drift')], lifecare[col('Tredjelandsöverföring')], lifecare[col('Livscykel')]]).toEqual([
      'System',
      'Programvarutjänst (SaaS)',
      'Vet inte ännu',
      'I drift',
    ]);
    expect(journal[col('Personuppgifter')]).toBe('Patientuppgifter');
    expect(journal[col('Behandlas i')]!.split('; ').sort()).toEqual(['VIS-001', w.lifecare.id].sort());

    const back = await upload(
      coordinator,
      exported.rawPayload,
      'export.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(back.suggestedMapping).toMatchObject({ tillitId: 'Tillit-id', processedBy: 'Behandlas i', externalId: 'Externt id' });
    const unchanged = (await coordinator.post(`/api/v1/asset-imports/${back.id}/check`, { mapping: back.suggestedMapping })).json();
    expect(unchanged.report).toMatchObject({ rows: 5, toCreate: 0, toUpdate: 0, unchanged: 5, links: 0, problemCount: 0 });
    const before = await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('organization_id', '=', w.org.id)
      .where('entity_type', '=', 'asset')
      .execute();
    expect(
      (await coordinator.post(`/api/v1/asset-imports/${back.id}/apply?wait=true`, { mapping: back.suggestedMapping })).json().status,
    ).toBe('applied');
    expect(
      (
        await t.db
          .selectFrom('audit_events')
          .select('id')
          .where('organization_id', '=', w.org.id)
          .where('entity_type', '=', 'asset')
          .execute()
      ).length,
    ).toBe(before.length);

    // Edited in Excel: a renamed system keeps its id and is updated, not duplicated.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.eachRow((row) => {
      if (row.getCell(col('Namn') + 1).value === 'LifeCare') row.getCell(col('Namn') + 1).value = 'Lifecare vårdplanering';
    });
    const edited = await upload(
      coordinator,
      Buffer.from(await wb.xlsx.writeBuffer()),
      'export-redigerad.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const editedApplied = (
      await coordinator.post(`/api/v1/asset-imports/${edited.id}/apply?wait=true`, { mapping: edited.suggestedMapping })
    ).json();
    expect(editedApplied.report).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 4 });
    expect((await t.db.selectFrom('assets').select('name').where('id', '=', w.lifecare.id).executeTakeFirstOrThrow()).name).toBe(
      'Lifecare vårdplanering',
    );
  });
});
