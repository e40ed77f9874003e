import { describe, expect, it } from 'vitest';
import demo from '../../src/seed/data/region-exempel.json' with { type: 'json' };
import { signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp({ template: 'demo' });

describe('Region Exempel’s action plans', () => {
  it('has plans for most classified systems with a mix of answers and measures for gaps', async () => {
    const coordinator = await signIn(t.app, 'samordnare@exempel.se', demo.password);
    const plans = (await coordinator.get('/api/v1/action-plans')).json() as {
      id: string;
      assetKind: string;
      progress: { met: number; notMet: number; partlyMet: number; total: number };
    }[];
    expect(plans.filter((p) => p.assetKind === 'system').length).toBeGreaterThan(10);
    const overview = (await coordinator.get('/api/v1/action-plans/overview')).json();
    expect(overview.progress.met).toBeGreaterThan(0);
    expect(overview.progress.notMet).toBeGreaterThan(0);
    expect(overview.progress.partlyMet).toBeGreaterThan(0);
    expect(overview.mostUnmet.length).toBeGreaterThan(0);
    const links = await t.db.selectFrom('measure_links').select('id').where('link_type', '=', 'plan_requirement').execute();
    expect(links.length).toBeGreaterThan(5);
    // Some classified systems are left without a plan, so "create plans" has work in the demo.
    const gen = (await coordinator.post('/api/v1/action-plans/generate', {})).json();
    expect(gen.created).toBeGreaterThan(0);
  });
});

describe('Region Exempel’s procurement', () => {
  it('has one awarded procurement with its requirement set and a go-live check whose findings became measures', async () => {
    const coordinator = await signIn(t.app, 'samordnare@exempel.se', demo.password);
    const list = (await coordinator.get('/api/v1/procurements')).json();
    expect(list).toHaveLength(1);
    const p = (await coordinator.get(`/api/v1/procurements/${list[0].id}`)).json();
    expect(p).toMatchObject({ status: 'awarded', supplier: 'Vårdmöte Nordic AB' });
    expect(p.checks).toHaveLength(1);
    expect(p.checks[0].counts.notMet).toBeGreaterThan(0);
    expect(p.requirements.some((r: { measures: unknown[] }) => r.measures.length > 0)).toBe(true);
  });
});
