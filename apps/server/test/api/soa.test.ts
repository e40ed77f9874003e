import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';
import { makeMeasure } from '../../src/seed/factories-measures.js';

const t = useTestApp();

const events = (entityId: string) =>
  t.db.selectFrom('audit_events').select(['action', 'entity_type']).where('entity_id', '=', entityId).execute();

describe('statement of applicability', () => {
  it('keeps one version per year over the 93 controls; this year starts as a copy of last year', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'security_coordinator' }, { role: 'auditor' }, { role: 'system_steward', unit: 'a' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const auditor = await signIn(t.app, users.auditor!.email);
    const steward = await signIn(t.app, users['system_steward@a']!.email);

    expect((await auditor.post('/api/v1/soa', { year: 2025 })).statusCode).toBe(403);
    const last = await coordinator.post('/api/v1/soa', { year: 2025 });
    expect(last.statusCode, last.body).toBe(201);
    const lastYear = last.json();
    expect(lastYear.entries).toHaveLength(93);
    expect(lastYear.entries.slice(0, 3).map((e: { control: string }) => e.control)).toEqual(['5.1', '5.2', '5.3']);
    expect(lastYear.entries.at(-1).control).toBe('8.34');
    expect(lastYear.entries[0]).toMatchObject({ applicable: null, reasons: [], planCount: null });
    // The base catalogue's requirements that put 5.15 into practice are listed with it.
    expect(lastYear.entries.find((e: { control: string }) => e.control === '5.15').requirementIds).toContain('TB-ATK-01');
    expect((await coordinator.post('/api/v1/soa', { year: 2025 })).json().error.code).toBe('soa_year_exists');

    const url = `/api/v1/soa/${lastYear.id}/controls/5.15`;
    const noReason = await coordinator.patch(url, { applicable: true });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'soa_reason_required', details: { field: 'reasons' } });
    expect((await coordinator.patch(url, { applicable: true, reasons: ['other'] })).json().error.code).toBe('soa_reason_text_required');
    const saved = await coordinator.patch(url, {
      applicable: true,
      reasons: ['risk_analysis', 'legal_requirement'],
      implementation: 'partly',
      gapSeverity: 'medium',
      currentState: 'Behörigheter ses över i hälften av förvaltningarna.',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ applicable: true, implementation: 'partly', rowVersion: 2 });
    expect((await steward.patch(url, { implementation: 'yes' })).statusCode).toBe(403);
    // A save that changes nothing writes no event; a stale version is refused.
    await coordinator.patch(url, { implementation: 'partly' });
    expect(await events(saved.json().id)).toEqual([{ action: 'update', entity_type: 'soa_entry' }]);
    const stale = await coordinator.request({ method: 'PATCH', url, payload: { implementation: 'yes' }, headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    await coordinator.patch(`/api/v1/soa/${lastYear.id}/controls/7.6`, {
      applicable: false,
      reasons: ['organization_analysis'],
      reasonText: 'Inga skyddade utrymmen.',
    });

    const copy = await coordinator.post('/api/v1/soa', { year: 2026, copyFromId: lastYear.id });
    expect(copy.statusCode, copy.body).toBe(201);
    const thisYear = copy.json();
    expect(thisYear).toMatchObject({ year: 2026, copiedFromYear: 2025, counts: { controls: 93, decided: 2, applicable: 1, partly: 1 } });
    expect(thisYear.entries.find((e: { control: string }) => e.control === '5.15')).toMatchObject({
      applicable: true,
      reasons: ['risk_analysis', 'legal_requirement'],
      implementation: 'partly',
    });
    await coordinator.patch(`/api/v1/soa/${thisYear.id}/controls/5.15`, { implementation: 'yes', gapSeverity: 'none' });

    const list = (await auditor.get('/api/v1/soa')).json();
    expect(list.map((v: { year: number }) => v.year)).toEqual([2026, 2025]);
    const cmp = (await auditor.get(`/api/v1/soa/compare?from=${lastYear.id}&to=${thisYear.id}`)).json();
    expect(cmp.rows).toHaveLength(93);
    expect(cmp.rows.find((r: { control: string }) => r.control === '5.15')).toMatchObject({
      from: { implementation: 'partly' },
      to: { implementation: 'yes' },
      changed: ['implementation', 'gapSeverity'],
    });
    expect(cmp.rows.filter((r: { changed: string[] }) => r.changed.length)).toHaveLength(1);
    // Last year stays as it was.
    expect(
      (await auditor.get(`/api/v1/soa/${lastYear.id}`)).json().entries.find((e: { control: string }) => e.control === '5.15')
        .implementation,
    ).toBe('partly');
  });

  it('links measures to a control and exports the statement to Excel and Word', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const coordinator = await signIn(t.app, users.security_coordinator!.email);
    const soa = (await coordinator.post('/api/v1/soa', { year: 2026 })).json();
    const measure = await t.db
      .transaction()
      .execute((trx) => makeMeasure(trx, units.root, { title: 'Återläsningstest av säkerhetskopior' }));
    const linked = await coordinator.post(`/api/v1/soa/${soa.id}/controls/8.13/measures`, { measureId: measure.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().measures).toEqual([expect.objectContaining({ id: measure.id, title: 'Återläsningstest av säkerhetskopior' })]);
    await coordinator.patch(`/api/v1/soa/${soa.id}/controls/8.13`, {
      applicable: true,
      reasons: ['risk_analysis'],
      implementation: 'no',
      gapSeverity: 'high',
      plannedImprovement: 'Prova återläsning varje kvartal.',
    });

    const xlsx = await coordinator.get(`/api/v1/soa/${soa.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(94);
    expect(ws.getRow(1).getCell(1).value).toBe('Kontroll');
    expect(ws.getRow(1).getCell(4).value).toBe('Tillämplig');
    const row = ws.getRows(2, 93)!.find((r) => r.getCell(1).value === '8.13')!;
    expect(row.getCell(2).value).toBe('Säkerhetskopiering');
    expect(row.getCell(4).value).toBe('Ja');
    expect(row.getCell(7).value).toBe('Nej');
    expect(row.getCell(11).value).toBe('Återläsningstest av säkerhetskopior');

    const docx = await coordinator.get(`/api/v1/soa/${soa.id}/export.docx`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const headings = [
      ...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Title|Heading1)"\/>(?:(?!<\/w:p>).)*?<w:t[^>]*>([^<]*)<\/w:t>/g),
    ].map((m) => [m[1], m[2]]);
    expect(headings).toEqual([
      ['Title', 'Uttalande om tillämplighet 2026'],
      ['Heading1', 'Sammanfattning'],
      ['Heading1', 'Organisatoriska'],
      ['Heading1', 'Personal'],
      ['Heading1', 'Fysiska'],
      ['Heading1', 'Tekniska'],
    ]);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(4);
    // One header row per table plus one row per control.
    expect((xml.match(/<w:tr>/g) ?? []).length).toBe(93 + 4);
    expect(xml).toContain('Prova återläsning varje kvartal.');
  });

  it('never shows one organisation the statement of another', async () => {
    const one = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const other = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
    const a = await signIn(t.app, one.users.security_coordinator!.email);
    const b = await signIn(t.app, other.users.security_coordinator!.email);
    const soa = (await a.post('/api/v1/soa', { year: 2026 })).json();
    expect((await b.get(`/api/v1/soa/${soa.id}`)).statusCode).toBe(404);
    expect((await b.patch(`/api/v1/soa/${soa.id}/controls/5.1`, { implementation: 'yes' })).statusCode).toBe(404);
    expect((await b.get('/api/v1/soa')).json()).toEqual([]);
  });
});
