import type { ImportReport } from '@tillit/core';
import { safeCell } from '../../platform/spreadsheet.js';
import type { ParsedSheet } from './parse.js';

/**
 * The file back as the user sent it (the checked sheet), each row with a problem keeping its
 * cells and gaining a last column that says what to fix ("Kolumn: meddelande (värde)"); rows
 * without problems are left out, so the file can be fixed and imported again on its own.
 */
export async function buildProblemWorkbook(sheet: ParsedSheet, report: ImportReport, problemHeader: string): Promise<Buffer> {
  const byRow = new Map<number, string[]>();
  for (const p of report.problems) {
    const text = `${p.column ? `${p.column}: ` : ''}${p.message}${p.value ? ` (${p.value})` : ''}`;
    byRow.set(p.row, [...(byRow.get(p.row) ?? []), text]);
  }
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tillit';
  const ws = wb.addWorksheet(sheet.name.slice(0, 31) || 'Import', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...sheet.headers, problemHeader].map(safeCell));
  ws.getRow(1).font = { bold: true };
  for (const r of sheet.rows) {
    const problems = byRow.get(r.n);
    if (!problems) continue;
    const cells = sheet.headers.map((_, i) => r.cells[i] ?? '');
    ws.addRow([...cells, problems.join('\n')].map(safeCell));
  }
  ws.getColumn(sheet.headers.length + 1).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
