import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { LIST_OFFSET_MAX } from '@tillit/core';
import { makeAsset } from '../../src/seed/factories-assets.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();

type Page = {
  items: { id: string; name: string; supplier: string | null }[];
  total: number;
  totalCapped: boolean;
  offset: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
};

/** Ten assets with repeated names and suppliers, some without a supplier: ties and empty keys on every sort. */
async function inventory() {
  const seeded = await seedOrg(t.db, [{ role: 'admin' }]);
  const names = ['Beta', 'alfa', 'Beta', 'Gamma', 'alfa', 'Delta', 'Beta', 'Epsilon', 'gamma', 'Alfa'];
  const suppliers = ['Atea', null, 'atea', 'Tieto', null, 'Atea', 'CGI', null, 'Tieto', 'CGI'];
  await t.db.transaction().execute(async (trx) => {
    for (const [i, name] of names.entries())
      await makeAsset(trx, seeded.units[i % 2 ? 'a' : 'b'], i % 3 ? 'system' : 'information_set', { name, supplier: suppliers[i]! });
  });
  return { ...seeded, admin: await signIn(t.app, seeded.users.admin!.email) };
}

describe('one list helper: keyset pages', () => {
  it('walks every sort forward and back by cursor, each row once, in the order of one big page', async () => {
    const { admin } = await inventory();
    for (const sort of ['name', '-name', 'supplier', '-supplier', 'kind', '-updatedAt', 'unit', '-levelC', 'externalId']) {
      const all = (await admin.get(`/api/v1/assets?sort=${sort}&pageSize=500`)).json() as Page;
      expect(all.items).toHaveLength(10);
      const ids = all.items.map((a) => a.id);

      const forward: string[] = [];
      let page = (await admin.get(`/api/v1/assets?sort=${sort}&pageSize=3`)).json() as Page;
      expect(page).toMatchObject({ offset: 0, prevCursor: null, totalCapped: false, total: 10 });
      for (;;) {
        forward.push(...page.items.map((a) => a.id));
        if (!page.nextCursor) break;
        const res = await admin.get(`/api/v1/assets?sort=${sort}&pageSize=3&cursor=${page.nextCursor}`);
        expect(res.statusCode, sort).toBe(200);
        page = res.json();
      }
      expect(forward, sort).toEqual(ids);
      expect(page.offset, sort).toBe(9);

      const backward: string[] = [];
      page = (await admin.get(`/api/v1/assets?sort=${sort}&pageSize=3&cursor=last`)).json() as Page;
      expect(page, sort).toMatchObject({ nextCursor: null, offset: 7, total: 10 });
      for (;;) {
        backward.unshift(...page.items.map((a) => a.id));
        if (!page.prevCursor) break;
        page = (await admin.get(`/api/v1/assets?sort=${sort}&pageSize=3&cursor=${page.prevCursor}`)).json();
      }
      expect(backward, sort).toEqual(ids);
      expect(page.offset, sort).toBe(0);
    }
  });

  it('puts rows without a sort key last in both directions, and breaks ties by id', async () => {
    const { admin } = await inventory();
    for (const sort of ['supplier', '-supplier']) {
      const items = ((await admin.get(`/api/v1/assets?sort=${sort}`)).json() as Page).items;
      expect(
        items.slice(-3).map((a) => a.supplier),
        sort,
      ).toEqual([null, null, null]);
      const keyed = items.slice(0, 7).map((a) => a.supplier!.toLowerCase());
      const sorted = [...keyed].sort();
      expect(keyed, sort).toEqual(sort === 'supplier' ? sorted : sorted.reverse());
      for (let i = 1; i < items.length; i++) {
        if (items[i]!.supplier?.toLowerCase() === items[i - 1]!.supplier?.toLowerCase())
          expect(items[i]!.id > items[i - 1]!.id === (sort === 'supplier') || items[i]!.supplier === null).toBe(true);
      }
    }
  });

  it('keeps page numbers (OFFSET) for the first rows only, and the same answer as the cursor', async () => {
    const { admin } = await inventory();
    const byPage = (await admin.get('/api/v1/assets?pageSize=3&page=2')).json() as Page;
    const first = (await admin.get('/api/v1/assets?pageSize=3')).json() as Page;
    const byCursor = (await admin.get(`/api/v1/assets?pageSize=3&cursor=${first.nextCursor}`)).json() as Page;
    expect(byPage.items.map((a) => a.id)).toEqual(byCursor.items.map((a) => a.id));
    expect(byPage.offset).toBe(3);
    const tooDeep = await admin.get(`/api/v1/assets?pageSize=50&page=${LIST_OFFSET_MAX}`);
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().error.details.issues[0].path).toEqual(['query', 'page']);
  });

  it('refuses a damaged cursor, or one made for another sort, naming the field', async () => {
    const { admin } = await inventory();
    const first = (await admin.get('/api/v1/assets?pageSize=3&sort=name')).json() as Page;
    for (const [cursor, sort] of [
      ['not-a-cursor', 'name'],
      ['%7B%7D', 'name'],
      [first.nextCursor, 'kind'],
      [Buffer.from('{"s":"name","d":"after","k":"x","i":"1; drop table assets","o":0}').toString('base64url'), 'name'],
    ]) {
      const res = await admin.get(`/api/v1/assets?sort=${sort}&cursor=${cursor}`);
      expect(res.statusCode, String(cursor)).toBe(400);
      expect(res.json().error.details.issues[0].path[1], String(cursor)).toBe('cursor');
    }
    const time = Buffer.from('{"s":"-updatedAt","d":"after","k":"2026-02-30","i":"3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b","o":0}').toString(
      'base64url',
    );
    expect((await admin.get(`/api/v1/assets?sort=-updatedAt&cursor=${time}`)).statusCode).toBe(400);
    // A time far outside timestamptz's range is refused as input, not met by a database error.
    const far = Buffer.from(
      '{"s":"-updatedAt","d":"after","k":"-999999999999999999","i":"3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b","o":0}',
    ).toString('base64url');
    expect((await admin.get(`/api/v1/assets?sort=-updatedAt&cursor=${far}`)).statusCode).toBe(400);
    const near = Buffer.from(
      '{"s":"-updatedAt","d":"after","k":"-9999999999999999","i":"3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b","o":0}',
    ).toString('base64url');
    expect((await admin.get(`/api/v1/assets?sort=-updatedAt&cursor=${near}`)).statusCode).toBe(200);
  });

  it('pages the audit log newest first by time, every event once by cursor, with the exact total at the end', async () => {
    const { admin, org } = await inventory();
    const all = await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('organization_id', '=', org.id)
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const seen: string[] = [];
    let page = (await admin.get('/api/v1/audit-events?pageSize=4')).json() as Page;
    for (;;) {
      seen.push(...page.items.map((e) => e.id));
      if (!page.nextCursor) break;
      page = (await admin.get(`/api/v1/audit-events?pageSize=4&cursor=${page.nextCursor}`)).json();
    }
    expect(seen).toEqual(all.map((r) => String(r.id)));
    expect(page.total).toBe(all.length);
  });

  it('a deep OFFSET page that reaches past the count cap tells the capped total from its own rows, and an exact one at the end', async () => {
    const { admin, org, users } = await inventory();
    const actor = users.admin!.id;
    // 10 000 events of one actor (exactly the cap) and 40 more without one: copies of an event, their hashes do not matter to a list.
    const copy = (n: number, actorId: string | null) =>
      sql`
      insert into audit_events (organization_id, occurred_at, actor_user_id, actor_name, action, entity_type, entity_id, entity_label, unit_id, changes, prev_hash, hash, chain_version)
      select e.organization_id, e.occurred_at - g * interval '1 second', ${actorId}::uuid, e.actor_name, e.action, e.entity_type, e.entity_id, e.entity_label, e.unit_id, e.changes, e.prev_hash, e.hash, e.chain_version
      from (select * from audit_events where organization_id = ${org.id} order by id limit 1) e, generate_series(1, ${n}) g`.execute(t.db);
    await copy(
      10_000 -
        Number((await sql<{ n: string }>`select count(*) as n from audit_events where actor_user_id = ${actor}`.execute(t.db)).rows[0]!.n),
      actor,
    );
    await copy(40, null);
    const deep = (await admin.get('/api/v1/audit-events?page=200&pageSize=50')).json() as Page;
    expect(deep).toMatchObject({ offset: 9950, total: 10_001, totalCapped: true });
    expect(deep.items).toHaveLength(50);
    expect(deep.nextCursor).not.toBeNull();
    expect((await admin.get('/api/v1/audit-events?pageSize=50')).json()).toMatchObject({ total: 10_001, totalCapped: true });
    // Exactly the cap: page 200 is the end, and its total is exact.
    const end = (await admin.get(`/api/v1/audit-events?actorUserId=${actor}&page=200&pageSize=50`)).json() as Page;
    expect(end).toMatchObject({ offset: 9950, total: 10_000, totalCapped: false, nextCursor: null });
    expect(end.items).toHaveLength(50);
  });

  it('finds a word in the middle of the audit log’s labels, and counts the matches exactly on a small list', async () => {
    const { admin } = await inventory();
    const res = (await admin.get('/api/v1/audit-events?q=psilo')).json() as Omit<Page, 'items'> & { items: { entityLabel: string }[] };
    expect(res.items.map((e) => e.entityLabel)).toEqual(['Epsilon']);
    expect(res).toMatchObject({ total: 1, totalCapped: false, nextCursor: null });
  });
});

