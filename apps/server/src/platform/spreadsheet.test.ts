import { describe, expect, it } from 'vitest';
import { safeCell, safeRow } from './spreadsheet.js';

describe('spreadsheet cells', () => {
  it('neutralises every formula prefix and leaves other text and numbers alone', () => {
    for (const v of ['=HYPERLINK("http://x")', '+cmd|/c calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(safeCell(v)).toBe(`'${v}`);
    expect(safeCell('Journalsystem')).toBe('Journalsystem');
    expect(safeCell(3)).toBe(3);
    expect(safeRow({ a: '=1', b: 'ok', c: null })).toEqual({ a: "'=1", b: 'ok', c: null });
  });
});
