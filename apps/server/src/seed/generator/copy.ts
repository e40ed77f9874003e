import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

/** One value in PostgreSQL's COPY text format: \N for null, backslash escapes for the few special characters. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;
}

export const copyLine = (values: readonly unknown[]) => values.map(copyValue).join('\t') + '\n';

const CHUNK = 256 * 1024;

/**
 * Streams rows into a table with COPY on the given client (and so inside its open transaction).
 * Rows are produced lazily, so millions of them never sit in memory at once; writes honour back-pressure.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[] | string>,
): Promise<number> {
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  // A deep buffer lets PostgreSQL keep parsing while we produce the next rows, instead of taking turns.
  const stream = client.query(copyFrom(`COPY ${ident(table)} (${columns.map(ident).join(',')}) FROM STDIN`, { highWaterMark: 8 * CHUNK }));
  let buffer = '';
  let count = 0;
  const flush = async () => {
    // events.once rejects on 'error' as well, so a failed COPY does not leave us waiting for 'drain'.
    if (!stream.write(buffer)) await once(stream, 'drain');
    buffer = '';
  };
  try {
    for (const row of rows) {
      buffer += typeof row === 'string' ? row : copyLine(row);
      count++;
      if (buffer.length >= CHUNK) await flush();
    }
    if (buffer) await flush();
    stream.end();
    await finished(stream);
  } catch (e) {
    stream.destroy(e as Error);
    throw e;
  }
  return count;
}
