import { z } from 'zod';

/**
 * One way to page, sort, filter and search every list (docs/performance.md).
 *
 * - Totals, one rule in every list: the count stops after LIST_COUNT_CAP matches (shown "fler än 10 000"), and a
 *   free-text search counts only within its first LIST_COUNT_SCAN_MAX rows read (shown "minst N"). A stopped
 *   count sets `totalCapped` and `total` is then a lower bound; a list's last page always knows its exact total.
 *   So a count costs a bounded read however large the organisation and however common the word.
 * - Paging: `cursor` (keyset: the sort key and id of the row to continue from) for next, previous and the last
 *   page, at the same cost on page 1 and page 20 000. `page` (OFFSET) only reaches the first LIST_OFFSET_MAX rows.
 * - Every sort ends with the row's id, so equal sort values never swap places between pages.
 */
export const LIST_COUNT_CAP = 10_000;
export const LIST_COUNT_SCAN_MAX = 5_000;
export const LIST_OFFSET_MAX = 10_000;
export const LIST_PAGE_SIZE_MAX = 500;

/** How a sort key travels in a cursor: text as is, integers and times (µs since 1970) as digits. */
export type SortKeyType = 'text' | 'int' | 'time';

/** A list's vocabulary, declared once: it makes the query schema (and so OpenAPI), and the fuzz test and the bench read it. */
export interface ListSpec<S extends string = string, F extends z.ZodRawShape = z.ZodRawShape> {
  /** Stable name, e.g. `assets`; the bench and the docs refer to lists by it. */
  name: string;
  /** The API path that serves the list (for the bench and the fuzz test). */
  path: string;
  /** Offered sorts and the type of their key; `-name` sorts descending. */
  sorts: Readonly<Record<S, SortKeyType>>;
  defaultSort: NoInfer<S> | `-${NoInfer<S>}`;
  /** The id (tie-breaker) type. */
  idType: 'uuid' | 'bigint';
  /** Free-text search `q` (trigram-indexed on the server). */
  search: boolean;
  filters: F;
}

export function defineList<S extends string, F extends z.ZodRawShape>(spec: ListSpec<S, F>): ListSpec<S, F> {
  return spec;
}

/** A decoded cursor: continue `after` or `before` the row with this key and id; `last` = the list's end. */
export interface ListCursor {
  /** The sort the cursor was made for. */
  s: string;
  d: 'after' | 'before' | 'last';
  /** The sort key as text; null when the row's key is empty (those rows come last). */
  k: string | null;
  i: string;
  /** Zero-based position of the row the page starts at, when known (for "rad 51–100"). */
  o: number | null;
}

const base64url = /^[A-Za-z0-9_-]{1,1200}$/;

export function encodeCursor(c: ListCursor): string {
  const json = JSON.stringify(c);
  const bytes = new TextEncoder().encode(json);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(v: string): unknown {
  if (v === 'last') return { s: '', d: 'last', k: null, i: '', o: null };
  try {
    const bin = atob(v.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

// Times within ±317 years of 1970 (16 digits of µs), so a crafted cursor cannot leave timestamptz's range.
const keyPattern: Record<SortKeyType, RegExp> = { text: /^[\s\S]{0,400}$/, int: /^-?\d{1,18}$/, time: /^-?\d{1,16}$/ };
const idPattern = { uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, bigint: /^\d{1,18}$/ };

const cursorShape = z.object({
  s: z.string().max(60),
  d: z.enum(['after', 'before', 'last']),
  k: z.string().max(400).nullable(),
  i: z.string().max(60),
  o: z.number().int().min(0).max(1e12).nullable(),
});

/** Sort, search, paging and the list's filters: the query schema of a list endpoint. */
export function listQuery<S extends string, F extends z.ZodRawShape>(spec: ListSpec<S, F>) {
  const keys = Object.keys(spec.sorts) as S[];
  const sortValues = [...keys, ...keys.map((k) => `-${k}`)] as [string, ...string[]];
  const shape = {
    page: z.coerce.number().int().min(1).max(LIST_OFFSET_MAX).default(1),
    pageSize: z.coerce.number().int().min(1).max(LIST_PAGE_SIZE_MAX).default(50),
    sort: z.enum(sortValues).default(spec.defaultSort),
    /** Opaque: `nextCursor`/`prevCursor` of a page, or `last`. */
    cursor: z.string().regex(base64url).transform(decodeCursor).pipe(cursorShape).optional(),
    q: z.string().trim().max(200).optional(),
    ...spec.filters,
  };
  return z.object(shape).superRefine((value, ctx) => {
    const v = value as unknown as { page: number; pageSize: number; sort: string; cursor?: ListCursor };
    const offset = (v.page - 1) * v.pageSize;
    if (offset > LIST_OFFSET_MAX) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'number',
        maximum: Math.floor(LIST_OFFSET_MAX / v.pageSize) + 1,
        inclusive: true,
        path: ['page'],
        input: v.page,
      });
    }
    const c = v.cursor;
    // Checks of the cursor's content, only once it decoded (a refused cursor already has its issue).
    if (!c || typeof c !== 'object' || c.d === 'last') return;
    const type = spec.sorts[v.sort.replace(/^-/, '') as S];
    if (c.s !== v.sort) ctx.addIssue({ code: 'invalid_value', values: [v.sort], path: ['cursor', 's'], input: c.s });
    else if (c.k !== null && !keyPattern[type].test(c.k))
      ctx.addIssue({ code: 'invalid_format', format: 'regex', path: ['cursor', 'k'], input: c.k });
    if (!idPattern[spec.idType].test(c.i))
      ctx.addIssue({ code: 'invalid_format', format: spec.idType === 'uuid' ? 'uuid' : 'regex', path: ['cursor', 'i'], input: c.i });
  });
}

/** The filters and search of a list without paging (the export takes the same filters). */
export function listFilters<S extends string, F extends z.ZodRawShape>(spec: ListSpec<S, F>) {
  const keys = Object.keys(spec.sorts) as S[];
  const sortValues = [...keys, ...keys.map((k) => `-${k}`)] as [string, ...string[]];
  return z.object({
    sort: z.enum(sortValues).optional(),
    q: z.string().trim().max(200).optional(),
    ...spec.filters,
  });
}
