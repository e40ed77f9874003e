import { sql, type RawBuilder } from 'kysely';
import {
  encodeCursor,
  LIST_COUNT_CAP,
  LIST_COUNT_SCAN_MAX,
  type ListCursor,
  type ListSpec,
  type Page,
  type SortKeyType,
} from '@tillit/core';
import type { Db, Trx } from '../../db/database.js';

/**
 * The one list helper (docs/performance.md, "Lists"). A repository declares, per offered sort, the SQL
 * expression of the key; the helper builds one statement that
 *  1. finds the page's ids by keyset (or a small OFFSET) on a narrow FROM, in index order, with the id as the
 *     tie-breaker: rows with an empty key come last in both directions, each side read as its own index range;
 *  2. joins everything a row shows only for those ids (the repository's `detail`, a LATERAL per row);
 *  3. counts beside it, under the one total rule (LIST_COUNT_CAP, LIST_COUNT_SCAN_MAX in core's list.ts):
 *     the count stops after 10 000 matches, or, for a free-text search (not an index condition), after
 *     reading 5 000 rows; a stopped count is a lower bound (`totalCapped`). A page without a next page
 *     knows its total exactly.
 */
export interface SortKey {
  /** The key, e.g. sql`lower(a.name)`; an index on (organization_id, <key>, id) serves it. */
  expr: RawBuilder<unknown>;
  /** The key may be null: those rows come after all others, ordered by id. */
  nullable?: boolean;
  /** A join the key needs (e.g. the unit for its name), added to `from` for the page only, not the count. */
  join?: RawBuilder<unknown>;
}

export interface ListRequest<S extends string> {
  spec: ListSpec<S>;
  keys: Record<S, SortKey>;
  /** The row's id expression in `from` (the tie-breaker), e.g. sql`a.id`. */
  id: RawBuilder<unknown>;
  /** FROM of the narrow query: the list's table and only the joins its filters and sort need. */
  from: RawBuilder<unknown>;
  where: RawBuilder<unknown>[];
  /** Free-text condition: applied to the rows like `where`, but counted within a bounded read. */
  search?: RawBuilder<unknown> | undefined;
  /** The row as shown, for one id: `(id) => sql\`select … from assets a join … where a.id = ${id}\``. */
  detail: (id: RawBuilder<unknown>) => RawBuilder<unknown>;
  query: { sort: string; page: number; pageSize: number; cursor?: ListCursor | undefined };
  /** Skip the count (a caller that shows no total). */
  count?: boolean;
}

type Part = { cond: RawBuilder<unknown> | null; nulls: boolean; reverse: boolean };

const ID_CAST = { uuid: sql`uuid`, bigint: sql`bigint` } as const;

/** The key as it travels in a cursor: times as µs since 1970 (exact), numbers as digits, text as is. */
function keyText(expr: RawBuilder<unknown>, type: SortKeyType) {
  return type === 'time' ? sql`(extract(epoch from ${expr}) * 1000000)::bigint::text` : sql`(${expr})::text`;
}
function keyValue(text: string, type: SortKeyType) {
  if (type === 'time') return sql`(timestamptz 'epoch' + ${text}::bigint * interval '1 microsecond')`;
  if (type === 'int') return sql`${text}::bigint`;
  return sql`${text}::text`;
}

type Raw<R> = R & { __total: number; __stopped: boolean; __ord: string | null; __k: string | null; __id: string | null };

/** Runs a list's one statement and makes the page. */
export async function listPage<S extends string, R extends object>(db: Db | Trx, req: ListRequest<S>): Promise<Page<R>> {
  const { statement, toPage } = listStatement<S, R>(req);
  return toPage((await statement.execute(db)).rows);
}

