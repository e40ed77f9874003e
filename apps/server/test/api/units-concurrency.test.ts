import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/database.js';
import { repairUnitPaths } from '../../src/modules/units/units.service.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

/** Every unit's path is its parent's path plus itself, and no unit is its own ancestor. */
async function expectConsistentTree(organizationId: string) {
  const rows = await t.db.selectFrom('units').select(['id', 'parent_id', 'path']).where('organization_id', '=', organizationId).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of rows) {
    const expected = r.parent_id ? [...byId.get(r.parent_id)!.path, r.id] : [r.id];
    expect(r.path, `path of ${r.id}`).toEqual(expected);
    expect(new Set(r.path).size, `cycle through ${r.id}`).toBe(r.path.length);
  }
}

describe('the unit tree under concurrent changes (issue 8 item 11)', () => {
  it('opposite moves at the same time never create a cycle (5 runs)', async () => {
    const { org, units, users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const alice = await signIn(t.app, users.admin!.email);
    const bob = await signIn(t.app, users.admin!.email);
    for (let run = 0; run < 5; run++) {
      const x = (await alice.post('/api/v1/units', { parentId: units.a.id, name: `X${run}`, kind: 'operation' })).json();
      const y = (await alice.post('/api/v1/units', { parentId: units.a.id, name: `Y${run}`, kind: 'operation' })).json();
      const [one, two] = await Promise.all([
        alice.post(`/api/v1/units/${x.id}/move`, { parentId: y.id }),
        bob.post(`/api/v1/units/${y.id}/move`, { parentId: x.id }),
      ]);
      // Exactly one move wins; the other sees the new tree and is refused as a move into its own sub-tree.
      expect([one.statusCode, two.statusCode].sort(), `run ${run}: ${one.body} ${two.body}`).toEqual([200, 409]);
      expect([one, two].find((r) => r.statusCode === 409)!.json().error.code).toBe('unit_move_into_own_subtree');
      await expectConsistentTree(org.id);
    }
  });

  it('a child created while its parent moves gets the new path (5 runs)', async () => {
    const { org, units, users } = await seedOrg(t.db, [{ role: 'admin' }]);
    const alice = await signIn(t.app, users.admin!.email);
    const bob = await signIn(t.app, users.admin!.email);
    for (let run = 0; run < 5; run++) {
      const parent = (
        await alice.post('/api/v1/units', { parentId: run % 2 ? units.b.id : units.a.id, name: `P${run}`, kind: 'operation' })
      ).json();
      const [moved, child] = await Promise.all([
        alice.post(`/api/v1/units/${parent.id}/move`, { parentId: run % 2 ? units.a.id : units.b.id }),
        bob.post('/api/v1/units', { parentId: parent.id, name: `Barn${run}`, kind: 'unit' }),
      ]);
      expect(moved.statusCode, moved.body).toBe(200);
      expect(child.statusCode, child.body).toBe(201);
      await expectConsistentTree(org.id);
    }
  });

  it('the database refuses a path that does not match the parent, and `units repair` puts old trees right', async () => {
    const { org, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const bad = t.db
      .transaction()
      .execute((trx) =>
        sql`update units set path = ${sql.val([units.root.id, units.a.id, units.b.id])}::uuid[] where id = ${units.b.id}`.execute(trx),
      );
    await expect(bad).rejects.toMatchObject({ code: '23514' });
    // A tree broken before the check existed: written by a superuser with triggers off for the transaction.
    const su = createDb(t.superuserUrl, 1);
    try {
      await su.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`update units set path = ${sql.val([units.a.id, units.b.id])}::uuid[] where id = ${units.b.id}`.execute(trx);
      });
    } finally {
      await su.destroy();
    }
    const report = await repairUnitPaths(t.db);
    expect(report.find((r) => r.organizationId === org.id)).toMatchObject({ repaired: 1, unreachable: [] });
    await expectConsistentTree(org.id);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('entity_id', '=', units.b.id)
      .where('action', '=', 'repair')
      .execute();
    expect(events).toHaveLength(1);
    expect((await repairUnitPaths(t.db)).find((r) => r.organizationId === org.id)!.repaired).toBe(0);
  });
});
