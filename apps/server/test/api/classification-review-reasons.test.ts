import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { jobContext } from '../../src/services.js';
import { producersOf } from '../../src/modules/notifications/registry.js';
import { modules } from '../../src/modules/index.js';
import { makeUser } from '../../src/seed/factories.js';
import { makeAsset, makeClassification } from '../../src/seed/factories-assets.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

const producer = producersOf(modules).find((p) => p.name === 'classification.review_reasons')!;
async function produce() {
  const c = jobContext({ db: t.db, config: t.config, mailer: t.mailer, log: t.app.log });
  return c.services.notifications.deliver(await producer.produce(c, new Date()));
}
const noticesOf = (userId: string) =>
  t.db.selectFrom('notifications').select(['kind', 'entity_id', 'params', 'link']).where('user_id', '=', userId).orderBy('kind').execute();

async function setup() {
  const { org, units, users } = await seedOrg(t.db, [
    { role: 'security_coordinator' },
    { role: 'information_owner', unit: 'a' },
    { role: 'system_steward', unit: 'a' },
  ]);
  const owner = users['information_owner@a']!;
  const steward = users['system_steward@a']!;
  const other = await t.db
    .transaction()
    .execute((trx) => makeUser(trx, org.id, { roles: [{ role: 'information_owner', unitId: units.a.id }] }));
  const assets = await t.db.transaction().execute(async (trx) => {
    const journal = await makeAsset(trx, units.a, 'system', {
      name: 'Journalsystemet',
      informationOwnerId: owner.id,
      systemStewardId: steward.id,
      hosting: 'own_datacenter',
    });
    await makeClassification(trx, journal);
    const lab = await makeAsset(trx, units.a, 'system', {
      name: 'Labbsystemet',
      informationOwnerId: other.id,
      systemStewardId: steward.id,
    });
    await makeClassification(trx, lab);
    const unclassified = await makeAsset(trx, units.a, 'system', {
      name: 'Oklassat',
      informationOwnerId: owner.id,
      systemStewardId: steward.id,
    });
    return { journal, lab, unclassified };
  });
  return {
    org,
    units,
    owner,
    steward,
    other,
    assets,
    coordinator: await signIn(t.app, users.security_coordinator!.email),
    stewardClient: await signIn(t.app, steward.email),
  };
}

describe('reasons to review reach people', () => {
  it('tells the owner and the steward once when facts change after the decision, and the steward and both owners of a new integration', async () => {
    const { owner, steward, other, assets, stewardClient } = await setup();
    expect(await produce()).toBe(0); // nothing changed yet

    // A fact of the decided system changes; the unclassified one has nothing to review.
    expect((await stewardClient.patch(`/api/v1/assets/${assets.journal.id}`, { hosting: 'saas' })).statusCode).toBe(200);
    expect((await stewardClient.patch(`/api/v1/assets/${assets.unclassified.id}`, { hosting: 'saas' })).statusCode).toBe(200);
    expect(await produce()).toBe(2);
    expect(await noticesOf(owner.id)).toEqual([
      {
        kind: 'classification.facts_changed',
        entity_id: assets.journal.id,
        params: { asset: 'Journalsystemet' },
        link: `/assets/${assets.journal.id}`,
      },
    ]);
    expect((await noticesOf(steward.id)).map((n) => [n.kind, n.entity_id])).toEqual([['classification.facts_changed', assets.journal.id]]);

    // Read, and run again: the same reason is not told twice (not only while unread).
    await t.db.updateTable('notifications').set({ read_at: new Date() }).execute();
    expect(await produce()).toBe(0);

    // A new integration between the two decided systems: a prompt to consider a raise, to each end's owner and the steward.
    expect((await stewardClient.post(`/api/v1/assets/${assets.journal.id}/integrations`, { toAssetId: assets.lab.id })).statusCode).toBe(
      201,
    );
    await produce();
    expect((await noticesOf(other.id)).map((n) => [n.kind, n.entity_id])).toEqual([['classification.integration_added', assets.lab.id]]);
    expect((await noticesOf(owner.id)).map((n) => n.kind)).toEqual(['classification.facts_changed', 'classification.integration_added']);
    expect((await noticesOf(steward.id)).map((n) => [n.kind, n.entity_id]).sort()).toEqual(
      [
        ['classification.facts_changed', assets.journal.id],
        ['classification.integration_added', assets.journal.id],
        ['classification.integration_added', assets.lab.id],
      ].sort(),
    );
  });

  it('lists the decided classifications with reasons on the worklist and the inventory, keyset pages included', async () => {
    const { assets, coordinator, stewardClient } = await setup();
    const ids = (r: { json(): { items: { id: string }[] } }) => r.json().items.map((i) => i.id);
    expect(ids(await coordinator.get('/api/v1/assets?reviewReasons=true'))).toEqual([]);
    await stewardClient.patch(`/api/v1/assets/${assets.journal.id}`, { supplier: 'Ny leverantör AB' });
    await stewardClient.patch(`/api/v1/assets/${assets.unclassified.id}`, { supplier: 'Ny leverantör AB' });
    expect(ids(await coordinator.get('/api/v1/assets?reviewReasons=true'))).toEqual([assets.journal.id]);
    expect(ids(await coordinator.get('/api/v1/assets?reviewReasons=false')).sort()).toEqual([assets.lab.id, assets.unclassified.id].sort());
    const work = (await coordinator.get('/api/v1/classifications?reviewReasons=true')).json();
    expect(work.items.map((i: { assetId: string; status: string }) => [i.assetId, i.status])).toEqual([[assets.journal.id, 'approved']]);

    // Both assets with reasons, one per keyset page.
    await stewardClient.patch(`/api/v1/assets/${assets.lab.id}`, { personalData: 'sensitive' });
    const first = (await coordinator.get('/api/v1/classifications?reviewReasons=true&pageSize=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await coordinator.get(`/api/v1/classifications?reviewReasons=true&pageSize=1&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect([first.items[0].assetId, second.items[0].assetId].sort()).toEqual([assets.journal.id, assets.lab.id].sort());
    const assetsFirst = (await coordinator.get('/api/v1/assets?reviewReasons=true&pageSize=1')).json();
    const assetsSecond = (
      await coordinator.get(`/api/v1/assets?reviewReasons=true&pageSize=1&cursor=${encodeURIComponent(assetsFirst.nextCursor)}`)
    ).json();
    expect([assetsFirst.items[0].id, assetsSecond.items[0].id].sort()).toEqual([assets.journal.id, assets.lab.id].sort());

    // Refused filter values name the field.
    const bad = await coordinator.get('/api/v1/classifications?reviewReasons=kanske');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('reviewReasons');
  });

  it('reads the assets with reasons through the partial index', async () => {
    const r = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'assets_review_reasons_idx'`.execute(t.db);
    expect(r.rows[0]?.indexdef).toContain('WHERE (classification_review_reasons IS NOT NULL)');
  });
});
