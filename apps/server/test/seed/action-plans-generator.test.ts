import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db.js';
import { generate } from '../../src/seed/generator/index.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';

const until = new Date('2026-06-01T00:00:00Z');

describe('Region Stor action plans (generator)', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  afterAll(async () => t?.drop());

  it('makes a plan for the classified systems first, within the requirement-assessment budget, with a mix of answers', async () => {
    t = await createTestDatabase();
    await generate(t.db, t.url, { profile: 'stor', seed: 11, until, scale: 0.01 });
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const plans = await t.db.selectFrom('action_plans as p').innerJoin('assets as a', 'a.id', 'p.asset_id').select(['p.id', 'a.kind']).execute();
    const systems = await t.db.selectFrom('assets').select('id').where('kind', '=', 'system').where('approved_at', 'is not', null).execute();
    expect(plans.filter((p) => p.kind === 'system').length).toBeGreaterThanOrEqual(Math.min(systems.length, 1));
    const rows = await t.db.selectFrom('plan_requirements').select(['status', 'na_reason']).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(2000 + 200); // the budget at this scale, plus the last plan's rows
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['met', 'partly_met', 'not_met', null]) expect(statuses.has(s as string | null), String(s)).toBe(true);
    expect(rows.filter((r) => r.status === 'not_applicable').every((r) => r.na_reason)).toBe(true);
    expect(await verifyAuditChain(t.db, org.id)).toMatchObject({ ok: true });
  });
});
