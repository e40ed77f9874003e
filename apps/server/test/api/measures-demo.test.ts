import { describe, expect, it } from 'vitest';
import demo from '../../src/seed/data/region-exempel.json' with { type: 'json' };
import { signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp({ template: 'demo' });

describe('Region Exempel’s measures', () => {
  it('has about 150 measures in every status, some verified effective and some not', async () => {
    const coordinator = await signIn(t.app, 'samordnare@exempel.se', demo.password);
    const count = async (q: string) => (await coordinator.get(`/api/v1/measures?pageSize=1&${q}`)).json().total as number;
    // 150 of the measures module's own; the action plans' demo adds its gap measures (linked to plan requirements).
    expect(await count('view=all')).toBeGreaterThanOrEqual(150);
    for (const s of ['planned', 'in_progress', 'done', 'verified', 'cancelled']) expect(await count(`status=${s}`), s).toBeGreaterThan(5);
    expect(await count('view=overdue')).toBeGreaterThan(10);
    expect(await count('view=unverified')).toBe(await count('status=done'));
    const results = await t.db
      .selectFrom('measure_verifications')
      .select(({ fn }) => ['result', fn.countAll<number>().as('n')])
      .groupBy('result')
      .execute();
    expect(Object.fromEntries(results.map((r) => [r.result, Number(r.n)]))).toMatchObject({
      effective: expect.any(Number),
      not_effective: expect.any(Number),
      partly: expect.any(Number),
    });
    // Reopened after a verification that found no effect: open again, with the history kept.
    const reopened = await t.db
      .selectFrom('measures')
      .select('id')
      .where('status', '=', 'in_progress')
      .where('last_result', 'in', ['not_effective', 'partly'])
      .execute();
    expect(reopened.length).toBeGreaterThan(0);
    const detail = (await coordinator.get(`/api/v1/measures/${reopened[0]!.id}`)).json();
    expect(detail.verifications.length).toBeGreaterThan(0);
    expect(detail.verifications[0].verifiedBy.id).not.toBe(detail.owner.id);

    const steward = await signIn(t.app, 'forvaltare@exempel.se', demo.password);
    const mine = (await steward.get('/api/v1/measures?mine=true&view=open')).json();
    expect(mine.total).toBeGreaterThan(5);
    const board = (await coordinator.get('/api/v1/measures/board?groupBy=owner')).json();
    expect(board.groups.length).toBeGreaterThanOrEqual(5);
  });
});
