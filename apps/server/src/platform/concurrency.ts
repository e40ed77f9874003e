import { AppError } from './errors.js';

/**
 * Optimistic concurrency, the one mechanism every module uses (docs/ARCHITECTURE.md "Concurrent edits").
 * The database raises `row_version` on every edit (trigger `tillit_bump_row_version`); the route layer
 * turns it into the ETag header and parses `If-Match` into `ctx.ifMatch`; the service reads the row
 * `FOR UPDATE` inside its transaction and calls `checkVersion` before it writes. Locking first makes
 * the check and the audit "before" exact: a second writer waits for the first to commit, then sees
 * the new version and gets 412 instead of overwriting.
 *
 * `undefined` means the caller sent no If-Match, which only API tokens may do (the route layer
 * answers 428 to a browser session without it): a script that does not read first gets last-writer-wins.
 */
export type ExpectedVersion = number | undefined;

/** 412 `edit_conflict` with the current state, so the client can show what changed and reload. */
export async function checkVersion(currentVersion: number, expected: ExpectedVersion, currentState: () => Promise<unknown>): Promise<void> {
  if (expected === undefined || expected === currentVersion) return;
  throw new AppError('edit_conflict', { currentVersion, current: await currentState() });
}

/** `"12"`, `W/"12"` → 12; `*` → undefined (any version); anything else → 0, which never matches. */
export function parseIfMatch(header: string | string[] | undefined): ExpectedVersion | null {
  if (header === undefined) return null;
  const value = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  if (value === '*') return undefined;
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(value);
  return m ? Number(m[1]) : 0;
}

export const etagOf = (version: number) => `"${version}"`;