/** A list's one statement (the bench compiles it to time the bare SQL) and how its rows become the page. */
export function listStatement<S extends string, R extends object>(
  req: ListRequest<S>,
): { statement: RawBuilder<Raw<R>>; toPage: (rows: Raw<R>[]) => Page<R> } {
  const { spec, query } = req;
  const desc = query.sort.startsWith('-');
  const name = query.sort.replace(/^-/, '') as S;
  const type = spec.sorts[name];
  // Only declared sorts reach here (the query schema is an enum of them).
  const key = req.keys[name];
  const id = req.id;
  const idCast = ID_CAST[spec.idType];
  const cursor = query.cursor;
  const limit = query.pageSize;
  const offset = cursor ? 0 : (query.page - 1) * limit;
  const filters = req.where.length ? sql.join(req.where, sql` and `) : sql`true`;
  const where = req.search ? sql`${filters} and ${req.search}` : filters;

  // Rows in display order: the keyed rows, then (nullable keys) the rows without a key.
  const after = (k: RawBuilder<unknown>, i: RawBuilder<unknown>) =>
    desc ? sql`(${key.expr}, ${id}) < (${k}, ${i})` : sql`(${key.expr}, ${id}) > (${k}, ${i})`;
  const before = (k: RawBuilder<unknown>, i: RawBuilder<unknown>) =>
    desc ? sql`(${key.expr}, ${id}) > (${k}, ${i})` : sql`(${key.expr}, ${id}) < (${k}, ${i})`;
  const idAfter = (i: RawBuilder<unknown>) => (desc ? sql`${id} < ${i}` : sql`${id} > ${i}`);
  const idBefore = (i: RawBuilder<unknown>) => (desc ? sql`${id} > ${i}` : sql`${id} < ${i}`);
  const nullable = Boolean(key.nullable);
  let parts: Part[];
  let backward = false;
  if (!cursor) {
    parts = [{ cond: null, nulls: false, reverse: false }];
    if (nullable) parts.push({ cond: null, nulls: true, reverse: false });
  } else if (cursor.d === 'last') {
    backward = true;
    parts = nullable
      ? [
          { cond: null, nulls: true, reverse: true },
          { cond: null, nulls: false, reverse: true },
        ]
      : [{ cond: null, nulls: false, reverse: true }];
  } else {
    const i = sql`${cursor.i}::${idCast}`;
    const k = cursor.k === null ? null : keyValue(cursor.k, type);
    if (cursor.d === 'after') {
      parts = k === null ? [{ cond: idAfter(i), nulls: true, reverse: false }] : [{ cond: after(k, i), nulls: false, reverse: false }];
      if (k !== null && nullable) parts.push({ cond: null, nulls: true, reverse: false });
    } else {
      backward = true;
      parts = k === null ? [{ cond: idBefore(i), nulls: true, reverse: true }] : [{ cond: before(k, i), nulls: false, reverse: true }];
      if (k === null) parts.push({ cond: null, nulls: false, reverse: true });
    }
  }
  const take = offset + limit + 1;
  const dirOf = (reverse: boolean) => sql.raw(desc !== reverse ? 'desc' : 'asc');
  const pageFrom = key.join ? sql`${req.from} ${key.join}` : req.from;
  const selects = parts.map((p, seg) => {
    const conds = [where];
    if (nullable) conds.push(p.nulls ? sql`${key.expr} is null` : sql`${key.expr} is not null`);
    if (p.cond) conds.push(p.cond);
    const order = p.nulls ? sql`${id} ${dirOf(p.reverse)}` : sql`${key.expr} ${dirOf(p.reverse)}, ${id} ${dirOf(p.reverse)}`;
    return sql`(select ${id} as id, ${keyText(key.expr, type)} as k, ${seg}::int as seg, row_number() over (order by ${order}) as rn
      from ${pageFrom} where ${sql.join(conds, sql` and `)} order by ${order} limit ${take})`;
  });
  const keyset = sql`select id, k, seg, row_number() over (order by seg, rn) as ord from (${sql.join(selects, sql` union all `)}) s`;
  // A deep OFFSET page reads more rows than the cap itself: whether the total is over the cap follows
  // from the page (a row after it), so counting would read the same 10 000 rows a second time.
  const pageShowsCap = !cursor && !req.search && offset + limit + 1 > LIST_COUNT_CAP;
  const counted = req.count !== false && !pageShowsCap;
  // A forward page with room to spare is the list's end: its total is known without counting
  // (a rare word's search costs its page only). The count below runs only when that is not so.
  // The gate is a one-time filter: when false the count's scan never starts.
  const gate = backward || offset > 0 ? sql`true` : sql`(select count(*) from pg) > ${limit}`;
  const total = !counted
    ? sql`(select 0 as n, false as stopped)`
    : req.search
      ? sql`(select (count(*) filter (where c.hit))::int as n, count(*) >= ${LIST_COUNT_SCAN_MAX} as stopped
          from (select ${req.search} as hit from ${req.from} where ${filters} and ${gate} limit ${LIST_COUNT_SCAN_MAX}) c)`
      : sql`(select count(*)::int as n, false as stopped from (select 1 from ${req.from} where ${filters} and ${gate} limit ${LIST_COUNT_CAP + 1}) c)`;
  const statement = sql<Raw<R>>`
    with pg as (${keyset} order by ord offset ${offset} limit ${limit + 1})
    select t.n as __total, t.stopped as __stopped, r.* from ${total} t
    left join lateral (
      select pg.ord as __ord, pg.k as __k, pg.id::text as __id, x.*
      from pg cross join lateral (${req.detail(sql`pg.id`)}) x
    ) r on true
    order by r.__ord`;
  return { statement, toPage: (raw) => toPage(raw) };

  function toPage(raw: Raw<R>[]): Page<R> {
    const result = raw.filter((r) => r.__id !== null);
    const more = result.length > limit;
    const got = result.slice(0, limit);
    if (backward) got.reverse();
    // Not counted when this forward page is the list's end; its total then follows from its position below.
    const counted_ = Number(raw[0]?.__total ?? 0);

    // Position of the page's first row, when it can be known.
    let start: number | null;
    if (!cursor) start = offset;
    else if (cursor.d === 'after') start = cursor.o;
    else if (cursor.d === 'before') start = cursor.o === null ? null : Math.max(0, cursor.o - got.length);
    else start = counted_ > LIST_COUNT_CAP || raw[0]?.__stopped ? null : Math.max(0, counted_ - got.length);
    const hasNext = backward ? cursor?.d === 'before' : more;
    const hasPrev = backward ? more : cursor ? true : offset > 0;
    // The one total rule: exact when the count ran to the end (or this page is the last), else a lower bound.
    let totalN = Math.min(counted_, LIST_COUNT_CAP + 1);
    let capped = counted_ > LIST_COUNT_CAP || Boolean(raw[0]?.__stopped);
    if (start !== null) {
      if (!hasNext) {
        totalN = start + got.length;
        capped = false;
      } else if (capped) totalN = Math.max(totalN, start + got.length + 1);
    }
    if (pageShowsCap && hasNext) {
      totalN = LIST_COUNT_CAP + 1;
      capped = true;
    }
    if (counted_ > LIST_COUNT_CAP) totalN = Math.max(totalN, LIST_COUNT_CAP + 1);
    const at = (r: (typeof got)[number], d: 'after' | 'before', o: number | null): string =>
      encodeCursor({ s: query.sort, d, k: r.__k, i: r.__id!, o });
    const first = got[0];
    const last = got[got.length - 1];
    const items = got.map(({ __total: _t, __stopped: _s, __ord: _o, __k: _k, __id: _i, ...row }) => row as unknown as R);
    return {
      items,
      total: totalN,
      totalCapped: capped,
      page: start === null ? 0 : Math.floor(start / limit) + 1,
      pageSize: limit,
      offset: start,
      nextCursor: hasNext && last ? at(last, 'after', start === null ? null : start + got.length) : null,
      prevCursor: hasPrev && first ? at(first, 'before', start) : null,
    };
  }
}

/** `%word%` for LIKE/ILIKE with the wildcards of the word escaped. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/** Root units never change (units_one_root_idx, unit_root_immutable), so one lookup per organisation and process. */
const roots = new Map<string, string>();

/**
 * The scope a list must apply: null when the roots include the organisation's root unit (an
 * organisation-wide grant sees everything, and the list's query then needs neither the test nor its join).
 */
export async function effectiveScope(db: Db | Trx, organizationId: string, scope: string[] | null): Promise<string[] | null> {
  if (scope === null) return null;
  let root = roots.get(organizationId);
  if (!root) {
    const r = await sql<{ id: string }>`select id from units where organization_id = ${organizationId} and parent_id is null`.execute(db);
    root = r.rows[0]?.id;
    if (root) roots.set(organizationId, root);
  }
  return root && scope.includes(root) ? null : scope;
}

/** `unit` lies in the sub-trees of `roots`: the visible units as one array, computed once per statement, not a join per row. */
export function inUnits(organizationId: string, roots: string[], unit: RawBuilder<unknown>) {
  return sql`${unit} = any(array(select su.id from units su where su.organization_id = ${organizationId} and su.path && ${sql.val(roots)}::uuid[]))`;
}
