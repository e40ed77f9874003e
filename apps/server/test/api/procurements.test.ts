import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';
import { makeClassification, makeInformationSet } from '../../src/seed/factories-assets.js';

const t = useTestApp();

async function setup() {
  const seeded = await seedOrg(t.db, [{ role: 'security_coordinator' }, { role: 'system_steward', unit: 'a' }, { role: 'auditor' }]);
  const set = await t.db.transaction().execute(async (trx) => {
    const s = await makeInformationSet(trx, seeded.units.a, { name: 'Journalanteckningar', personalData: 'patient' });
    await makeClassification(trx, s, {
      status: 'approved',
      answers: { C: { privacy: 3 }, I: { life_health: 3 }, A: { operations: 3 }, T: { legal: 3 } },
      justifications: { C: 'a', I: 'b', A: 'c', T: 'd' },
    } as Parameters<typeof makeClassification>[2]);
    return s;
  });
  return {
    ...seeded,
    set,
    buyer: await signIn(t.app, seeded.users['system_steward@a']!.email),
    auditor: await signIn(t.app, seeded.users.auditor!.email),
  };
}

/** The paragraphs of a .docx with their style (Heading1, Title …), read from word/document.xml. */
async function docxParagraphs(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''),
  }));
}

describe('procurement requirements and contract follow-up', () => {
  it('generates the SKA-requirements for a planned system, as Word and Excel with the expected structure', async () => {
    const { buyer, auditor, units } = await setup();
    const bad = await buyer.post('/api/v1/procurements', {
      name: 'Nytt labbsystem',
      procurementDate: '2026-11-01',
      unitId: units.a.id,
      levels: { C: 2, I: 2, A: 2, T: 2 },
      triggers: ['no_such_trigger'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('triggers.0');
    const res = await buyer.post('/api/v1/procurements', {
      name: 'Nytt labbsystem',
      referenceNumber: 'RS 2026-0042',
      procurementDate: '2026-11-01',
      unitId: units.a.id,
      levels: { C: 2, I: 2, A: 2, T: 2 },
      triggers: ['personal_data', 'third_country_transfer'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ status: 'preparing', supplier: null, levels: { C: 2 } });
    const keys = p.requirements.map((r: { key: string }) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['TB-DSK-01', 'TB-DSK-02', 'TB-ATK-02']));
    expect(keys).not.toContain('TB-ATK-03'); // needs level 3
    expect(p.requirements[0].number).toBe('1.1');

    const docx = await auditor.get(`/api/v1/procurements/${p.id}/requirements.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const paragraphs = await docxParagraphs(docx.rawPayload);
    expect(paragraphs[0]).toEqual({ style: 'Title', text: 'Säkerhetskrav i upphandling' });
    expect(paragraphs.some((x) => x.text.includes('RS 2026-0042'))).toBe(true);
    const themes = [...new Set(p.requirements.map((r: { themeLabel: string }) => r.themeLabel))];
    expect(paragraphs.filter((x) => x.style === 'Heading1').map((x) => x.text)).toEqual(themes);
    const numbered = paragraphs.filter((x) => x.style === 'Heading2').map((x) => x.text);
    expect(numbered).toEqual(p.requirements.map((r: { number: string; title: string }) => `${r.number} ${r.title}`));
    expect(paragraphs.filter((x) => x.text === 'Leverantörens svar:')).toHaveLength(p.requirements.length);
    const docXml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect((docXml.match(/<w:tbl>/g) ?? []).length).toBe(p.requirements.length); // an answer box each

    const xlsx = await auditor.get(`/api/v1/procurements/${p.id}/requirements.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Krav', 'Om underlaget']);
    const sheet = wb.getWorksheet('Krav')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Nr',
      'Krav-id',
      'Tema',
      'Rubrik',
      'Krav',
      'Uppfylls (ja/nej)',
      'Leverantörens beskrivning',
    ]);
    expect(sheet.rowCount).toBe(p.requirements.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe('1.1');
    expect(sheet.getRow(2).getCell(5).value).toBe(p.requirements[0].text);
  });

  it('from an existing asset; after award, a go-live check whose findings become measures; next check at the interval', async () => {
    const { buyer, set, users } = await setup();
    const p = (
      await buyer.post('/api/v1/procurements', { name: 'Journalsystem, ny upphandling', procurementDate: '2026-10-01', assetId: set.id })
    ).json();
    expect(p.triggers.map((x: { code: string }) => x.code)).toContain('patient_data');
    expect(p.requirements.map((r: { key: string }) => r.key)).toContain('TB-LOG-02');
    const [first, second] = p.requirements;
    const early = await buyer.post(`/api/v1/procurements/${p.id}/checks`, {
      kind: 'go_live',
      checkedOn: '2027-02-01',
      results: [{ requirementId: first.id, result: 'met' }],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('procurement_not_awarded');

    const awarded = await buyer.post(`/api/v1/procurements/${p.id}/award`, {
      supplier: 'Journalbolaget AB',
      awardedOn: '2026-12-01',
      goLiveOn: '2027-02-01',
      recheckMonths: 12,
    });
    expect(awarded.statusCode, awarded.body).toBe(200);
    expect(awarded.json()).toMatchObject({ status: 'awarded', supplier: 'Journalbolaget AB', nextCheckDue: '2027-02-01' });

    const owner = users['system_steward@a']!.id;
    const check = await buyer.post(`/api/v1/procurements/${p.id}/checks`, {
      kind: 'go_live',
      checkedOn: '2027-02-03',
      results: [
        { requirementId: first.id, result: 'met' },
        { requirementId: second.id, result: 'not_met', comment: 'Loggar saknas för administratörer.' },
      ],
      measures: [
        {
          requirementId: second.id,
          title: 'Leverantören ska logga administratörers åtkomst',
          ownerId: owner,
          dueDate: '2027-04-30',
          priority: 'high',
        },
      ],
    });
    expect(check.statusCode, check.body).toBe(201);
    const after = check.json();
    expect(after.checks).toEqual([
      expect.objectContaining({ kind: 'go_live', checkedOn: '2027-02-03', counts: { met: 1, partlyMet: 0, notMet: 1, notApplicable: 0 } }),
    ]);
    expect(after.nextCheckDue).toBe('2028-02-03');
    const finding = after.requirements.find((r: { id: string }) => r.id === second.id);
    expect(finding).toMatchObject({
      lastResult: 'not_met',
      measures: [expect.objectContaining({ title: 'Leverantören ska logga administratörers åtkomst', status: 'planned' })],
    });
    // A measure for a requirement that was met is refused, and nothing of the check is saved.
    const wrong = await buyer.post(`/api/v1/procurements/${p.id}/checks`, {
      kind: 'periodic',
      checkedOn: '2028-02-03',
      results: [{ requirementId: first.id, result: 'met' }],
      measures: [{ requirementId: first.id, title: 'x', ownerId: owner, dueDate: '2028-03-01', priority: 'low' }],
    });
    expect(wrong.statusCode).toBe(400);
    expect((await buyer.get(`/api/v1/procurements/${p.id}`)).json().checks).toHaveLength(1);
  });
});
