import fc from 'fast-check';
import type { Operation } from './openapi.js';

/**
 * Invalid and hostile inputs for the API fuzz test: odd text, odd numbers, broken JSON, wrong
 * content types, bad ids and query strings. Plain data, turned into requests by the test.
 */

/** A JSON token written into the body as-is (numbers JSON.stringify cannot produce). */
export class RawJson {
  constructor(readonly text: string) {}
}

export const HUGE = 'A'.repeat(100_000);

const oddChars = [
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u2066',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u0301',
  '\u0336',
  '\u0489',
  '\u05d0',
  '\u0627',
  '\u4e2d',
  '😀',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  'å',
  'ä',
  'ö',
  'Å',
  'Ä',
  'Ö',
  'ß',
  'İ',
  'ﬃ',
  '%',
  '\\',
  '"',
  "'",
  '<',
  '>',
  '&',
  '`',
  '$',
  '{',
  '}',
  '/',
  '\r',
  '\n',
  '\t',
];

/** Strings built from single UTF-16 code units, so lone surrogates, NUL and controls all occur. */
const unitString = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...oddChars),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 40,
});

export const nastyStrings = [
  '',
  ' ',
  '   ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c.exe',
  '\u200f\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307',
  'Z\u0335\u0321\u031bA\u0337L\u0338G\u0335O\u0336',
  '\ufeffBOM',
  '\u2028\u2029',
  'Åäö ÆØ ß İı',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(10)--',
  '" OR ""="',
  "admin'--",
  '$1',
  '\\x00',
  "E'\\\\'",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%',
  '%ZZ',
  '%E0%A4%A',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];

const hugeStrings = [
  HUGE,
  '😀'.repeat(50_000),
  'é'.repeat(100_000),
  '\u0000'.repeat(100_000),
  'e\u0301'.repeat(50_000),
  "'".repeat(100_000),
];

export const nastyString = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 3, arbitrary: unitString },
  { weight: 1, arbitrary: fc.constantFrom(...hugeStrings) },
);

export const nastyNumber = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    -0.5,
    1.5,
    -2147483649,
    2147483648,
    4294967296,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    1e21,
    1e308,
    -1e308,
    5e-324,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('1e999', '-1e999', '123456789012345678901234567890', '-0.0000000000000000000000001', '1E+400').map((t) => new RawJson(t)),
);

const scalar = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')), scalar, { maxKeys: 3 }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(new Array(10_000).fill(0), { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } }) },
);

/** JSON text of a value that may hold RawJson tokens. Lone surrogates become \\u escapes. */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export type BodyChoice =
  | { kind: 'mutated'; drop: number[]; replace: [number, unknown][]; extra: [string, unknown][] }
  | { kind: 'junk'; value: unknown }
  | { kind: 'raw'; contentType: string | null; payload: string }
  | { kind: 'none' };

const malformedJson = [
  '{',
  '}',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{a:1}',
  '[1,2',
  'undefined',
  'NaN',
  '\u0000',
  '{"a":1}{"b":2}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":"\\x41"}',
  '{"__proto__":{"isPlatformAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '\ufeff{}',
  ' ',
  '\n\n',
  '""',
  '0',
  'null',
  'true',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
  `{"a":"${'\\'.repeat(1001)}"}`,
];

const wrongContent: { contentType: string | null; payload: string }[] = [
  { contentType: 'text/plain', payload: 'hello' },
  { contentType: 'text/plain', payload: '{"name":"x"}' },
  { contentType: 'text/plain; charset=utf-8', payload: HUGE },
  { contentType: 'application/xml', payload: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>' },
  { contentType: 'text/xml', payload: '<a>1</a>' },
  {
    contentType: 'multipart/form-data; boundary=XyZ',
    payload: '--XyZ\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--XyZ--\r\n',
  },
  { contentType: 'multipart/form-data', payload: 'garbage' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'name=x&parentId=1' },
  { contentType: 'application/octet-stream', payload: '\u0000\u0001\u0002' },
  { contentType: 'application/json; charset=utf-16', payload: '{}' },
  { contentType: 'application/json; charset=latin1', payload: '{"name":"\u00e5"}' },
  { contentType: 'APPLICATION/JSON', payload: '{}' },
  { contentType: 'application/jsonx', payload: '{}' },
  { contentType: 'application/vnd.api+json', payload: '{}' },
  { contentType: 'application/json, text/plain', payload: '{}' },
  { contentType: ';;;', payload: '{}' },
  { contentType: 'x'.repeat(5000), payload: '{}' },
  { contentType: null, payload: '{"name":"x"}' },
  { contentType: 'application/json', payload: `{"x":"${'a'.repeat(1_100_000)}"}` },
];

/** Hostile files for upload routes (spreadsheet import takes .csv and .xlsx as the raw body). */
const files: { contentType: string | null; payload: string }[] = [
  { contentType: 'text/csv', payload: 'constructor;__proto__;toString;hasOwnProperty\nvalueOf;x;y;z\n' },
  { contentType: 'text/csv', payload: '\ufeffNamn;Typ;Enhet\n"=HYPERLINK(""http://evil.example"")";system;"unterminated\n' },
  { contentType: 'text/csv', payload: `namn,typ\n${'x,y\n'.repeat(5000)}` },
  { contentType: 'text/csv', payload: ';;;\n;;;\n\n\n' },
  { contentType: 'text/csv', payload: `${'a;'.repeat(5000)}\n${'\u0000;'.repeat(100)}` },
  { contentType: 'text/csv', payload: '' },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', payload: 'PK\u0003\u0004not really a zip' },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', payload: '' },
  { contentType: 'application/octet-stream', payload: '\u0089PNG\r\n\u001a\n' },
];

