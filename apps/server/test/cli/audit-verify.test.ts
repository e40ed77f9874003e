import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAllChains } from '../../src/cli/audit-verify.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';
import { createDb } from '../../src/db/database.js';

const t = useTestApp();

async function run(incremental: boolean, orgName: string) {
  const lines: string[] = [];
  const broken = await verifyAllChains(t.db, { incremental }, (l) => lines.push(l));
  return { broken, line: lines.find((l) => l.includes(` ${orgName}:`)) ?? '' };
}

describe('tillit audit verify', () => {
  it('walks every chain in full by default; --incremental continues from the checkpoint', async () => {
    const { users, units, org } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    for (const name of ['Ett', 'Två']) await admin.post('/api/v1/units', { parentId: units.a.id, name, kind: 'unit' });
    const events = await t.db.selectFrom('audit_events').select('id').where('organization_id', '=', org.id).orderBy('id').execute();

    const full = await run(false, org.name);
    expect(full).toEqual({ broken: 0, line: `OK     ${org.name}: ${events.length} händelser kontrollerade` });
    const checkpoint = await t.db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('organization_id', '=', org.id)
      .orderBy('event_id', 'desc')
      .executeTakeFirstOrThrow();
    expect(checkpoint).toMatchObject({ event_id: events.at(-1)!.id, verified_by: null, verified_by_name: 'tillit audit verify' });

    await admin.post('/api/v1/units', { parentId: units.a.id, name: 'Tre', kind: 'unit' });
    const incremental = await run(true, org.name);
    expect(incremental.line).toMatch(
      new RegExp(`^OK     .*: 1 händelser kontrollerade efter kontrollpunkten vid händelse ${events.at(-1)!.id} \\(`),
    );

    // An event before the checkpoint, rewritten: only the full walk reads it again.
    const su = createDb(t.superuserUrl, 1);
    await su.connection().execute(async (conn) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(conn);
      try {
        await sql`UPDATE audit_events SET actor_name = 'Någon annan' WHERE id = ${events[1]!.id}`.execute(conn);
      } finally {
        await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(conn);
      }
    });
    await su.destroy();
    expect((await run(true, org.name)).line).toMatch(/^OK {5}.*: 0 händelser/);
    const after = await run(false, org.name);
    expect(after.broken).toBeGreaterThanOrEqual(1);
    expect(after.line).toBe(`BRUTEN ${org.name}: 1 händelser kontrollerade, första brott vid händelse ${events[1]!.id}`);
  });
});
