/**
 * Text that a spreadsheet program would run as a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM`,
 * or after a tab or carriage return) is written with a leading apostrophe, the OWASP advice for
 * CSV/formula injection: asset names and descriptions come from many people, and an export is
 * opened by others. Every export (Excel, CSV) passes its cells through here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** `safeCell` on every value of a row object. */
export function safeRow<R extends Record<string, unknown>>(row: R): R {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safeCell(v)])) as R;
}
