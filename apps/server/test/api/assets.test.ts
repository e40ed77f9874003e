import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

async function setup() {
  const seeded = await seedOrg(t.db, [
    { role: 'security_coordinator' },
    { role: 'system_steward', unit: 'a' },
    { role: 'auditor', unit: 'b' },
  ]);
  const coordinator = await signIn(t.app, seeded.users.security_coordinator!.email);
  const steward = await signIn(t.app, seeded.users['system_steward@a']!.email);
  return { ...seeded, coordinator, steward };
}

describe('inventory of information assets', () => {
  it('registers a system and the information sets it processes, and searches on the fields that matter', async () => {
    const { units, users, steward } = await setup();
    const res = await steward.post('/api/v1/assets', {
      kind: 'system',
      name: 'Journalsystemet',
      unitId: units.a.id,
      systemStewardId: users['system_steward@a']!.id,
      supplier: 'Vårdsystem AB',
      hosting: 'saas',
      thirdCountryTransfer: 'yes',
      thirdCountries: ['USA'],
      personalData: 'patient',
      externalId: 'SYS-1',
      tags: ['vård', 'kritisk', 'vård'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const system = res.json();
    expect(system).toMatchObject({
      kind: 'system',
      unitName: 'Förvaltning A',
      systemSteward: { id: users['system_steward@a']!.id },
      tags: ['vård', 'kritisk'],
      classification: { reviewState: 'missing' },
    });
    const set = (
      await steward.post('/api/v1/assets', {
        kind: 'information_set',
        name: 'Journalanteckningar',
        unitId: units.a.id,
        personalData: 'patient',
      })
    ).json();
    const linked = await steward.post(`/api/v1/assets/${system.id}/information-sets`, { informationSetId: set.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().informationSets.map((s: { id: string }) => s.id)).toEqual([set.id]);
    expect((await steward.get(`/api/v1/assets/${set.id}`)).json().processedBy.map((s: { id: string }) => s.id)).toEqual([system.id]);

    const bySupplier = (await steward.get('/api/v1/assets?kind=system&hosting=saas,cloud&q=journal&tag=kritisk')).json();
    expect(bySupplier.items.map((a: { id: string }) => a.id)).toEqual([system.id]);
    expect((await steward.get(`/api/v1/assets?processesSetId=${set.id}`)).json().total).toBe(1);
    expect((await steward.get('/api/v1/assets?kind=information_set&reviewState=missing&sort=-name')).json().items[0].id).toBe(set.id);
    expect((await steward.get('/api/v1/assets?lifecycle=retired')).json().total).toBe(0);
    expect((await steward.get('/api/v1/assets/facets')).json()).toMatchObject({ suppliers: ['Vårdsystem AB'], thirdCountries: ['USA'] });
    const bad = await steward.get('/api/v1/assets?kind=robot');
    expect(bad.statusCode).toBe(400);
  });

  it('names the field of an unknown owner, refuses self-links and wrong link kinds, and duplicate external ids', async () => {
    const { units, steward } = await setup();
    const unknown = await steward.post('/api/v1/assets', {
      kind: 'system',
      name: 'X',
      unitId: units.a.id,
      informationOwnerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown_user', details: { field: 'informationOwnerId' } });
    expect(unknown.json().error.message).toMatch(/finns inte/);
    const system = (
      await steward.post('/api/v1/assets', { kind: 'system', name: 'PACS', unitId: units.a.id, externalId: 'PACS-1' })
    ).json();
    const self = await steward.post(`/api/v1/assets/${system.id}/information-sets`, { informationSetId: system.id });
    expect(self.json().error).toMatchObject({ code: 'asset_self_link', details: { field: 'informationSetId' } });
    const selfIntegration = await steward.post(`/api/v1/assets/${system.id}/integrations`, { toAssetId: system.id });
    expect(selfIntegration.statusCode).toBe(400);
    expect(selfIntegration.json().error.code).toBe('asset_self_link');
    const other = (await steward.post('/api/v1/assets', { kind: 'system', name: 'RIS', unitId: units.a.id })).json();
    const notASet = await steward.post(`/api/v1/assets/${system.id}/information-sets`, { informationSetId: other.id });
    expect(notASet.json().error.code).toBe('asset_link_kind_mismatch');
    const integration = await steward.post(`/api/v1/assets/${system.id}/integrations`, {
      toAssetId: other.id,
      description: 'Bilder och svar',
    });
    expect(integration.statusCode, integration.body).toBe(201);
    expect(integration.json().integrations[0]).toMatchObject({
      from: { id: system.id },
      to: { id: other.id },
      description: 'Bilder och svar',
    });
    const dup = await steward.post('/api/v1/assets', { kind: 'system', name: 'Y', unitId: units.a.id, externalId: 'PACS-1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate_external_id', details: { field: 'externalId' } });
    const typeOnSystem = await steward.patch(`/api/v1/assets/${system.id}`, { informationTypeId: '00000000-0000-4000-8000-000000000000' });
    expect(typeOnSystem.json().error.code).toBe('information_type_only_for_sets');
    expect((await t.db.selectFrom('assets').select('id').where('name', 'in', ['X', 'Y']).execute()).length).toBe(0);
  });

  it('keeps each user to the units they hold the permission on, and other organisations out entirely', async () => {
    const { units, users, steward, coordinator } = await setup();
    const inA = (await steward.post('/api/v1/assets', { kind: 'system', name: 'System i A', unitId: units.a.id })).json();
    const inB = (await coordinator.post('/api/v1/assets', { kind: 'system', name: 'System i B', unitId: units.b.id })).json();
    const forbidden = await steward.post('/api/v1/assets', { kind: 'system', name: 'Inte min enhet', unitId: units.b.id });
    expect(forbidden.statusCode).toBe(403);
    expect((await steward.get('/api/v1/assets')).json().items.map((a: { id: string }) => a.id)).toEqual([inA.id]);
    expect((await steward.get(`/api/v1/assets/${inB.id}`)).statusCode).toBe(403);
    const auditor = await signIn(t.app, users['auditor@b']!.email);
    expect((await auditor.get('/api/v1/assets')).json().items.map((a: { id: string }) => a.id)).toEqual([inB.id]);
    expect((await auditor.patch(`/api/v1/assets/${inB.id}`, { name: 'Nytt' })).statusCode).toBe(403);

    const other = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const outsider = await signIn(t.app, other.users.security_coordinator!.email);
    expect((await outsider.get('/api/v1/assets')).json().total).toBe(0);
    expect((await outsider.get(`/api/v1/assets/${inA.id}`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/v1/assets/${inA.id}`, { name: 'Kapat' })).statusCode).toBe(404);
    const ownSystem = (await outsider.post('/api/v1/assets', { kind: 'system', name: 'Eget', unitId: other.units.a.id })).json();
    expect((await outsider.post(`/api/v1/assets/${ownSystem.id}/integrations`, { toAssetId: inA.id })).statusCode).toBe(404);
    const foreignUnit = await outsider.post('/api/v1/assets', { kind: 'system', name: 'Fel', unitId: units.a.id });
    expect(foreignUnit.json().error).toMatchObject({ code: 'unknown_unit', details: { field: 'unitId' } });
  });

  it('audits changes, blocks deleting a unit that holds assets, and exports the inventory to Excel', async () => {
    const { units, steward, coordinator } = await setup();
    const system = (
      await steward.post('/api/v1/assets', { kind: 'system', name: 'Lönesystem', unitId: units.a.id, hosting: 'own_datacenter' })
    ).json();
    await steward.patch(`/api/v1/assets/${system.id}`, { lifecycle: 'phasing_out', supplier: 'Lön AB' });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('entity_id', '=', system.id)
      .orderBy('id')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['create', 'update']);
    expect(audit[1]!.changes).toMatchObject({
      lifecycle: { before: 'in_use', after: 'phasing_out' },
      supplier: { before: null, after: 'Lön AB' },
    });

    const unit = (await coordinator.post('/api/v1/units', { parentId: units.b.id, name: 'Tom enhet', kind: 'unit' })).json();
    const held = (await coordinator.post('/api/v1/assets', { kind: 'information_set', name: 'Lönelistor', unitId: unit.id })).json();
    const blocked = await coordinator.del(`/api/v1/units/${unit.id}`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('unit_has_content');
    expect((await coordinator.del(`/api/v1/assets/${held.id}`)).statusCode).toBe(204);
    expect((await coordinator.del(`/api/v1/units/${unit.id}`)).statusCode).toBe(204);

    const file = await coordinator.get('/api/v1/assets/export.xlsx?kind=system');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tillgångar')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Typ');
    expect(sheet.getRow(2).getCell(2).value).toBe('Lönesystem');
    expect(sheet.getRow(2).getCell(9).value).toBe('Egen drift'); // the screen's word
    expect(sheet.rowCount).toBe(2);

    const del = await steward.del(`/api/v1/assets/${system.id}`);
    expect(del.statusCode).toBe(204);
  });
});
