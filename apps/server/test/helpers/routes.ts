import { z } from 'zod';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';
import type { RouteDef } from '../../src/platform/http/route.js';

/**
 * Helpers for tests that walk the whole route table (isolation, access matrix): which parts of a
 * route take ids, which table an id belongs to, and a valid request built from the route's schemas.
 */

type JsonSchema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  minLength?: number;
  minimum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  default?: unknown;
};

export type Where = 'params' | 'query' | 'body';
export interface IdSlot {
  where: Where;
  name: string;
}

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
const isIdField = (name: string, s: JsonSchema) =>
  s.format === 'uuid' || (s.type === 'string' && /Id$/.test(name)) || s.anyOf?.some((o) => o.format === 'uuid');

/** The top-level fields of a route's params, query and body that hold an id. */
export function idSlots(route: RouteDef): IdSlot[] {
  const slots: IdSlot[] = [];
  for (const where of ['params', 'query', 'body'] as const) {
    const schema = route[where] as z.ZodType | undefined;
    if (!schema) continue;
    for (const [name, s] of Object.entries(jsonSchema(schema).properties ?? {})) if (isIdField(name, s)) slots.push({ where, name });
  }
  return slots;
}

/** Path parameters that are not ids (e.g. a link token): such routes are not about organisation data. */
export function hasNonIdParams(route: RouteDef): boolean {
  if (!route.params) return false;
  return Object.entries(jsonSchema(route.params as z.ZodType).properties ?? {}).some(([name, s]) => !isIdField(name, s));
}

/** A value the schema accepts: required fields only (plus the given ids), the first enum value, the minimum. */
function sample(s: JsonSchema, name = ''): unknown {
  if (s.anyOf) return sample(s.anyOf.find((o) => o.type !== 'null') ?? s.anyOf[0]!, name);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sample(s.properties![key]!, key);
      return out;
    }
    case 'string':
      if (s.format === 'email') return 'probe@isolation.example';
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'date') return '2026-01-15';
      if (s.format === 'date-time') return '2026-01-15T09:00:00.000Z';
      if (s.format === 'uri') return 'https://isolation.example/probe';
      return 'probe'.padEnd(Math.max(s.minLength ?? 1, 5), '-');
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, name));
    default:
      return s.default ?? null;
  }
}

/** A request for the route with the given values in its id slots and valid values elsewhere. */
export function buildRequest(route: RouteDef, values: Map<string, string>, bodyHints: Record<string, unknown> = {}) {
  const key = (slot: IdSlot) => `${slot.where}.${slot.name}`;
  let url = route.url;
  const query = new URLSearchParams();
  // Required query fields that are not ids (e.g. an uploaded file's name) get a valid value too.
  const q = route.query ? (sample(jsonSchema(route.query as z.ZodType)) as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(q ?? {})) if (v !== null && v !== undefined) query.set(k, String(v));
  let body: Record<string, unknown> | undefined = route.body
    ? { ...(sample(jsonSchema(route.body as z.ZodType)) as object), ...bodyHints }
    : undefined;
  for (const slot of idSlots(route)) {
    const v = values.get(key(slot));
    if (v === undefined) continue;
    if (slot.where === 'params') url = url.replace(`:${slot.name}`, v);
    else if (slot.where === 'query') query.set(slot.name, v);
    else body = { ...body, [slot.name]: v };
  }
  return { method: route.method, url: query.size ? `${url}?${query}` : url, ...(body ? { payload: body } : {}) };
}

/** Which table an id slot points into: by the URL segment before a path parameter, or by the field name. */
export function tableFor(route: RouteDef, slot: IdSlot, tables: string[]): string | null {
  const snake = (s: string) =>
    s
      .replace(/-/g, '_')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toLowerCase();
  const candidates: string[] = [];
  if (slot.where === 'params') {
    const segments = route.url.split('/');
    const before = segments[segments.indexOf(`:${slot.name}`) - 1];
    if (before && slot.name === 'id') candidates.push(snake(before));
  }
  const base = snake(slot.name).replace(/_id$/, '');
  candidates.push(`${base}s`, base);
  for (const c of candidates) if (tables.includes(c)) return c;
  return tables.find((t) => t.endsWith(`_${base}s`)) ?? null;
}

/** Tables holding organisation data: those with an organization_id column, and organizations itself. */
export async function organisationTables(db: Db): Promise<string[]> {
  const r = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'organization_id' order by table_name`.execute(db);
  return ['organizations', ...r.rows.map((x) => x.table_name)];
}

/** Every row of the organisation's data, by table: to find its ids and names, and to see it unchanged. */
export async function organisationRows(db: Db, organizationId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of await organisationTables(db)) {
    const column = table === 'organizations' ? 'id' : 'organization_id';
    const r = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} where ${sql.ref(column)} = ${organizationId} order by 1`.execute(db);
    out[table] = r.rows;
  }
  // Links and sessions belong to the organisation through their user.
  for (const table of ['user_links', 'sessions']) {
    const r = await sql<Record<string, unknown>>`
      select x.* from ${sql.table(table)} x join users u on u.id = x.user_id where u.organization_id = ${organizationId} order by 1`.execute(
      db,
    );
    out[table] = r.rows;
  }
  return out;
}
