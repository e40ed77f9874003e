/**
 * The list cells, made from each list's declared vocabulary (its sorts, filters and search: the
 * `ListSpec` a list declares once with `defineList` in @tillit/core). For every list: page 1, a deep
 * page (page 200, or the last when the list is shorter) and the last page by cursor, each offered sort,
 * the two most and the two least selective filter values, and a search for a rare and a common word.
 * Filter values and words are taken from the data (a sample page of the list, the units and users),
 * and their selectivity is measured through the API (the page's total), so a new list gets its cells
 * without anyone writing them.
 */
import type { z } from 'zod';
import type { HttpClient, Target } from './http-load.js';

/** The parts of a list's declaration the bench reads (structurally the core's ListSpec). */
export interface BenchListSpec {
  name: string;
  path: string;
  sorts: Readonly<Record<string, string>>;
  defaultSort?: string;
  search: boolean;
  filters: Readonly<Record<string, z.ZodType>>;
}

export interface ListCell {
  list: string;
  /** e.g. `page 1`, `sort -updatedAt`, `filter kind=system (most selective)`, `search rare "…"`. */
  name: string;
  kind: 'page' | 'deep' | 'sort' | 'filter' | 'search';
  query: Record<string, string>;
  /** Rows the list had for this query when the cell was made (the API's total; capped totals count as capped). */
  total: number | null;
  totalCapped?: boolean;
}

export interface DataHints {
  unitIds: string[];
  userIds: string[];
  /** Extra filter candidates for a list (several parameters at once, e.g. a time window). */
  extra?: Record<string, Record<string, string>[]>;
}

/** Every exported `ListSpec` of a module object (e.g. `import * as core from '@tillit/core'`). */
export function discoverLists(exports: Record<string, unknown>): BenchListSpec[] {
  const found = new Map<string, BenchListSpec>();
  for (const v of Object.values(exports)) {
    if (!v || typeof v !== 'object') continue;
    const s = v as Partial<BenchListSpec>;
    if (
      typeof s.name === 'string' &&
      typeof s.path === 'string' &&
      s.path.startsWith('/api/') &&
      s.sorts &&
      s.filters &&
      typeof s.search === 'boolean'
    )
      found.set(s.name, s as BenchListSpec);
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

type Def = {
  type: string;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  element?: Schema;
  entries?: Record<string, string>;
  format?: string;
};
type Schema = { _zod: { def: Def } };

/** What a filter takes: enum values, a uuid, a date-time, a boolean, or free text. */
export function shapeOf(schema: Schema): { kind: 'enum'; values: string[] } | { kind: 'uuid' | 'datetime' | 'text' | 'number' | 'other' } {
  let s: Schema | undefined = schema;
  for (let guard = 0; s && guard < 20; guard++) {
    const d: Def = s._zod.def;
    if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe') {
      const out = d.out?._zod.def;
      // `a,b,c` lists: a string piped into an array of an enum.
      if (out?.type === 'array' && out.element?._zod.def.type === 'enum')
        return { kind: 'enum', values: Object.values(out.element._zod.def.entries!) };
      s = d.in?._zod.def.type === 'transform' ? d.out : d.in;
    } else if (d.type === 'enum') return { kind: 'enum', values: Object.values(d.entries!) };
    else if (d.type === 'string') return { kind: d.format === 'uuid' ? 'uuid' : d.format === 'datetime' ? 'datetime' : 'text' };
    else if (d.type === 'number') return { kind: 'number' };
    else return { kind: 'other' };
  }
  return { kind: 'other' };
}

/** Values of a field (or `<name>Id` → `<name>.id`, `tag` → `tags[]`) in a sample of the list's items. */
function sampled(items: Record<string, unknown>[], filter: string): string[] {
  const out = new Map<string, number>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.length && v.length <= 200) out.set(v, (out.get(v) ?? 0) + 1);
  };
  for (const it of items) {
    add(it[filter]);
    const ref = filter.endsWith('Id') ? it[filter.slice(0, -2)] : undefined;
    if (ref && typeof ref === 'object') add((ref as { id?: unknown }).id);
    const plural = it[`${filter}s`];
    if (Array.isArray(plural)) plural.forEach(add);
  }
  return [...out.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]);
}

const words = (items: Record<string, unknown>[], codes: Set<string>): Map<string, number> => {
  const freq = new Map<string, number>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      // Not ids, times, e-mail addresses (their domain is in every row) or codes (a status, a role): words people search for.
      if (codes.has(v) || /^[0-9a-f-]{36}$/i.test(v) || /^\d{4}-\d\d-\d\d/.test(v) || /^\S+@\S+$/.test(v) || /^[a-z]+(_[a-z]+)+$/.test(v))
        return;
      for (const w of new Set(v.toLowerCase().match(/\p{L}{4,}/gu) ?? [])) if (!/^[a-f]+$/.test(w)) freq.set(w, (freq.get(w) ?? 0) + 1); // not a piece of a hex code
    }
  };
  // The items' own text fields (a name, a label, a description): nested ones (a user's units) are
  // often not what the list searches.
  for (const it of items) Object.values(it).forEach(walk);
  return freq;
};

type Page = { items: Record<string, unknown>[]; total: number; totalCapped?: boolean; nextCursor?: unknown };

