import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeAsset } from '../../src/seed/factories-assets.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['Typ', 'Namn', 'Förvaltning', 'Externt id', 'Behandlas i'];

describe('import links and unit scope', () => {
  it('refuses a row linking to a system on a unit the importer cannot write, and imports nothing', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'security_coordinator', unit: 'a' }]);
    await t.db.transaction().execute((trx) => makeAsset(trx, units.b, 'system', { name: 'Annans system', externalId: 'SYS-B' }));
    const coordinator = await signIn(t.app, users['security_coordinator@a']!.email);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Inventarie');
    ws.addRow(HEADERS);
    ws.addRow(['Informationsmängd', 'Egna uppgifter', 'Förvaltning A', 'INF-A', 'SYS-B']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const imp = (
      await coordinator.request({
        method: 'POST',
        url: '/api/v1/asset-imports?fileName=i.xlsx',
        payload: file,
        headers: { 'content-type': XLSX },
      })
    ).json();
    const res = await coordinator.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true`, { mapping: imp.suggestedMapping });
    expect(res.statusCode).toBe(409);
    const problems = res
      .json()
      .error.details.report.problems.map((p: { row: number; field: string; code: string }) => `${p.row}:${p.field}:${p.code}`);
    expect(problems).toEqual(['2:processedBy:forbidden_linked_asset']);
    expect(await t.db.selectFrom('assets').select('id').where('name', '=', 'Egna uppgifter').execute()).toEqual([]);
  });
});
