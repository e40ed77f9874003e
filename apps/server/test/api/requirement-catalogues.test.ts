import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { baseCatalogue } from '@tillit/core';
import { seedOrg, signIn, useTestApp, type Client } from '../helpers/app.js';
import { ownCatalogue } from '../../src/modules/requirement-catalogues/requirement-catalogues.fixtures.js';

const t = useTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function base(client: Client) {
  const versions = (await client.get('/api/v1/requirement-catalogues')).json() as { id: string; catalogue: string; isLatest: boolean }[];
  return versions.find((v) => v.catalogue === 'tillit-bas')!;
}

const uploadXlsx = (client: Client, file: Buffer, query = '') =>
  client.request({
    method: 'POST',
    url: `/api/v1/requirement-catalogues/import${query}`,
    payload: file,
    headers: { 'content-type': XLSX },
  });

describe('requirement catalogues', () => {
  it('gives every organisation the shipped base catalogue, browsable with search and filters', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'system_steward', unit: 'a' }]);
    const steward = await signIn(t.app, users['system_steward@a']!.email);
    const v = await base(steward);
    expect(v).toMatchObject({
      version: baseCatalogue.version,
      source: 'shipped',
      requirementCount: baseCatalogue.requirements.length,
      isLatest: true,
    });

    const view = (await steward.get(`/api/v1/requirement-catalogues/${v.id}`)).json();
    expect(view.themes.map((x: { code: string }) => x.code)).toEqual(baseCatalogue.themes.map((x) => x.code));
    expect(view.themes.reduce((n: number, x: { requirementCount: number }) => n + x.requirementCount, 0)).toBe(
      baseCatalogue.requirements.length,
    );

    const all = (await steward.get(`/api/v1/requirement-catalogues/${v.id}/requirements`)).json();
    expect(all.items.map((r: { id: string }) => r.id)).toEqual(baseCatalogue.requirements.map((r) => r.id));

    const patient = (await steward.get(`/api/v1/requirement-catalogues/${v.id}/requirements?trigger=patient_data`)).json();
    const expectedPatient = baseCatalogue.requirements.filter((r) => r.triggers.includes('patient_data')).map((r) => r.id);
    expect(patient.items.map((r: { id: string }) => r.id)).toEqual(expectedPatient);
    expect(expectedPatient.length).toBeGreaterThan(0);

    // Requirements the availability aspect brings at level 2: its minimum is set and at most 2.
    const a2 = (await steward.get(`/api/v1/requirement-catalogues/${v.id}/requirements?aspect=A&level=2`)).json();
    const expectedA2 = baseCatalogue.requirements.filter((r) => typeof r.appliesAt.A === 'number' && r.appliesAt.A <= 2).map((r) => r.id);
    expect(a2.items.map((r: { id: string }) => r.id)).toEqual(expectedA2);

    const theme = (await steward.get(`/api/v1/requirement-catalogues/${v.id}/requirements?theme=LOG&q=patient`)).json();
    expect(theme.items.length).toBeGreaterThan(0);
    expect(theme.items.every((r: { theme: string }) => r.theme === 'LOG')).toBe(true);

    const control = (await steward.get(`/api/v1/requirement-catalogues/${v.id}/requirements?control=8.13`)).json();
    expect(control.items.every((r: { references: { control?: string }[] }) => r.references.some((x) => x.control === '8.13'))).toBe(true);

    const one = await steward.get(`/api/v1/requirement-catalogues/${v.id}/requirements/TB-ATK-01`);
    expect(one.json()).toMatchObject({ id: 'TB-ATK-01', theme: 'ATK', position: expect.any(Number) });
    expect((await steward.get(`/api/v1/requirement-catalogues/${v.id}/requirements/NOPE-1`)).statusCode).toBe(404);
  });

  it('keeps a published version unchanged: the database refuses updates and deletes', async () => {
    const { org } = await seedOrg(t.db, []);
    const v = await t.db
      .selectFrom('requirement_catalogue_versions')
      .select('id')
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    await expect(sql`update requirement_catalogue_versions set version = '9.9' where id = ${v.id}`.execute(t.db)).rejects.toThrow(
      /never changes/,
    );
    await expect(sql`update catalogue_requirements set title = '{"sv":"x"}' where version_id = ${v.id}`.execute(t.db)).rejects.toThrow(
      /never changes/,
    );
    await expect(sql`delete from catalogue_requirements where version_id = ${v.id}`.execute(t.db)).rejects.toThrow(/never changes/);
    await expect(sql`delete from requirement_catalogue_versions where id = ${v.id}`.execute(t.db)).rejects.toThrow(/never changes/);
    const n = await t.db
      .selectFrom('catalogue_requirements')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('version_id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(n.n).toBe(baseCatalogue.requirements.length);
  });

  it('imports an own catalogue as JSON after a dry run, once per version, and only by the coordinator on the top unit', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'security_coordinator' }, { role: 'security_coordinator', unit: 'a' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const local = await signIn(t.app, users['security_coordinator@a']!.email);
    const file = ownCatalogue('test');

    expect((await local.post('/api/v1/requirement-catalogues/import', file)).statusCode).toBe(403);
    const dry = await coordinator.post('/api/v1/requirement-catalogues/import?dryRun=true', file);
    expect(dry.statusCode, dry.body).toBe(201);
    expect(dry.json()).toMatchObject({ dryRun: true, ok: true, problems: [], created: null, requirementCount: 1 });
    expect((await coordinator.get('/api/v1/requirement-catalogues')).json()).toHaveLength(1);

    const created = await coordinator.post('/api/v1/requirement-catalogues/import', file);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().created).toMatchObject({ catalogue: 'egen-katalog', version: file.version, source: 'imported', isLatest: true });
    const again = await coordinator.post('/api/v1/requirement-catalogues/import', { ...file, name: { sv: 'Ändrad' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('catalogue_version_exists');

    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', created.json().created.id)
      .execute();
    expect(events).toEqual([{ action: 'import', entity_type: 'requirement_catalogue_version' }]);
  });

  it('refuses a file with problems, naming row and field, and stores nothing', async () => {
    const { users, org } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const file = ownCatalogue('fel');
    const second = { ...file.requirements[0]!, id: 'EG-01', appliesAt: { C: 4 }, references: [{ kind: 'iso27002', control: '5.99' }] };
    const bad = { ...file, requirements: [file.requirements[0]!, second] };
    const res = await coordinator.post('/api/v1/requirement-catalogues/import', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('catalogue_invalid');
    expect(res.json().error.details.problems.map((p: { row: number; field: string; code: string }) => [p.row, p.field, p.code])).toEqual([
      [2, 'id', 'duplicate_requirement_id'],
      [2, 'appliesAt.C', 'level_out_of_range'],
      [2, 'references.0.control', 'unknown_control'],
    ]);
    const dry = (await coordinator.post('/api/v1/requirement-catalogues/import?dryRun=true', bad)).json();
    expect(dry).toMatchObject({ ok: false, created: null });
    expect(dry.problems).toHaveLength(3);
    expect((await coordinator.post('/api/v1/requirement-catalogues/import', [1, 2])).statusCode).toBe(400);
    const count = await t.db
      .selectFrom('requirement_catalogue_versions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('exports a version to Excel and imports the same workbook back as a new version, with spreadsheet rows in problems', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const v = await base(coordinator);
    const exported = await coordinator.get(`/api/v1/requirement-catalogues/${v.id}/export.xlsx`);
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Katalog', 'Teman', 'Krav']);
    const krav = wb.getWorksheet('Krav')!;
    expect(krav.getRow(1).getCell(1).value).toBe('id');
    expect(krav.rowCount).toBe(baseCatalogue.requirements.length + 1);

    // The same content under a new version number imports cleanly and reads back identical.
    wb.getWorksheet('Katalog')!.eachRow((row) => {
      if (row.getCell(1).value === 'version') row.getCell(2).value = '2026.2';
    });
    const imported = await uploadXlsx(coordinator, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(imported.statusCode, imported.body).toBe(201);
    const id = imported.json().created.id;
    const json = (await coordinator.get(`/api/v1/requirement-catalogues/${id}/export.json`)).json();
    expect(json.requirements).toEqual(baseCatalogue.requirements);
    expect(json.version).toBe('2026.2');
    expect((await coordinator.get('/api/v1/requirement-catalogues')).json().find((x: { id: string }) => x.id === id).isLatest).toBe(true);

    // A broken cell is reported by the row the spreadsheet shows (header = row 1).
    krav.getRow(4).getCell(1).value = krav.getRow(3).getCell(1).value;
    krav.getRow(5).getCell(requirementColumn(krav, 'iso27002')).value = '9.1';
    wb.getWorksheet('Katalog')!.eachRow((row) => {
      if (row.getCell(1).value === 'version') row.getCell(2).value = '2026.3';
    });
    const bad = await uploadXlsx(coordinator, Buffer.from(await wb.xlsx.writeBuffer()), '?dryRun=true');
    expect(bad.json().problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([
      [4, 'duplicate_requirement_id'],
      [5, 'unknown_control'],
    ]);
    expect((await uploadXlsx(coordinator, Buffer.from('not a workbook'))).json().error.code).toBe('catalogue_unreadable_file');
  });

  it('never shows one organisation the catalogues of another', async () => {
    const one = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const other = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const a = await signIn(t.app, one.users.security_coordinator!.email);
    const b = await signIn(t.app, other.users.security_coordinator!.email);
    const v = await base(a);
    expect((await b.get(`/api/v1/requirement-catalogues/${v.id}`)).statusCode).toBe(404);
    expect((await b.get(`/api/v1/requirement-catalogues/${v.id}/requirements`)).statusCode).toBe(404);
  });
});

function requirementColumn(ws: ExcelJS.Worksheet, header: string): number {
  let col = 0;
  ws.getRow(1).eachCell((cell, n) => {
    if (cell.value === header) col = n;
  });
  return col;
}
