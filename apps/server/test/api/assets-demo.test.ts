import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo.js';
import demo from '../../src/seed/data/region-exempel.json' with { type: 'json' };
import { signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp({ template: 'demo' });

describe('Region Exempel’s information assets', () => {
  it('has about 40 systems and 120 information sets in every state of the workflow', async () => {
    // The database is cloned from the run's demo template: seeding again finds Region Exempel there.
    expect((await seedDemo(t.db)).created).toBe(false);
    const coordinator = await signIn(t.app, 'samordnare@exempel.se', demo.password);
    const count = async (q: string) => (await coordinator.get(`/api/v1/assets?pageSize=1&${q}`)).json().total as number;
    expect(await count('kind=system')).toBeGreaterThanOrEqual(40);
    expect(await count('kind=information_set')).toBeGreaterThanOrEqual(120);
    expect(await count('kind=process')).toBeGreaterThan(0);
    for (const state of ['valid', 'due_soon', 'overdue', 'missing']) expect(await count(`reviewState=${state}`), state).toBeGreaterThan(0);
    for (const work of ['draft', 'submitted', 'returned']) expect(await count(`workStatus=${work}`), work).toBeGreaterThan(0);
    // Level 4 is for säkerhetsskydd only: the demo region has no such information.
    expect(await count('specialAnalysis=true')).toBe(0);
    expect((await count('aspect=C&minLevel=4')) + (await count('aspect=I&minLevel=4')) + (await count('aspect=A&minLevel=4'))).toBe(0);
    const kpis = (await coordinator.get('/api/v1/classification/kpis')).json();
    expect(kpis.systemClassificationRate).toBeGreaterThan(0.4);
    expect(kpis.systemClassificationRate).toBeLessThan(0.9);
    const journal = (await coordinator.get('/api/v1/assets?q=Vårdjournal&kind=system')).json().items[0];
    expect(journal.levels).toMatchObject({ C: 3, A: 3 });
    expect((await coordinator.get(`/api/v1/assets/${journal.id}`)).json().informationSets.length).toBeGreaterThan(5);

    // The demo owner decides what the demo steward submitted (four eyes holds in the demo too).
    const owner = await signIn(t.app, 'agare@exempel.se', demo.password);
    const waiting = (await owner.get('/api/v1/classifications?awaitingMyDecision=true')).json();
    expect(waiting.total).toBeGreaterThan(0);
    const approved = await owner.post(`/api/v1/classifications/${waiting.items[0].id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
  });
});
