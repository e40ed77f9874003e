import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db.js';
import { generate } from '../../src/seed/generator/index.js';
import { luhnValid } from '../../src/seed/generator/names.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
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
});
