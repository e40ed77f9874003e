import { describe, expect, it } from 'vitest';
import { assetListLink, filtersFromParams, sortFromParams } from './filters';

describe('inventory filters in the address', () => {
  it('keeps known values of comma lists and drops the rest', () => {
    const f = filtersFromParams(new URLSearchParams('kind=system,nonsense,process&reviewState=overdue&q=journal'));
    expect(f).toEqual({ q: 'journal', kind: 'system,process', reviewState: 'overdue' });
  });

  it('needs both aspect and level for the level filter', () => {
    expect(filtersFromParams(new URLSearchParams('aspect=C'))).toEqual({});
    expect(filtersFromParams(new URLSearchParams('aspect=C&minLevel=3'))).toEqual({ aspect: 'C', minLevel: '3' });
  });

  it('refuses ids that are not uuids and unknown sorts', () => {
    expect(filtersFromParams(new URLSearchParams('unitId=abc'))).toEqual({});
    expect(sortFromParams(new URLSearchParams('sort=-levelC'))).toBe('-levelC');
    expect(sortFromParams(new URLSearchParams('sort=drop table'))).toBe('name');
  });

  it('builds links that read back to the same filters', () => {
    const link = assetListLink({ kind: 'system', lifecycle: 'in_use,phasing_out', reviewState: 'missing' });
    expect(filtersFromParams(new URL(link, 'http://x').searchParams)).toEqual({
      kind: 'system',
      lifecycle: 'in_use,phasing_out',
      reviewState: 'missing',
    });
  });
});
