import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aspectKeys, DUE_SOON_DAYS, inheritProfile, maxLevel, reviewStateOf, type Profile, type ReviewState } from '@tillit/core';
import { recomputeProcessors } from '../../src/modules/assets/levels.repository.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

/**
 * Rules that exist twice — once in packages/core (what the pages show), once in SQL (what lists
 * filter and what is stored) — must agree. These properties run both on random data against the
 * real PostgreSQL and require the same answer, so neither can change alone.
 */
const t = useTestApp();
const DAY = 86_400_000;
// Heavy: every run writes and reads real rows. Budgets are generous for a loaded 2-core machine.
const BUDGET = 240_000;

const level = fc.option(fc.integer({ min: 0, max: 4 }), { nil: null });
const profile = fc.record({ C: level, I: level, A: level, T: level });
const toColumns = (prefix: string, p: Profile) => Object.fromEntries(aspectKeys.map((a) => [`${prefix}_${a.toLowerCase()}`, p[a]]));

async function clear(organizationId: string) {
  await t.db.deleteFrom('asset_links').where('organization_id', '=', organizationId).execute();
  await t.db.deleteFrom('assets').where('organization_id', '=', organizationId).execute();
}

describe('SQL and core agree', () => {
  it(
    'on the review state of an approved classification ("due soon" window, overdue) in the inventory filter and the coverage counts',
    { timeout: BUDGET },
    async () => {
      const { org, units, users } = await seedOrg(t.db, [{ role: 'security_coordinator' }]);
      const client = await signIn(t.app, users.security_coordinator!.email);
      // Offsets of the review date from now, in seconds: anything up to 60 days either way, kept a
      // minute away from the two boundaries (now, now + the window) so the seconds a loaded machine
      // takes between writing and reading cannot decide; the boundaries themselves are probed apart.
      const edge = (s: number) => Math.abs(s) < 60 || Math.abs(s - DUE_SOON_DAYS * 86_400) < 60;
      const offset = fc.integer({ min: -60 * 86_400, max: 60 * 86_400 }).filter((s) => !edge(s));
      const nearEdges = fc.constantFrom(-120, 120, DUE_SOON_DAYS * 86_400 - 120, DUE_SOON_DAYS * 86_400 + 120);
      const asset = fc.record({
        approved: fc.boolean(),
        dueIn: fc.oneof(offset, nearEdges),
        kind: fc.constantFrom('system', 'information_set'),
        lifecycle: fc.constantFrom('in_use', 'retired'),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(asset, { minLength: 1, maxLength: 12 }), async (list) => {
          await clear(org.id);
          const now = Date.now();
          const rows = await t.db
            .insertInto('assets')
            .values(
              list.map((a, i) => ({
                organization_id: org.id,
                unit_id: units.a.id,
                kind: a.kind,
                name: `Tillgång ${i}`,
                lifecycle: a.lifecycle,
                approved_at: a.approved ? new Date(now - 300 * DAY) : null,
                review_due_at: a.approved ? new Date(now + a.dueIn * 1000) : null,
              })),
            )
            .returning(['id'])
            .execute();
          const at = new Date();
          const expected = list.map((a) => (a.approved ? reviewStateOf(new Date(now + a.dueIn * 1000), at) : 'missing'));
          for (const state of ['missing', 'valid', 'due_soon', 'overdue'] as ReviewState[]) {
            const res = await client.get(`/api/v1/assets?reviewState=${state}&pageSize=100`);
            expect(res.statusCode).toBe(200);
            const got = (res.json().items as { id: string }[]).map((r) => r.id).sort();
            expect(got, state).toEqual(
              rows
                .filter((_, i) => expected[i] === state)
                .map((r) => r.id)
                .sort(),
            );
          }
          const coverage = (await client.get('/api/v1/classification/coverage')).json().total;
          const live = list.map((a, i) => ({ ...a, state: expected[i] })).filter((a) => a.lifecycle !== 'retired');
          expect(coverage.dueWithin30Days).toBe(live.filter((a) => a.state === 'due_soon').length);
          expect(coverage.overdue).toBe(live.filter((a) => a.state === 'overdue').length);
        }),
        { numRuns: 15 },
      );
    },
  );

  it(
    'on the levels a system inherits from the information sets it processes (retired sets excluded, own classification may raise)',
    { timeout: BUDGET },
    async () => {
      const { org, units } = await seedOrg(t.db, [{ role: 'admin' }]);
      const set = fc.record({ approved: profile, retired: fc.boolean() });
      const system = fc.record({ approved: profile, processes: fc.array(fc.nat(), { maxLength: 5 }) });
      await fc.assert(
        fc.asyncProperty(
          fc.array(set, { minLength: 0, maxLength: 6 }),
          fc.array(system, { minLength: 1, maxLength: 4 }),
          async (sets, systems) => {
            await clear(org.id);
            const base = { organization_id: org.id, unit_id: units.a.id };
            const setIds = sets.length
              ? (
                  await t.db
                    .insertInto('assets')
                    .values(
                      sets.map((s, i) => ({
                        ...base,
                        kind: 'information_set',
                        name: `Mängd ${i}`,
                        lifecycle: s.retired ? 'retired' : 'in_use',
                        ...toColumns('approved', s.approved),
                      })),
                    )
                    .returning('id')
                    .execute()
                ).map((r) => r.id)
              : [];
            const systemIds = (
              await t.db
                .insertInto('assets')
                .values(systems.map((s, i) => ({ ...base, kind: 'system', name: `System ${i}`, ...toColumns('approved', s.approved) })))
                .returning('id')
                .execute()
            ).map((r) => r.id);
            const links = systems.flatMap((s, i) =>
              setIds.length
                ? [...new Set(s.processes.map((n) => n % setIds.length))].map((j) => ({
                    organization_id: org.id,
                    asset_id: systemIds[i]!,
                    information_set_id: setIds[j]!,
                  }))
                : [],
            );
            if (links.length) await t.db.insertInto('asset_links').values(links).execute();

            await t.db.transaction().execute((trx) => recomputeProcessors(trx, systemIds));

            const stored = await t.db
              .selectFrom('assets')
              .select(['id', 'derived_c', 'derived_i', 'derived_a', 'derived_t', 'level_c', 'level_i', 'level_a', 'level_t'])
              .where('id', 'in', systemIds)
              .execute();
            for (const [i, s] of systems.entries()) {
              const processed = links.filter((l) => l.asset_id === systemIds[i]).map((l) => setIds.indexOf(l.information_set_id));
              const derived = inheritProfile(processed.filter((j) => !sets[j]!.retired).map((j) => sets[j]!.approved));
              const row = stored.find((r) => r.id === systemIds[i])!;
              for (const a of aspectKeys) {
                const k = a.toLowerCase() as 'c' | 'i' | 'a' | 't';
                expect(row[`derived_${k}`], `derived ${a}`).toBe(derived[a]);
                expect(row[`level_${k}`], `level ${a}`).toBe(maxLevel([s.approved[a], derived[a]]));
              }
            }
          },
        ),
        { numRuns: 25 },
      );
    },
  );
});
