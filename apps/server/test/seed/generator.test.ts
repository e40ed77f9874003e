import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klassaPresetModel, submissionIssues, type Answers, type Justifications, type PersonalDataKind } from '@tillit/core';
import { createTestDatabase } from '../helpers/db.js';
import { generate } from '../../src/seed/generator/index.js';
import { luhnValid } from '../../src/seed/generator/names.js';
import { planProfile } from '../../src/seed/generator/profiles.js';
import profiles from '../../src/seed/data/generator-profiles.json' with { type: 'json' };
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { readCheckpoint, verifyWithCheckpoint } from '../../src/platform/audit/checkpoint.js';
import { verifyPassword } from '../../src/platform/auth/secrets.js';
import type { Db } from '../../src/db/database.js';

// Small scales of the real profiles: the same code path as `tillit seed --profile stor`, in seconds.
const until = new Date('2026-06-01T00:00:00Z');
type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
const lastHash = (db: Db) => db.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

describe('benchmark data generator', () => {
  const dbs: TestDb[] = [];
  const fresh = async () => {
    const t = await createTestDatabase();
    dbs.push(t);
    return t;
  };
  let stor: TestDb;
  beforeAll(async () => {
    stor = await fresh();
  });
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  it('builds Region Stor at a small scale with a valid audit chain and working sign-ins', async () => {
    const report = await generate(stor.db, stor.url, { profile: 'stor', seed: 7, until, scale: 0.002 });
    expect(report.created).toEqual(['Region Stor']);
    const org = await stor.db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    expect(luhnValid(org.org_number)).toBe(true);
    const units = await stor.db.selectFrom('units').selectAll().where('organization_id', '=', org.id).execute();
    expect(units.filter((u) => u.kind === 'administration')).toHaveLength(12);
    for (const u of units.filter((x) => x.parent_id)) expect(units.find((p) => p.id === u.parent_id)!.path).toEqual(u.path.slice(0, -1));
    const chain = await verifyAuditChain(stor.db, org.id);
    expect(chain).toMatchObject({ ok: true, checked: report.auditEvents });
    expect(report.auditEvents).toBe(4000);
    // The head the generator chained is a genuine checkpoint (tagged with the key), so an incremental
    // walk, like the receipt writer's after start, starts there instead of at the first event.
    const head = await stor.db.selectFrom('audit_events').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(await readCheckpoint(stor.db, org.id)).toMatchObject({ eventId: head.id, hash: head.hash, verifiedByName: 'Tillit (testdata)' });
    expect(await verifyWithCheckpoint(stor.db, org.id, { full: false, by: { userId: null, name: 'test' } })).toMatchObject({
      ok: true,
      checked: 0,
    });
    const events = await stor.db.selectFrom('audit_events').select(['occurred_at']).orderBy('id').execute();
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.occurred_at.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.occurred_at.getTime());
    expect(events.at(-1)!.occurred_at.getTime()).toBeLessThan(until.getTime());
    const admin = await stor.db.selectFrom('users').selectAll().where('email', '=', 'admin@stor.example').executeTakeFirstOrThrow();
    expect(admin.is_platform_admin).toBe(true);
    expect(await verifyPassword(admin.password_hash, report.password)).toBe(true);
    const grants = await stor.db.selectFrom('role_assignments').select('role').where('user_id', '=', admin.id).execute();
    expect(grants).toEqual([{ role: 'admin' }]);
  });

  it('answers every category of every aspect (or marks it ej relevant), so each version it sends in would be accepted today', async () => {
    const rows = await stor.db
      .selectFrom('classification_versions as v')
      .leftJoin('information_types as t', 't.id', 'v.information_type_id')
      .select([
        'v.status',
        'v.answers',
        'v.justifications',
        'v.type_deviation_reason',
        'v.personal_data',
        'v.level_c',
        'v.level_i',
        'v.level_a',
        'v.level_t',
        't.rec_c',
        't.rec_i',
        't.rec_a',
        't.rec_t',
      ])
      .where('v.status', '!=', 'draft')
      .execute();
    expect(rows.length).toBeGreaterThan(20);
    const notRelevant = rows.filter((r) => JSON.stringify(r.answers).includes('not_relevant')).length;
    expect(notRelevant).toBeGreaterThan(0);
    for (const r of rows) {
      const typeRecommended = r.rec_c === null ? null : { C: r.rec_c, I: r.rec_i, A: r.rec_a, T: r.rec_t };
      const input = {
        answers: r.answers as Answers,
        justifications: r.justifications as Justifications,
        typeDeviationReason: r.type_deviation_reason,
        personalData: r.personal_data as PersonalDataKind,
        typeRecommended,
      };
      expect(submissionIssues(klassaPresetModel, input)).toEqual([]);
    }
  });

  it('skips an organisation that already exists', async () => {
    const before = await stor.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await generate(stor.db, stor.url, { profile: 'stor', seed: 7, until, scale: 0.002 });
    expect(again).toMatchObject({ created: [], skipped: ['Region Stor'] });
    const after = await stor.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('gives the same data for the same seed, other data for another', async () => {
    const same = await fresh();
    await generate(same.db, same.url, { profile: 'stor', seed: 7, until, scale: 0.002 });
    expect(await lastHash(same.db)).toEqual(await lastHash(stor.db));
    const other = await fresh();
    await generate(other.db, other.url, { profile: 'stor', seed: 8, until, scale: 0.002 });
    expect(await lastHash(other.db)).not.toEqual(await lastHash(stor.db));
  });

  it('builds regions and municipalities for the national profile, each with its own valid chain', async () => {
    const t = await fresh();
    const report = await generate(t.db, t.url, { profile: 'nationell', seed: 1, until, scale: 0.01 });
    const orgs = await t.db.selectFrom('organizations').selectAll().execute();
    expect(orgs.length).toBe(report.created.length);
    expect(orgs.filter((o) => o.kind === 'region').length).toBe(2);
    expect(orgs.filter((o) => o.kind === 'municipality').length).toBe(29);
    expect(new Set(orgs.map((o) => o.name)).size).toBe(orgs.length);
    for (const o of orgs) {
      expect(luhnValid(o.org_number), o.org_number).toBe(true);
      expect(await verifyAuditChain(t.db, o.id)).toMatchObject({ ok: true });
    }
    const platformAdmins = await t.db.selectFrom('users').select('email').where('is_platform_admin', '=', true).execute();
    expect(platformAdmins).toHaveLength(1);
  });

  it('--scale N makes N × Region Stor in its one organisation, the same for the same seed and scale', async () => {
    const five = planProfile('stor', 1, 5);
    expect(five.organizations).toEqual(planProfile('stor', 1).organizations);
    for (const [key, size] of Object.entries(profiles.stor.sizes))
      expect(five.sizes[key], key).toBe(key === 'administrations' ? size : size * 5);
    expect(planProfile('stor', 1, 5)).toEqual(five);

    // Twice the (small) scale of the first test: twice its people and history, in one organisation, still verifiable.
    const t = await fresh();
    const report = await generate(t.db, t.url, { profile: 'stor', seed: 7, until, scale: 0.004 });
    expect(report).toMatchObject({ created: ['Region Stor'], scale: 0.004, auditEvents: 8000 });
    const count = async (table: 'users' | 'assets' | 'organizations') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const small = async (table: 'users' | 'assets') =>
      Number(
        (
          await stor.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('organizations')).toBe(1);
    expect(await count('users')).toBe(2 * (await small('users')));
    expect(await count('assets')).toBeGreaterThan(1.8 * (await small('assets')));
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    expect(await verifyAuditChain(t.db, org.id)).toMatchObject({ ok: true, checked: 8000 });
  });
});
