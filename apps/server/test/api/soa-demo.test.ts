import { describe, expect, it } from 'vitest';
import demo from '../../src/seed/data/region-exempel.json' with { type: 'json' };
import { signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp({ template: 'demo' });

describe('Region Exempel’s statement of applicability and catalogue', () => {
  it('has last year’s and this year’s statement, this year copied from last year with gaps closed, and the base catalogue', async () => {
    const coordinator = await signIn(t.app, 'samordnare@exempel.se', demo.password);
    const years = (await coordinator.get('/api/v1/soa')).json();
    const thisYear = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()));
    expect(years.map((v: { year: number }) => v.year)).toEqual([thisYear, thisYear - 1]);
    const [now, last] = years;
    expect(now.copiedFromYear).toBe(thisYear - 1);
    expect(now.counts).toMatchObject({ controls: 93, decided: 93 });
    expect(now.counts.applicable).toBeLessThan(93);
    expect(now.counts.implemented).toBeGreaterThan(last.counts.implemented);
    const cmp = (await coordinator.get(`/api/v1/soa/compare?from=${last.id}&to=${now.id}`)).json();
    expect(cmp.rows.filter((r: { changed: string[] }) => r.changed.includes('implementation')).length).toBeGreaterThan(5);

    const catalogues = (await coordinator.get('/api/v1/requirement-catalogues')).json();
    expect(catalogues).toEqual([expect.objectContaining({ catalogue: 'tillit-bas', source: 'shipped', isLatest: true })]);
  });
});