export async function makeListCells(
  http: HttpClient,
  target: (path: string) => Target,
  spec: BenchListSpec,
  hints: DataHints,
  log: (m: string) => void,
): Promise<ListCell[]> {
  const get = async (query: Record<string, string>): Promise<Page | null> => {
    const r = await http.request(target(`${spec.path}?${new URLSearchParams(query)}`));
    if (r.status !== 200) {
      log(`${spec.name}?${new URLSearchParams(query)}: ${r.status} ${r.body.slice(0, 200)} (left out)`);
      return null;
    }
    return JSON.parse(r.body) as Page;
  };
  const cells: ListCell[] = [];
  const cell = (name: string, kind: ListCell['kind'], query: Record<string, string>, p: Page | null) =>
    p && cells.push({ list: spec.name, name, kind, query: { pageSize: '50', ...query }, total: p.total, totalCapped: p.totalCapped });

  const sample = await get({ pageSize: '200' });
  if (!sample) return [];
  const first = await get({ pageSize: '50' });
  cell('page 1', 'page', {}, first);
  // Page 200 at 50 a page, or the last page by number when the list is shorter.
  const pages = Math.max(1, Math.ceil(Math.min(sample.total, 200 * 50) / 50));
  const deep = { page: String(Math.min(200, pages)) };
  cell(`page ${deep.page}${pages < 200 ? ' (the last)' : ''}`, 'deep', deep, await get({ pageSize: '1', ...deep }));
  if ('nextCursor' in sample) cell('last page (cursor=last)', 'deep', { cursor: 'last' }, await get({ pageSize: '1', cursor: 'last' }));

  // Each offered key once: newest first for times, A–Ö otherwise; the other direction when that is the default (page 1 has it).
  const defaultSort = spec.defaultSort ?? Object.keys(spec.sorts)[0];
  for (const [key, type] of Object.entries(spec.sorts)) {
    let sort = type === 'time' ? `-${key}` : key;
    if (sort === defaultSort) sort = sort.startsWith('-') ? key : `-${key}`;
    cell(`sort ${sort}`, 'sort', { sort }, await get({ pageSize: '1', sort }));
  }

  // Filter candidates, then their selectivity through the API.
  const candidates: Record<string, string>[] = [];
  for (const [name, schema] of Object.entries(spec.filters)) {
    const shape = shapeOf(schema as unknown as Schema);
    const fromSample = sampled(sample.items, name);
    let values: string[] = [];
    if (shape.kind === 'enum') values = shape.values;
    else if (shape.kind === 'uuid') {
      values = fromSample.length
        ? [fromSample[0]!, fromSample.at(-1)!]
        : /unit/i.test(name)
          ? hints.unitIds
          : /user|owner|steward|person|actor|author/i.test(name)
            ? hints.userIds
            : [];
    } else if (shape.kind === 'text') values = fromSample.length ? [...new Set([fromSample[0]!, fromSample.at(-1)!])] : [];
    for (const v of new Set(values)) candidates.push({ [name]: v });
  }
  candidates.push(...(hints.extra?.[spec.name] ?? []));
  const measured: { query: Record<string, string>; total: number; capped: boolean }[] = [];
  for (const q of candidates) {
    const p = await get({ pageSize: '1', ...q });
    if (p) measured.push({ query: q, total: p.total, capped: Boolean(p.totalCapped) });
  }
  const label = (q: Record<string, string>) =>
    Object.entries(q)
      .map(([k, v]) => `${k}=${v.length > 24 ? v.slice(0, 8) + '…' : v}`)
      .join('&');
  // A value that narrows nothing (e.g. `aspect` without `minLevel`) filters nothing: not a filter cell.
  const byTotal = measured
    .filter((m) => m.total > 0 && (m.total < sample.total || m.capped !== Boolean(sample.totalCapped)))
    .sort((a, b) => a.total - b.total);
  const chosen = new Set<(typeof measured)[number]>();
  for (const m of byTotal.slice(0, 2)) chosen.add(m);
  for (const m of byTotal.slice(-2)) chosen.add(m);
  for (const m of chosen) {
    const most = byTotal.indexOf(m) < 2;
    cells.push({
      list: spec.name,
      name: `filter ${label(m.query)} (${most ? 'most' : 'least'} selective)`,
      kind: 'filter',
      query: { pageSize: '50', ...m.query },
      total: m.total,
      totalCapped: m.capped,
    });
  }

  if (spec.search) {
    const codes = new Set(
      Object.values(spec.filters).flatMap((f) => {
        const sh = shapeOf(f as unknown as Schema);
        return sh.kind === 'enum' ? sh.values : [];
      }),
    );
    const freq = [...words(sample.items, codes).entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    // The three most frequent words of the sample, and four that occur once, spread over it.
    const once = freq.filter((f) => f[1] === 1);
    const spread = [0.2, 0.4, 0.6, 0.8].map((x) => once[Math.floor(x * once.length)]).filter((f) => f !== undefined);
    const tries = [...freq.slice(0, 3), ...spread].map((f) => f[0]);
    const totals: { q: string; total: number; capped: boolean }[] = [];
    for (const q of new Set(tries)) {
      const p = await get({ pageSize: '1', q });
      if (p) totals.push({ q, total: p.total, capped: Boolean(p.totalCapped) });
    }
    totals.sort((a, b) => a.total - b.total);
    log(`${spec.name}: search words ${totals.map((t) => `"${t.q}" ${t.capped ? '>' : ''}${t.total}`).join(', ')}`);
    const common = totals.at(-1);
    const rare = totals.find((t) => t.total > 0 && t !== common) ?? totals.find((t) => t !== common);
    if (rare)
      cells.push({
        list: spec.name,
        name: `search rare "${rare.q}"`,
        kind: 'search',
        query: { pageSize: '50', q: rare.q },
        total: rare.total,
        totalCapped: rare.capped,
      });
    if (common && common !== rare)
      cells.push({
        list: spec.name,
        name: `search common "${common.q}"`,
        kind: 'search',
        query: { pageSize: '50', q: common.q },
        total: common.total,
        totalCapped: common.capped,
      });
  }
  return cells;
}
