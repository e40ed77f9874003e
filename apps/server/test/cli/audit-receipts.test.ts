import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAllChains } from '../../src/cli/audit-verify.js';
import { readReceipts } from '../../src/cli/receipts-file.js';
import { createDb, type Db } from '../../src/db/database.js';
import { mac, UNKEYED, eventHash } from '../../src/platform/audit/hash.js';
import { hashOf } from '../../src/platform/audit/verify.js';
import { receiptIsGenuine, signReceipt, writeReceipts } from '../../src/platform/audit/receipts.js';
import { seedOrg, signIn, useTestApp, type Client } from '../helpers/app.js';

const t = useTestApp();
let dir = '';
let su: Db;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tillit-receipts-'));
  su = createDb(t.superuserUrl, 2);
});
afterAll(async () => {
  await su?.destroy();
  await fs.rm(dir, { recursive: true, force: true });
});

const quiet = { error: () => undefined };

/** `tillit audit verify [--against file]`, for one organisation's line. */
async function verify(orgName: string, against?: string) {
  const lines: string[] = [];
  const broken = await verifyAllChains(t.db, { incremental: false, against: against ? await readReceipts(against) : undefined }, (l) =>
    lines.push(l),
  );
  return { broken, line: lines.find((l) => l.includes(` ${orgName}:`)) ?? lines.join('\n') };
}

