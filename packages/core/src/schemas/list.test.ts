import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineList, encodeCursor, LIST_OFFSET_MAX, listQuery } from './list.js';

const spec = defineList({
  name: 'things',
  path: '/api/v1/things',
  sorts: { name: 'text', updatedAt: 'time', level: 'int' },
  defaultSort: 'name',
  idType: 'uuid',
  search: true,
  filters: { status: z.enum(['a', 'b']).optional() },
});
const q = listQuery(spec);
const id = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const paths = (v: unknown) => (q.safeParse(v).error?.issues ?? []).map((i) => i.path.join('.'));

describe('a list declaration makes its query schema', () => {
  it('takes the declared sorts only, either direction, with the default', () => {
    expect(q.parse({}).sort).toBe('name');
    expect(q.parse({ sort: '-updatedAt' }).sort).toBe('-updatedAt');
    for (const sort of ['constructor', 'id', '--name', 'name desc']) expect(paths({ sort }), sort).toEqual(['sort']);
  });

  it('round-trips a cursor, unicode included, and reads `last`', () => {
    const c = { s: 'name', d: 'after' as const, k: 'åäö – Ärende', i: id, o: 50 };
    expect(q.parse({ cursor: encodeCursor(c) }).cursor).toEqual(c);
    expect(q.parse({ cursor: 'last' }).cursor?.d).toBe('last');
  });

  it('refuses a cursor that is not one, or does not fit the sort', () => {
    expect(paths({ cursor: 'x!y' })).toEqual(['cursor']);
    expect(paths({ cursor: encodeCursor({ s: 'name', d: 'after', k: 'a', i: id, o: 0 }), sort: 'level' })).toEqual(['cursor.s']);
    expect(paths({ cursor: encodeCursor({ s: 'level', d: 'after', k: 'three', i: id, o: 0 }), sort: 'level' })).toEqual(['cursor.k']);
    expect(paths({ cursor: encodeCursor({ s: 'name', d: 'after', k: 'a', i: '1', o: 0 }) })).toEqual(['cursor.i']);
    expect(paths({ cursor: Buffer.from('{"s":"name"}').toString('base64url') })).not.toEqual([]);
  });

  it('keeps page numbers to the first rows and the filters as declared', () => {
    expect(paths({ page: String(LIST_OFFSET_MAX / 50 + 1), pageSize: '50' })).toEqual([]);
    expect(paths({ page: String(LIST_OFFSET_MAX / 50 + 2), pageSize: '50' })).toEqual(['page']);
    expect(paths({ status: 'c' })).toEqual(['status']);
  });
});
