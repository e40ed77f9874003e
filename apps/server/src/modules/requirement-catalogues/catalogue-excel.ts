import type ExcelJS from 'exceljs';
import { aspectKeys, type RequirementCatalogueFile, type RequirementReference } from '@tillit/core';
import { AppError } from '../../platform/errors.js';

/**
 * The Excel form of the catalogue format (docs/requirement-catalogue-format.md): three sheets
 * whose header names are the JSON field names, so both forms say the same thing.
 *   Katalog  field | value        (catalogue, version, publishedAt, name.sv, name.en, description.sv, description.en)
 *   Teman    code | label.sv | label.en
 *   Krav     id | theme | title.sv | … | appliesAt.C … appliesAt.T | triggers | iso27002 | laws
 * Lists in a cell are separated by ";". A law reference reads "gdpr art. 32" or
 * "patientdatalagen 4 kap. 3 §" (law code, then chapter, section and/or article).
 */
export const SHEETS = { head: 'Katalog', themes: 'Teman', requirements: 'Krav' } as const;
const texts = ['title', 'statement', 'procurement', 'guidance'] as const;
export const requirementColumns = [
  'id',
  'theme',
  ...texts.flatMap((t) => [`${t}.sv`, `${t}.en`]),
  ...aspectKeys.map((a) => `appliesAt.${a}`),
  'triggers',
  'iso27002',
  'laws',
] as const;

export function formatLawReference(ref: Extract<RequirementReference, { kind: 'law' }>): string {
  return [ref.law, ref.chapter && `${ref.chapter} kap.`, ref.section && `${ref.section} §`, ref.article && `art. ${ref.article}`]
    .filter(Boolean)
    .join(' ');
}

const LAW =
  /^([a-z0-9][a-z0-9_-]*)(?:\s+(\d+\s?[a-z]?)\s*kap\.?)?(?:\s+(\d+(?:\s?[a-z])?(?:\s?[–-]\s?\d+(?:\s?[a-z])?)?)\s*§+)?(?:\s+art(?:ikel|\.)?\s*(\d+(?:\.\d+)?))?$/i;

/** A law reference from its cell text, or null when it does not read as one. */
export function parseLawReference(text: string): Extract<RequirementReference, { kind: 'law' }> | null {
  const m = LAW.exec(text.trim().replace(/\s+/g, ' '));
  if (!m) return null;
  const ref: Extract<RequirementReference, { kind: 'law' }> = { kind: 'law', law: m[1]!.toLowerCase() };
  if (m[2]) ref.chapter = m[2].replace(/\s/g, ' ');
  if (m[3]) ref.section = m[3];
  if (m[4]) ref.article = m[4];
  return ref;
}

const list = (cell: string) =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
  }
  return String(v);
}

interface Sheet {
  headers: string[];
  rows: { n: number; cells: Record<string, string> }[];
}

function readSheet(ws: ExcelJS.Worksheet | undefined): Sheet {
  const sheet: Sheet = { headers: [], rows: [] };
  if (!ws) return sheet;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell).trim()));
    if (!sheet.headers.length) {
      sheet.headers = Array.from(cells, (c) => c ?? '');
      return;
    }
    const byHeader: Record<string, string> = {};
    sheet.headers.forEach((h, i) => (byHeader[h] = cells[i] ?? ''));
    if (Object.values(byHeader).some((c) => c !== '')) sheet.rows.push({ n, cells: byHeader });
  });
  return sheet;
}

const localizedOf = (sv: string | undefined, en: string | undefined) => (sv || en ? { sv: sv ?? '', ...(en ? { en } : {}) } : undefined);

/**
 * Reads the workbook into the JSON shape, without judging it: validateCatalogue does that, so
 * both forms get the same row-level problems. `sheetRows[i]` is the spreadsheet row of requirement i.
 */