export function bodyChoice(): fc.Arbitrary<BodyChoice> {
  const extraKey = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'id', 'organizationId', 'isPlatformAdmin', ''),
    fc.string({ maxLength: 10 }),
  );
  const noReplace: [number, unknown][] = [];
  const noExtra: [string, unknown][] = [];
  // Mostly one change to an otherwise valid body, so the input gets past the schema into the service.
  const mutated = fc
    .oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          drop: fc.array(fc.nat(20), { maxLength: 3 }),
          replace: fc.array(fc.tuple(fc.nat(20), junk), { maxLength: 3 }),
          extra: fc.array(fc.tuple(extraKey, junk), { maxLength: 2 }),
        }),
      },
      { weight: 3, arbitrary: fc.tuple(fc.nat(20), junk).map((r) => ({ drop: [] as number[], replace: [r], extra: noExtra })) },
      { weight: 1, arbitrary: fc.nat(20).map((d) => ({ drop: [d], replace: noReplace, extra: noExtra })) },
      { weight: 1, arbitrary: fc.tuple(extraKey, junk).map((e) => ({ drop: [] as number[], replace: noReplace, extra: [e] })) },
      { weight: 1, arbitrary: fc.constant({ drop: [] as number[], replace: noReplace, extra: noExtra }) },
    )
    .map((m) => ({ kind: 'mutated' as const, ...m }));
  return fc.oneof(
    { weight: 8, arbitrary: mutated },
    { weight: 3, arbitrary: junk.map((value) => ({ kind: 'junk' as const, value })) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...malformedJson).map((payload) => ({ kind: 'raw' as const, contentType: 'application/json', payload })),
    },
    { weight: 2, arbitrary: fc.constantFrom(...wrongContent).map((c) => ({ kind: 'raw' as const, ...c })) },
    { weight: 1, arbitrary: fc.constantFrom(...files).map((c) => ({ kind: 'raw' as const, ...c })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom({ kind: 'raw' as const, contentType: 'application/json', payload: '' }, { kind: 'none' as const }),
    },
  );
}

/** The body object after the mutation: fields dropped, replaced by junk, junk fields added. */
export function mutate(valid: unknown, m: Extract<BodyChoice, { kind: 'mutated' }>): unknown {
  if (!valid || typeof valid !== 'object' || Array.isArray(valid)) return valid;
  const out: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
  const keys = Object.keys(out);
  if (keys.length) {
    for (const [i, v] of m.replace) out[keys[i % keys.length]!] = v;
    for (const i of m.drop) delete out[keys[i % keys.length]!];
  }
  for (const [k, v] of m.extra) Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
  return out;
}

export type ParamChoice = { kind: 'real'; index: number } | { kind: 'value'; value: string } | { kind: 'raw'; text: string };

export const paramChoice: fc.Arbitrary<ParamChoice> = fc.oneof(
  { weight: 5, arbitrary: fc.nat().map((index) => ({ kind: 'real' as const, index })) },
  { weight: 2, arbitrary: fc.uuid().map((value) => ({ kind: 'value' as const, value })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          '00000000-0000-0000-0000-000000000000',
          'ffffffff-ffff-ffff-ffff-ffffffffffff',
          'not-a-uuid',
          '1',
          '-1',
          '0',
          '1e999',
          'DROP TABLE units',
        ),
        nastyString,
      )
      .map((value) => ({ kind: 'value' as const, value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('%', '%ZZ', '%E0%A4%A', '%00', '..%2F..%2Fetc%2Fpasswd', '%ED%A0%80', '%C0%AE', '.', '..', ';', 'a;b=c')
      .map((text) => ({ kind: 'raw' as const, text })),
  },
);

export type QueryChoice = { kind: 'pairs'; pairs: [string, string][] } | { kind: 'raw'; text: string };

export function queryChoice(op: Operation): fc.Arbitrary<QueryChoice> {
  const known = op.queryParams.map((p) => p.name);
  const key = fc.oneof(
    { weight: 4, arbitrary: known.length ? fc.constantFrom(...known) : fc.constant('q') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'page', 'pageSize', 'sort', 'a[b]', '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  );
  const value = fc.oneof(
    { weight: 4, arbitrary: nastyString },
    { weight: 2, arbitrary: nastyNumber.map((n) => (n instanceof RawJson ? n.text : String(n))) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'true',
        'false',
        'TRUE',
        '',
        '[]',
        '{}',
        '-name',
        '--',
        'name;drop',
        '2026-02-30T25:61:00Z',
        '0000-01-01T00:00:00Z',
      ),
    },
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 4 }).map((pairs) => ({ kind: 'pairs' as const, pairs })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('?%', '?%%', '?a=%E0%A4%A', '?&&&', '?=', '?a[b][c]=1', `?${'x'.repeat(100_000)}=1`, '?page=1&page=2&page=3')
        .map((text) => ({ kind: 'raw' as const, text })),
    },
  );
}

export const anonymous = fc.constantFrom('none', 'garbage-cookie', 'garbage-bearer', 'basic', 'empty-bearer');
export const signedIn = fc.constantFrom('cookie', 'cookie', 'cookie', 'cookie-no-csrf', 'bearer');
export const acceptLanguage = fc.constantFrom(
  undefined,
  undefined,
  'en',
  'sv-SE,sv;q=0.9,en;q=0.8',
  '*',
  'xx;q=abc',
  'en;q=2',
  ','.repeat(2000),
  'de-DE',
);
export const methodOverride = fc.constantFrom(
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  'PUT',
  'OPTIONS',
);
