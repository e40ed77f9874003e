import fc from 'fast-check';

/** JSON Schema as emitted by zod's toJSONSchema (draft 2020-12) into the OpenAPI document. */
export type JsonSchema = Record<string, any>;

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** OpenAPI form, `/api/v1/units/{id}`. */
  path: string;
  operationId: string;
  permission: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
}

interface OpenApiOperation {
  operationId: string;
  'x-permission': string;
  parameters?: any[];
  requestBody?: any;
}

/** Every operation of the OpenAPI document, in document order. */
export function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, value] of Object.entries(methods)) {
      const op = value as OpenApiOperation;
      const params: any[] = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        operationId: op.operationId,
        permission: op['x-permission'],
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: p.schema })),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

export const label = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;

/** The URL of an operation with its path parameters filled in (already encoded by the caller). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

export interface SampleContext {
  /** A value for a uuid field, chosen by the field's name (a real id, a unit, or a random uuid). */
  uuid(field: string): string;
  /** Put into every generated text, so tests can find it in answers that should not hold it. */
  marker: string;
}

let sampleCounter = 0;

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; i < 20 && typeof s?.$ref === 'string'; i++) {
    const ref: string = s.$ref;
    if (ref === '#') s = root;
    else
      s = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce((node: any, key) => node?.[decodeURIComponent(key)], root);
  }
  return s ?? {};
}

function fitLength(s: string, schema: JsonSchema): string {
  let out = s;
  if (typeof schema.minLength === 'number' && out.length < schema.minLength) out = out.padEnd(schema.minLength, 'x');
  if (typeof schema.maxLength === 'number' && out.length > schema.maxLength) out = out.slice(0, schema.maxLength);
  return out;
}

const patternCache = new Map<string, string[]>();

/** Strings matching a schema's pattern (and length), generated once per pattern: generating is slow. */
function patternValues(schema: JsonSchema): string[] {
  const key = `${schema.pattern}|${schema.minLength}|${schema.maxLength}`;
  let values = patternCache.get(key);
  if (!values) {
    try {
      const arb = fc.stringMatching(new RegExp(schema.pattern)).filter((v) => fitLength(v, schema) === v);
      values = [...new Set(fc.sample(arb, { seed: 42, numRuns: 40 }))];
    } catch {
      // A pattern fast-check cannot generate from: plain text instead.
      values = [];
    }
    patternCache.set(key, values);
  }
  return values;
}

function stringSample(schema: JsonSchema, ctx: SampleContext, field: string): string {
  const n = ++sampleCounter;
  switch (schema.format) {
    case 'uuid':
      return ctx.uuid(field);
    case 'email':
      return `${ctx.marker}.${n}.${Math.random().toString(36).slice(2, 8)}@example.org`;
    case 'date-time':
      return new Date().toISOString();
    case 'date':
      return new Date().toISOString().slice(0, 10);
  }
  if (typeof schema.pattern === 'string') {
    const values = patternValues(schema);
    if (values.length) return values[n % values.length]!;
  }
  return fitLength(`${ctx.marker} ${field || 'text'} ${n}`, schema);
}

/**
 * A value that satisfies the schema as far as a generic generator can: required properties only,
 * the first enum member, the smallest allowed number. Domain rules (checksums, cross-field rules)
 * may still refuse it; callers treat that as an ordinary 4xx.
 */
export function sample(schema: JsonSchema, ctx: SampleContext, field = '', root: JsonSchema = schema): unknown {
  const s = resolve(schema, root);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  if ('default' in s && s.default !== undefined && field !== '') return s.default;
  const alternatives: JsonSchema[] | undefined = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const nonNull = alternatives.find((a) => resolve(a, root).type !== 'null') ?? alternatives[0]!;
    return sample(nonNull, ctx, field, root);
  }
  if (Array.isArray(s.allOf) && s.allOf.length)
    return sample(Object.assign({}, ...s.allOf.map((a: JsonSchema) => resolve(a, root))), ctx, field, root);
  const type = Array.isArray(s.type) ? (s.type.find((t: string) => t !== 'null') ?? s.type[0]) : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of (s.required as string[] | undefined) ?? []) out[key] = sample(s.properties?.[key] ?? {}, ctx, key, root);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 1 }, () => sample(s.items ?? {}, ctx, field, root));
    case 'integer':
    case 'number': {
      let v = 1;
      if (typeof s.minimum === 'number') v = Math.max(v, s.minimum);
      if (typeof s.exclusiveMinimum === 'number') v = Math.max(v, Math.floor(s.exclusiveMinimum) + 1);
      if (typeof s.maximum === 'number') v = Math.min(v, s.maximum);
      return v;
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return stringSample(s, ctx, field);
    default:
      return s.properties ? sample({ ...s, type: 'object' }, ctx, field, root) : stringSample({}, ctx, field);
  }
}

/** The uuid fields of a body schema (top level), by name: where to put unit ids and real ids. */
export function uuidFields(schema: JsonSchema | undefined): string[] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties as Record<string, JsonSchema>)
    .filter(([, p]) => {
      const r = resolve(p, schema);
      return r.format === 'uuid' || (r.anyOf ?? r.oneOf ?? []).some((a: JsonSchema) => resolve(a, schema).format === 'uuid');
    })
    .map(([k]) => k);
}

/** A query string from name → value(s); values are percent-encoded even when they hold lone surrogates. */
export function queryString(entries: [string, string][]): string {
  if (!entries.length) return '';
  return `?${entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
}

/** encodeURIComponent that does not throw on lone surrogates: they are sent as raw (invalid) UTF-8 bytes. */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return Array.from(s, (ch) => {
      const c = ch.charCodeAt(0);
      if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)
        return `%ED%${(((c >> 6) & 0x3f) | 0x80).toString(16).toUpperCase()}%${((c & 0x3f) | 0x80).toString(16).toUpperCase()}`;
      return encodeURIComponent(ch);
    }).join('');
  }
}