describe('statements per request', () => {
  /** Counts the statements the server sends while `fn` runs (every query of every pooled client). */
  async function statements(fn: () => Promise<unknown>) {
    const original = pg.Client.prototype.query;
    let n = 0;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      n++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await fn();
    } finally {
      pg.Client.prototype.query = original;
    }
    return n;
  }

  it('authenticates in one statement, answers the session from it, and sends one more per list page', async () => {
    const { admin } = await inventory();
    await admin.get('/api/v1/assets');
    expect(await statements(() => admin.get('/api/v1/auth/session'))).toBe(1);
    expect(await statements(() => admin.get('/api/v1/assets?sort=-supplier'))).toBe(2);
    // The audit log's page, one statement resolving the events' names and labels for display, and one
    // for the reader's unit scope (events are readable only for the units they concern).
    expect(await statements(() => admin.get('/api/v1/audit-events?q=alfa'))).toBe(4);
    const session = (await admin.get('/api/v1/auth/session')).json();
    expect(session.roles).toEqual([expect.objectContaining({ role: 'admin', unitName: expect.any(String) })]);
    expect(session.permissions).toContain('audit.read');
  });
});

describe('sorting the inventory by unit', () => {
  it('follows a unit’s rename (the unit’s name is kept on its assets for the index)', async () => {
    const { admin, units } = await inventory();
    const names = async () =>
      ((await admin.get('/api/v1/assets?sort=unit&pageSize=500')).json() as { items: { unitName: string }[] }).items.map((a) => a.unitName);
    const before = await names();
    expect(before).toEqual([...before].sort((x, y) => x.localeCompare(y)));
    expect((await admin.patch(`/api/v1/units/${units.a.id}`, { name: 'Ö-förvaltningen' })).statusCode).toBe(200);
    const after = await names();
    expect(after.at(-1)).toBe('Ö-förvaltningen');
    expect(after.filter((n) => n === 'Ö-förvaltningen')).toHaveLength(before.filter((n) => n === 'Förvaltning A').length);
  });
});
