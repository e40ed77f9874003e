import { describe, expect, it } from 'vitest';
import { diff } from './audit.js';

/** What an audit event records of a change: only the fields that differ, never a secret. */
describe('audit diff', () => {
  it('keeps only the fields that differ, with both sides', () => {
    expect(diff({ name: 'A', kind: 'unit', n: 1 }, { name: 'B', kind: 'unit', n: 1 })).toEqual({ name: { before: 'A', after: 'B' } });
    expect(diff({ name: 'A' }, { name: 'A' })).toEqual({});
  });

  it('records a creation with after values only, and a removal with before values only', () => {
    expect(diff(null, { name: 'Ny' })).toEqual({ name: { after: 'Ny' } });
    expect(diff(undefined, { name: 'Ny' })).toEqual({ name: { after: 'Ny' } });
    expect(diff({ name: 'Borta' }, null)).toEqual({ name: { before: 'Borta' } });
    expect(diff({ name: 'Borta' }, undefined)).toEqual({ name: { before: 'Borta' } });
    expect(diff(null, null)).toEqual({});
  });

  it('treats a missing field as null and a field that appears as a change', () => {
    expect(diff({ a: null }, {})).toEqual({});
    expect(diff({ a: undefined }, { a: null })).toEqual({});
    expect(diff({}, { a: 'x' })).toEqual({ a: { before: null, after: 'x' } });
    expect(diff({ a: 'x' }, {})).toEqual({ a: { before: 'x', after: null } });
  });

  it('compares dates by their instant and records them as ISO text', () => {
    const at = '2026-03-01T10:00:00.000Z';
    expect(diff({ due: new Date(at) }, { due: new Date(at) })).toEqual({});
    expect(diff({ due: new Date(at) }, { due: new Date('2026-03-02T10:00:00.000Z') })).toEqual({
      due: { before: at, after: '2026-03-02T10:00:00.000Z' },
    });
  });

  it('compares nested values by content', () => {
    expect(diff({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toEqual({});
    expect(diff({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual({ tags: { before: ['a'], after: ['a', 'b'] } });
  });

  it('never records a password, a password hash, a token hash or a secret', () => {
    const secret = { password: 'p1', password_hash: 'h1', passwordHash: 'h1', token_hash: 't1', tokenHash: 't1', secret: 's1' };
    const changed = { password: 'p2', password_hash: 'h2', passwordHash: 'h2', token_hash: 't2', tokenHash: 't2', secret: 's2' };
    expect(diff({ ...secret, name: 'A' }, { ...changed, name: 'B' })).toEqual({ name: { before: 'A', after: 'B' } });
  });
});
