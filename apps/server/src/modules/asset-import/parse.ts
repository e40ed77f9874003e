import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';

/** One sheet as text: the header row and the data rows with the row number the spreadsheet shows. */
export interface ParsedSheet {
  name: string;
  headers: string[];
  rows: { n: number; cells: string[] }[];
}

/**
 * Caps checked while the file is read, so that a hostile or mistaken file (17 MB of xlsx with 7 M
 * cells, a CSV line of 300,000 separators) is refused early with a clear 413 instead of taking
 * minutes and gigabytes (issue 8 item 6). The upload itself is capped at 20 MB by the content parser.
 */
export const MAX_ROWS = 50_000;
export const MAX_COLUMNS = 100;
export const MAX_CELL = 10_000;
export const MAX_CELLS = 2_000_000;

/** Counts cells as they are read and refuses the file as soon as a cap is passed. */
class Caps {
  private cells = 0;
  private rows = 0;
  row(width: number) {
    if (++this.rows > MAX_ROWS + 1) throw new AppError('import_too_large', { max: MAX_ROWS });
    if (width > MAX_COLUMNS) throw new AppError('import_too_many_columns', { columns: width, max: MAX_COLUMNS });
    this.cells += width;
    if (this.cells > MAX_CELLS) throw new AppError('import_too_many_cells', { max: MAX_CELLS });
  }
  cell(text: string) {
    if (text.length > MAX_CELL) throw new AppError('import_cell_too_long', { max: MAX_CELL });
    return text;
  }
}

/** Reads an uploaded .xlsx or .csv into sheets of text; anything else is refused as unreadable. */
export async function parseUpload(file: Buffer, fileName: string): Promise<ParsedSheet[]> {
  const isZip = file.length > 4 && file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04;
  const sheets = isZip || /\.xlsx$/i.test(fileName) ? await parseXlsx(file) : [parseCsv(file)];
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  if (rows > MAX_ROWS) throw new AppError('import_too_large', { rows, max: MAX_ROWS });
  if (!sheets.length || sheets.every((s) => !s.headers.length)) throw new AppError('import_unreadable_file', { reason: 'empty' });
  return sheets;
}

/**
 * Streams the workbook (exceljs' WorkbookReader) instead of loading it whole: rows are read one by
 * one, the caps are checked on each, and the reader gives the event loop back between chunks, so
 * other requests are served while a large file is read.
 */
async function parseXlsx(file: Buffer): Promise<ParsedSheet[]> {
  // Loaded on first use: exceljs costs a few hundred ms of CPU at every server start otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const { Readable } = await import('node:stream');
  const caps = new Caps();
  const out: ParsedSheet[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
    for await (const ws of reader) {
      const named = ws as unknown as { name?: string; id?: number };
      const sheet: ParsedSheet = { name: named.name || `Blad ${named.id ?? out.length + 1}`, headers: [], rows: [] };
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        caps.row(row.cellCount);
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          if (col > MAX_COLUMNS) throw new AppError('import_too_many_columns', { max: MAX_COLUMNS });
          cells[col - 1] = caps.cell(cellText(cell));
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        if (!sheet.headers.length) {
          sheet.headers = cells.map((c) => c.trim());
          continue;
        }
        if (cells.some((c) => c.trim() !== '')) sheet.rows.push({ n: row.number, cells });
      }
      out.push(sheet);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('import_unreadable_file', { reason: 'xlsx' });
  }
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
  const caps = new Caps();
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
      record.push(caps.cell(field));
      field = '';
      if (record.length > MAX_COLUMNS) throw new AppError('import_too_many_columns', { max: MAX_COLUMNS });
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(caps.cell(field));
      caps.row(record.length);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
    if (field.length > MAX_CELL) throw new AppError('import_cell_too_long', { max: MAX_CELL });
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
