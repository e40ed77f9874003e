import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { linkSets, makeAsset } from '../../src/seed/factories-assets.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();
const HIDDEN = 'En tillgång du inte kan se';

async function setup() {
  const seeded = await seedOrg(t.db, [{ role: 'information_owner', unit: 'a' }]);
  const { units } = seeded;
  const assets = await t.db.transaction().execute(async (trx) => {
    const set = await makeAsset(trx, units.a, 'information_set', { name: 'Egna uppgifter' });
    const secret = await makeAsset(trx, units.b, 'system', { name: 'Hemligt system', externalId: 'SYS-HEMLIG' });
    const own = await makeAsset(trx, units.a, 'system', { name: '=HYPERLINK("http://angripare.example","klicka")' });
    await linkSets(trx, secret, [set.id]);
    await linkSets(trx, own, [set.id]);
    return { set, secret, own };
  });
  return { ...seeded, ...assets, reader: await signIn(t.app, seeded.users['information_owner@a']!.email) };
}

describe('linked assets on units the reader cannot read', () => {
  it('the asset page shows neither the name nor the levels of a linked asset the reader cannot see', async () => {
    const { reader, set, secret } = await setup();
    const page = await reader.get(`/api/v1/assets/${set.id}`);
    expect(page.statusCode).toBe(200);
    expect(JSON.stringify(page.json())).not.toContain('Hemligt system');
    const hidden = page.json().processedBy.find((p: { id: string }) => p.id === secret.id);
    expect(hidden).toMatchObject({ name: HIDDEN, levels: { C: null, I: null, A: null, T: null } });
  });

  it('the export’s link sheets redact it too, and no cell starts a formula', async () => {
    const { reader } = await setup();
    const res = await reader.request({ method: 'GET', url: '/api/v1/assets/export.xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? '')))));
    expect(texts.some((s) => s.includes('Hemligt system') || s.includes('SYS-HEMLIG'))).toBe(false);
    expect(texts).toContain(HIDDEN);
    expect(texts).toContain(`'=HYPERLINK("http://angripare.example","klicka")`);
    expect(texts.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([]);
  });
});