export async function readCatalogueWorkbook(file: Buffer): Promise<{ file: unknown; sheetRows: number[] }> {
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('catalogue_unreadable_file', { reason: 'xlsx' });
  }
  const head = readSheet(wb.getWorksheet(SHEETS.head));
  const themes = readSheet(wb.getWorksheet(SHEETS.themes));
  const reqs = readSheet(wb.getWorksheet(SHEETS.requirements));
  if (!head.rows.length || !reqs.rows.length)
    throw new AppError('catalogue_unreadable_file', { reason: 'sheets', sheets: Object.values(SHEETS) });
  const h: Record<string, string> = {};
  // The head sheet is field | value; its first row is a header too.
  for (const r of head.rows) h[Object.values(r.cells)[0] ?? ''] = Object.values(r.cells)[1] ?? '';
  const level = (v: string | undefined) => (v === undefined || v === '' ? undefined : /^\d+$/.test(v) ? Number(v) : v);
  const requirements = reqs.rows.map(({ cells: c }) => {
    const appliesAt: Record<string, unknown> = {};
    for (const a of aspectKeys) {
      const v = level(c[`appliesAt.${a}`]);
      if (v !== undefined) appliesAt[a] = v;
    }
    const references: unknown[] = [
      ...list(c.iso27002 ?? '').map((control) => ({ kind: 'iso27002', control })),
      // An unreadable law cell is kept as text, so the validation names the row and field.
      ...list(c.laws ?? '').map((t) => parseLawReference(t) ?? { kind: 'law', law: t }),
    ];
    return {
      id: c.id,
      theme: c.theme,
      ...Object.fromEntries(texts.map((t) => [t, localizedOf(c[`${t}.sv`], c[`${t}.en`])])),
      appliesAt,
      triggers: list(c.triggers ?? ''),
      references,
    };
  });
  return {
    file: {
      catalogue: h.catalogue,
      version: h.version,
      publishedAt: h.publishedAt,
      name: localizedOf(h['name.sv'], h['name.en']),
      ...(localizedOf(h['description.sv'], h['description.en'])
        ? { description: localizedOf(h['description.sv'], h['description.en']) }
        : {}),
      themes: themes.rows.map(({ cells: c }) => ({ code: c.code, label: localizedOf(c['label.sv'], c['label.en']) })),
      requirements,
    },
    sheetRows: reqs.rows.map((r) => r.n),
  };
}

/** A catalogue version as a workbook in the import format: the template an organisation starts from. */
export async function writeCatalogueWorkbook(c: RequirementCatalogueFile): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tillit';
  const head = wb.addWorksheet(SHEETS.head);
  head.addRow(['field', 'value']);
  const headRows: [string, string | undefined][] = [
    ['catalogue', c.catalogue],
    ['version', c.version],
    ['publishedAt', c.publishedAt],
    ['name.sv', c.name.sv],
    ['name.en', c.name.en],
    ['description.sv', c.description?.sv],
    ['description.en', c.description?.en],
  ];
  for (const [k, v] of headRows) if (v) head.addRow([k, v]);
  const themes = wb.addWorksheet(SHEETS.themes);
  themes.addRow(['code', 'label.sv', 'label.en']);
  for (const t of c.themes) themes.addRow([t.code, t.label.sv, t.label.en ?? '']);
  const reqs = wb.addWorksheet(SHEETS.requirements);
  reqs.addRow([...requirementColumns]);
  for (const r of c.requirements) {
    reqs.addRow([
      r.id,
      r.theme,
      ...texts.flatMap((t) => [r[t].sv, r[t].en ?? '']),
      ...aspectKeys.map((a) => r.appliesAt[a] ?? ''),
      r.triggers.join('; '),
      r.references.flatMap((ref) => (ref.kind === 'iso27002' ? [ref.control] : [])).join('; '),
      r.references.flatMap((ref) => (ref.kind === 'law' ? [formatLawReference(ref)] : [])).join('; '),
    ]);
  }
  for (const ws of [head, themes, reqs]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