/** An organisation with events, and a receipts file written by the periodic writer after each batch. */
async function history() {
  const { users, units, org } = await seedOrg(t.db, [{ role: 'admin' }]);
  const admin = await signIn(t.app, users.admin!.email);
  const file = path.join(dir, `${randomBytes(4).toString('hex')}.jsonl`);
  const add = async (c: Client, names: string[]) => {
    for (const name of names) expect((await c.post('/api/v1/units', { parentId: units.a.id, name, kind: 'unit' })).statusCode).toBe(201);
  };
  const head = async () =>
    (
      await t.db
        .selectFrom('audit_events')
        .select('id')
        .where('organization_id', '=', org.id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
  await add(admin, ['Ett', 'Två', 'Tre']);
  const first = await head();
  expect(await writeReceipts(t.db, file, quiet)).toBeGreaterThanOrEqual(1);
  await add(admin, ['Fyra', 'Fem']);
  const second = await head();
  expect(await writeReceipts(t.db, file, quiet)).toBeGreaterThanOrEqual(1);
  const events = await t.db.selectFrom('audit_events').selectAll().where('organization_id', '=', org.id).orderBy('id').execute();
  const receipts = (await readReceipts(file)).filter((r) => r.organizationId === org.id);
  expect(receipts.map((r) => Number(r.eventId))).toEqual([first, second]);
  expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  return { org, admin, file, events, receipts };
}

/** A database insider: guard off, change, guard on. */
async function asInsider(change: (db: Db) => Promise<unknown>) {
  await su.connection().execute(async (conn) => {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(conn);
    try {
      await change(conn);
    } finally {
      await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(conn);
    }
  });
}

/** Recomputes every hash from event `fromId` on, as an insider who also stole the audit key would. */
async function recomputeFrom(db: Db, orgId: string, fromId: number) {
  const rows = await db.selectFrom('audit_events').selectAll().where('organization_id', '=', orgId).orderBy('id').execute();
  let prev: string | null = null;
  for (const r of rows) {
    if (r.id >= fromId) {
      const hash = hashOf(r, prev!);
      await db.updateTable('audit_events').set({ prev_hash: prev!, hash }).where('id', '=', r.id).execute();
      prev = hash;
    } else prev = r.hash;
  }
}

/** Moves the checkpoint back to `eventId`: removes the later ones and adds a correctly tagged one (insider with the key). */
async function moveCheckpoint(db: Db, orgId: string, eventId: number) {
  const e = await db.selectFrom('audit_events').select(['id', 'hash']).where('id', '=', eventId).executeTakeFirstOrThrow();
  await db.deleteFrom('audit_checkpoints').where('organization_id', '=', orgId).execute();
  const at = new Date();
  await db
    .insertInto('audit_checkpoints')
    .values({
      organization_id: orgId,
      event_id: e.id,
      hash: e.hash,
      verified_at: at,
      verified_by: null,
      verified_by_name: 'x',
      mac: mac('audit checkpoint', [orgId, e.id, e.hash, at.toISOString()]),
    })
    .execute();
}

describe('tillit audit verify --against receipts', () => {
  it('passes an untouched chain, and every receipt is genuine and names its head', async () => {
    const { org, file, receipts } = await history();
    for (const r of receipts) expect(receiptIsGenuine(r)).toBe(true);
    expect(await verify(org.name, file)).toEqual({
      broken: 0,
      line: expect.stringMatching(new RegExp(`^OK {5}${org.name}: \\d+ händelser kontrollerade, 2 kvitton$`)),
    });
  });

  it('detects a middle event edited and the chain recomputed', async () => {
    const { org, file, events, receipts } = await history();
    // An event before the first receipt: the 'Två' unit's creation.
    const victim = events.find((e) => e.entity_label === 'Två')!;
    // Without the key the forger cannot make a keyed hash: the edited event itself breaks.
    await asInsider(async (db) => {
      const forged = eventHash(victim.prev_hash, { ...fieldsOf(victim), actorName: 'Oskyldig' }, UNKEYED);
      await db.updateTable('audit_events').set({ actor_name: 'Oskyldig', hash: forged }).where('id', '=', victim.id).execute();
    });
    expect((await verify(org.name)).line).toMatch(new RegExp(`BRUTEN .*första brott vid händelse ${victim.id}$`));
    // With the key, and every later hash recomputed and the checkpoint moved along: the database alone says intact …
    await asInsider(async (db) => {
      await recomputeFrom(db, org.id, victim.id);
      const head = await db
        .selectFrom('audit_events')
        .select('id')
        .where('organization_id', '=', org.id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      await moveCheckpoint(db, org.id, head.id);
    });
    expect((await verify(org.name)).line).toMatch(/^OK /);
    // … the receipts do not: the first receipt after the edit no longer matches.
    const after = await verify(org.name, file);
    expect(after.broken).toBe(1);
    expect(after.line).toMatch(new RegExp(`^BRUTEN ${org.name}: .*, 2 kvitton, första brott vid händelse ${receipts[0]!.eventId}$`));
  });

  it('detects the tail truncated, checkpoints removed with it', async () => {
    const { org, file, events, receipts } = await history();
    const cut = events.slice(-2).map((e) => e.id);
    await asInsider(async (db) => {
      await db.deleteFrom('audit_events').where('id', 'in', cut).execute();
      await moveCheckpoint(db, org.id, events.at(-3)!.id);
    });
    expect((await verify(org.name)).line).toMatch(/^OK /);
    expect((await verify(org.name, file)).line).toMatch(new RegExp(`^BRUTEN .*första brott vid händelse ${receipts.at(-1)!.eventId}$`));
  });

  it('detects the checkpoint moved: forged without the key at once, moved back by deleting rows against the receipts', async () => {
    const { org, file, events, receipts } = await history();
    // A checkpoint row the insider wrote without the key.
    await su
      .insertInto('audit_checkpoints')
      .values({
        organization_id: org.id,
        event_id: events.at(-1)!.id + 1000,
        hash: 'f'.repeat(64),
        verified_at: new Date(),
        verified_by: null,
        verified_by_name: 'x',
        mac: 'a'.repeat(64),
      })
      .execute();
    expect((await verify(org.name)).line).toMatch(/^BRUTEN /);
    // Moved back behind removed events (a genuine older checkpoint kept): only the receipts tell.
    await asInsider(async (db) => {
      const keep = events.at(-3)!.id;
      await db.deleteFrom('audit_checkpoints').where('organization_id', '=', org.id).where('event_id', '>', keep).execute();
      await db.deleteFrom('audit_events').where('organization_id', '=', org.id).where('id', '>', keep).execute();
      await moveCheckpoint(db, org.id, keep);
    });
    expect((await verify(org.name)).line).toMatch(/^OK /);
    expect((await verify(org.name, file)).line).toMatch(new RegExp(`^BRUTEN .*första brott vid händelse ${receipts.at(-1)!.eventId}$`));
  });

  it('counts a receipt signed with another key as a failure, and refuses a file that holds no receipts', async () => {
    const { org, events } = await history();
    const file = path.join(dir, 'foreign.json');
    await fs.writeFile(
      file,
      JSON.stringify(signReceipt(org.id, { eventId: events.at(-1)!.id, hash: events.at(-1)!.hash }, new Date(), randomBytes(32)), null, 2),
    );
    const r = await verify(org.name, file);
    expect(r.broken).toBeGreaterThanOrEqual(1);
    const junk = path.join(dir, 'junk.txt');
    await fs.writeFile(junk, 'not a receipt\n');
    await expect(readReceipts(junk)).rejects.toThrow(/line 1 is not a receipt/);
    await expect(readReceipts(path.join(dir, 'missing'))).rejects.toThrow(/cannot be read: ENOENT/);
  });
});

describe('verification and receipts through the API', () => {
  it('verifies by POST only, rate-limited per organisation, and hands out a genuine receipt of the head', async () => {
    const { admin, org, events } = await history();
    expect((await admin.get('/api/v1/audit-events/verify')).statusCode).toBe(404);
    const receipt = await admin.post('/api/v1/audit-events/receipt');
    expect(receipt.statusCode).toBe(200);
    expect(receipt.json()).toMatchObject({ organizationId: org.id, eventId: String(events.at(-1)!.id), hash: events.at(-1)!.hash });
    expect(receiptIsGenuine(receipt.json())).toBe(true);
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 4; i++) {
      const r = await admin.post('/api/v1/audit-events/verify', { full: true });
      statuses.push(r.statusCode);
      if (r.statusCode === 429) retryAfter = r.headers['retry-after'] as string;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

function fieldsOf(r: Awaited<ReturnType<typeof history>>['events'][number]) {
  return {
    organizationId: r.organization_id,
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityLabel: r.entity_label,
    unitId: r.unit_id,
    changes: r.changes,
  };
}
