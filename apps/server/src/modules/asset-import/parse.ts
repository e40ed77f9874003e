import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';

/** One sheet as text: the header row and the data rows with the row number the spreadsheet shows. */
export interface ParsedSheet {
  name: string;
  headers: string[];
  rows: { n: number; cells: string[] }[];
}

export const MAX_ROWS = 50_000;

/** Reads an uploaded .xlsx or .csv into sheets of text; anything else is refused as unreadable. */
export async function parseUpload(file: Buffer, fileName: string): Promise<ParsedSheet[]> {
  const isZip = file.length > 4 && file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04;
  const sheets = isZip || /\.xlsx$/i.test(fileName) ? await parseXlsx(file) : [parseCsv(file)];
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  if (rows > MAX_ROWS) throw new AppError('import_too_large', { rows, max: MAX_ROWS });
  if (!sheets.length || sheets.every((s) => !s.headers.length)) throw new AppError('import_unreadable_file', { reason: 'empty' });
  return sheets;
}

async function parseXlsx(file: Buffer): Promise<ParsedSheet[]> {
  // Loaded on first use: exceljs costs a few hundred ms of CPU at every server start otherwise.
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import_unreadable_file', { reason: 'xlsx' });
  }
  const out: ParsedSheet[] = [];
  wb.eachSheet((ws) => {
    const sheet: ParsedSheet = { name: ws.name, headers: [], rows: [] };
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      if (!sheet.headers.length) {
        sheet.headers = cells.map((c) => c.trim());
        return;
      }
      if (cells.some((c) => c.trim() !== '')) sheet.rows.push({ n, cells });
    });
    out.push(sheet);
  });
  return out;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
    return cell.text ?? '';
  }
  return String(v);
}

/** UTF-8 (with or without BOM), falling back to Windows-1252 as older Swedish Excel saves it. */
function decode(file: Buffer): string {
  if (file.includes(0)) throw new AppError('import_unreadable_file', { reason: 'binary' });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return new TextDecoder('windows-1252').decode(file);
  }
}

/** CSV with `;`, `,` or tab as separator (the one most used on the header line), quotes per RFC 4180. */
export function parseCsv(file: Buffer): ParsedSheet {
  const text = decode(file);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = [';', ',', '\t'].map((s) => ({ s, n: firstLine.split(s).length })).sort((a, b) => b.n - a.n)[0]!.s;
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...data] = records;
  return {
    name: 'CSV',
    headers: header.map((h) => h.trim()),
    rows: data.map((cells, i) => ({ n: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}
