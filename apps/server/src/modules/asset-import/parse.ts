import type ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../platform/errors.js';
import type { ErrorCode } from '@tillit/core';

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

/**
 * How long one file may take to read, and how much memory the reader may use. A file within the
 * caps reads in a few seconds; past these it is refused (413) as too big rather than holding the
 * reader. Mutable so that a test can shorten the budget.
 */
export const parserLimits = { timeMs: 60_000, memoryMb: 1024 };

interface Job {
  file: Buffer;
  fileName: string;
  resolve: (s: ParsedSheet[]) => void;
  reject: (e: unknown) => void;
}

/**
 * Reading a file is CPU work (a CSV in one synchronous pass, an xlsx unzipped and its XML parsed),
 * so it runs in a worker thread and the event loop keeps serving other requests (issue 8 item 6).
 * One worker, one file at a time (the machine has few cores and an import is rare); started on
 * first use and kept. A worker that runs past the time budget is terminated, one that dies
 * (out of memory) is replaced; either way the upload gets a 4xx, never a 500.
 */
class ParsePool {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private running: (Job & { timer: NodeJS.Timeout }) | null = null;

  parse(file: Buffer, fileName: string): Promise<ParsedSheet[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ file, fileName, resolve, reject });
      this.next();
    });
  }

  private spawn(): Worker {
    const here = import.meta.url;
    const resourceLimits = { maxOldGenerationSizeMb: parserLimits.memoryMb };
    // The compiled server (apps/server/dist) has parse.worker.js beside this file. Under tsx and
    // vitest the sources are TypeScript, which a plain worker cannot load: it registers tsx first.
    const w = here.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(tsxApi(here))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./parse.worker.ts', here).href)}); });`,
          { eval: true, resourceLimits },
        )
      : new Worker(new URL('./parse.worker.js', here), { resourceLimits });
    // Only the current worker's news counts: one terminated for its time may still report.
    const current = () => this.worker === w;
    w.on('message', (m: { sheets?: ParsedSheet[]; error?: { code: ErrorCode; details?: unknown } }) => {
      const job = current() ? this.finish() : null;
      if (!job) return;
      if (m.sheets) job.resolve(m.sheets);
      else job.reject(new AppError(m.error!.code, m.error!.details));
    });
    const gone = (e: AppError) => {
      if (!current()) return;
      this.worker = null;
      this.fail(e);
    };
    w.on('error', (e: Error & { code?: string }) =>
      gone(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError('import_too_many_cells', { max: MAX_CELLS })
          : new AppError('import_unreadable_file', { reason: 'reader failed' }),
      ),
    );
    w.on('exit', () => gone(new AppError('import_unreadable_file', { reason: 'reader stopped' })));
    // An idle worker does not keep the process alive (tests, CLI commands end without closing it).
    w.unref();
    return w;
  }

  private next() {
    if (this.running || !this.queue.length) return;
    const job = this.queue.shift()!;
    this.worker ??= this.spawn();
    const worker = this.worker;
    const timer = setTimeout(() => {
      this.worker = null;
      void worker.terminate();
      this.fail(new AppError('import_too_many_cells', { max: MAX_CELLS, reason: 'time' }));
    }, parserLimits.timeMs);
    this.running = { ...job, timer };
    worker.ref();
    // Copied, not transferred: the buffer may be a slice of a larger pooled one the caller still owns.
    worker.postMessage({ file: job.file, fileName: job.fileName });
  }

  private finish(): Job | null {
    const job = this.running;
    if (!job) return null;
    clearTimeout(job.timer);
    this.running = null;
    this.worker?.unref();
    setImmediate(() => this.next());
    return job;
  }

  private fail(e: AppError) {
    this.finish()?.reject(e);
  }
}

/**
 * tsx's ESM API as a file URL. Registered inside the worker before its module is imported (an
 * `--import tsx` in the worker's execArgv registers too late for the worker's own entry file).
 */
function tsxApi(from: string): string {
  const require = createRequire(from);
  const pkg = require.resolve('tsx/package.json');
  const entry = (require(pkg) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  return new URL(entry, pathToFileURL(pkg)).href;
}

const pool = new ParsePool();

/** Reads an uploaded .xlsx or .csv into sheets of text, in the reader thread; see ParsePool. */
export function parseUpload(file: Buffer, fileName: string): Promise<ParsedSheet[]> {
  return pool.parse(file, fileName);
}

/** Reads an uploaded .xlsx or .csv into sheets of text; anything else is refused as unreadable. Runs in the worker. */
export async function parseSheets(file: Buffer, fileName: string): Promise<ParsedSheet[]> {
  const isZip = file.length > 4 && file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04;
  const sheets = isZip || /\.xlsx$/i.test(fileName) ? await parseXlsx(file) : [parseCsv(file)];
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  if (rows > MAX_ROWS) throw new AppError('import_too_large', { rows, max: MAX_ROWS });
  if (!sheets.length || sheets.every((s) => !s.headers.length)) throw new AppError('import_unreadable_file', { reason: 'empty' });
  return sheets;
}

/**
 * Streams the workbook (exceljs' WorkbookReader) instead of loading it whole: rows are read one by
 * one and the caps are checked on each, so a hostile file is refused before it is held whole.
 */
async function parseXlsx(file: Buffer): Promise<ParsedSheet[]> {
  // Loaded on first use: exceljs costs a few hundred ms of CPU at every server start otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const { Readable } = await import('node:stream');
  const caps = new Caps();
  const out: ParsedSheet[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
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
