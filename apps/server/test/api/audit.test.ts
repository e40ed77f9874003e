import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';
import { lastMailedToken } from '../helpers/mail.js';
import { createDb, type Db } from '../../src/db/database.js';

const t = useTestApp();

type Event = { id: string; action: string; entityType: string; entityId: string; actorUserId: string | null; changes: unknown };
const items = (res: { json(): { items: Event[] } }) => res.json().items;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the audit log', () => {
  it('records a unit’s life with who did it and what changed, newest first', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const unit = (await admin.post('/api/v1/units', { parentId: units.a.id, name: 'Röntgen', kind: 'operation' })).json();
    await admin.patch(`/api/v1/units/${unit.id}`, { name: 'Bild och funktion', description: 'Radiologi' });
    await admin.post(`/api/v1/units/${unit.id}/move`, { parentId: units.b.id });
    await admin.post(`/api/v1/units/${unit.id}/close`);
    await admin.post(`/api/v1/units/${unit.id}/reopen`);
    await admin.del(`/api/v1/units/${unit.id}`);

    const events = items(await admin.get(`/api/v1/audit-events?entityType=unit&entityId=${unit.id}`));
    expect(events.map((e) => e.action)).toEqual(['delete', 'reopen', 'close', 'move', 'update', 'create']);
    for (const e of events) expect(e.actorUserId).toBe(users.admin!.id);
    const [del, reopen, close, move, update, create] = events;
    // A new unit's empty fields are left out.
    expect(create!.changes).toEqual({ name: { after: 'Röntgen' }, kind: { after: 'operation' }, parentId: { after: units.a.id } });
    expect(update!.changes).toEqual({
      name: { before: 'Röntgen', after: 'Bild och funktion' },
      description: { before: null, after: 'Radiologi' },
    });
    expect(move!.changes).toEqual({ parentId: { before: units.a.id, after: units.b.id } });
    expect(close!.changes).toEqual({ closedAt: { before: null, after: expect.any(String) } });
    expect(reopen!.changes).toEqual({ closedAt: { before: expect.any(String), after: null } });
    expect(del!.changes).toMatchObject({ name: { before: 'Bild och funktion' }, parentId: { before: units.b.id } });
  });

  it('records what is done to a person, with before and after, and never a password', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const id = users.auditor!.id;
    await admin.patch(`/api/v1/users/${id}`, { status: 'disabled' });
    await admin.patch(`/api/v1/users/${id}`, { status: 'active' });
    await t.db
      .updateTable('users')
      .set({ failed_login_count: 5, locked_until: new Date(Date.now() + 60_000) })
      .where('id', '=', id)
      .execute();
    await admin.post(`/api/v1/users/${id}/unlock`);
    await admin.post(`/api/v1/users/${id}/reset-password`);
    // Mailed, so read from the queued mail (the answer never carries a mailed link).
    const token = await lastMailedToken(t.db);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/links/accept',
      payload: { token, password: 'ett-hemligt-lösenord' },
    });

    const events = items(await admin.get(`/api/v1/audit-events?entityType=user&entityId=${id}`));
    expect(events.map((e) => [e.action, e.actorUserId, e.changes])).toEqual([
      ['password_change', id, null],
      ['password_reset', users.admin!.id, { linkDelivery: { after: 'mailed' } }],
      ['update', users.admin!.id, { lockedUntil: { before: expect.any(String), after: null } }],
      ['update', users.admin!.id, { status: { before: 'disabled', after: 'active' } }],
      ['update', users.admin!.id, { status: { before: 'active', after: 'disabled' } }],
      ['create', null, expect.objectContaining({ status: { after: 'active' } })],
    ]);
    const all = await t.db.selectFrom('audit_events').select('changes').execute();
    expect(JSON.stringify(all)).not.toMatch(/ett-hemligt-lösenord|correct-horse-battery|argon2/);
  });

  it('filters by actor, entity type, action and time, and searches labels', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'admin', email: 'tva@audit.example' }]);
    const first = await signIn(t.app, users.admin!.email);
    const second = await signIn(t.app, 'tva@audit.example');
    await first.post('/api/v1/units', { parentId: units.a.id, name: 'Före', kind: 'unit' });
    await pause(20);
    const between = new Date().toISOString();
    await pause(20);
    await second.post('/api/v1/units', { parentId: units.a.id, name: 'Efter', kind: 'unit' });
    await second.patch(`/api/v1/users/${users.admin!.id}`, { name: 'Omdöpt' });

    const bySecond = items(await first.get(`/api/v1/audit-events?actorUserId=${users['tva@audit.example']!.id}`));
    expect(bySecond.map((e) => `${e.action} ${e.entityType}`)).toEqual(['update user', 'create unit', 'login session']);
    const unitEvents = items(await first.get('/api/v1/audit-events?entityType=unit&action=create'));
    expect(unitEvents.every((e) => e.entityType === 'unit' && e.action === 'create')).toBe(true);
    const since = items(await first.get(`/api/v1/audit-events?entityType=unit&from=${encodeURIComponent(between)}`));
    expect(since.map((e) => (e as unknown as { entityLabel: string }).entityLabel)).toEqual(['Efter']);
    const until = items(await first.get(`/api/v1/audit-events?entityType=unit&action=create&to=${encodeURIComponent(between)}`));
    expect(until.map((e) => (e as unknown as { entityLabel: string }).entityLabel)).toEqual(['Före', 'Förvaltning B', 'Förvaltning A']);
    expect(items(await first.get('/api/v1/audit-events?q=omdöpt')).map((e) => e.action)).toEqual(['update']);
    expect((await first.get('/api/v1/audit-events?from=yesterday')).statusCode).toBe(400);
  });

  it('pages through the events', async () => {
    const { users, org } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const all = await t.db.selectFrom('audit_events').select('id').where('organization_id', '=', org.id).orderBy('id', 'desc').execute();
    const page2 = (await admin.get('/api/v1/audit-events?pageSize=2&page=2')).json();
    expect(page2).toMatchObject({ total: all.length, page: 2, pageSize: 2 });
    expect(page2.items.map((e: Event) => e.id)).toEqual(all.slice(2, 4).map((r) => String(r.id)));
  });

  it('is readable only with audit.read', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'information_owner' }, { role: 'auditor', unit: 'b' }]);
    expect((await (await signIn(t.app, users.information_owner!.email)).get('/api/v1/audit-events')).statusCode).toBe(403);
    expect((await (await signIn(t.app, users.information_owner!.email)).post('/api/v1/audit-events/verify')).statusCode).toBe(403);
    expect((await (await signIn(t.app, users['auditor@b']!.email)).get('/api/v1/audit-events')).statusCode).toBe(200);
  });
});

describe('the hash chain', () => {
  it('verifies, also after many changes at the same time', async () => {
    const { users, units, org } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => admin.post('/api/v1/units', { parentId: units.a.id, name: `Parallell ${i}`, kind: 'unit' })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const count = await t.db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    const res = await admin.post('/api/v1/audit-events/verify');
    expect(res.json()).toEqual({ ok: true, checked: count.n, firstBrokenId: null, fromCheckpoint: null });
  });

  it('refuses to change, delete or empty the log, even through plain SQL', async () => {
    const { org } = await seedOrg(t.db, []);
    const row = await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('organization_id', '=', org.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // The runtime role has no right to change or remove events (or checkpoints) at all …
    await expect(t.db.updateTable('audit_events').set({ actor_name: 'Någon annan' }).where('id', '=', row.id).execute()).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.db.deleteFrom('audit_events').where('id', '=', row.id).execute()).rejects.toThrow(/permission denied/);
    await expect(sql`TRUNCATE audit_events`.execute(t.db)).rejects.toThrow(/permission denied/);
    await expect(t.db.deleteFrom('audit_checkpoints').execute()).rejects.toThrow(/permission denied/);
    await expect(t.db.updateTable('audit_checkpoints').set({ hash: 'x' }).execute()).rejects.toThrow(/permission denied/);
    await expect(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(t.db)).rejects.toThrow(/must be owner/);
    // … and even a superuser meets the trigger unless switching it off.
    const su = createDb(t.superuserUrl, 1);
    try {
      await expect(su.updateTable('audit_events').set({ actor_name: 'Någon annan' }).where('id', '=', row.id).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(su.deleteFrom('audit_events').where('id', '=', row.id).execute()).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE audit_events`.execute(su)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE audit_events CASCADE`.execute(su)).rejects.toThrow(/append-only/);
    } finally {
      await su.destroy();
    }
    expect((await verifyAuditChain(t.db, org.id)).ok).toBe(true);
  });

  describe('with the append-only trigger switched off by a database superuser', () => {
    /** What an attacker with superuser rights could do: switch the guard off, rewrite history, switch it on. */
    async function tamper(change: (db: Db) => Promise<unknown>) {
      const su = createDb(t.superuserUrl, 1);
      try {
        await su.connection().execute(async (conn) => {
          await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(conn);
          try {
            await change(conn);
          } finally {
            await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(conn);
          }
        });
      } finally {
        await su.destroy();
      }
    }

    async function orgWithHistory() {
      const { users, units, org } = await seedOrg(t.db, [{ role: 'admin' }]);
      const admin = await signIn(t.app, users.admin!.email);
      for (const name of ['Ett', 'Två', 'Tre']) await admin.post('/api/v1/units', { parentId: units.b.id, name, kind: 'unit' });
      const rows = await t.db
        .selectFrom('audit_events')
        .select(['id', 'entity_label'])
        .where('organization_id', '=', org.id)
        .orderBy('id')
        .execute();
      expect((await admin.post('/api/v1/audit-events/verify')).json().ok).toBe(true);
      return { admin, org, rows, units, adminId: users.admin!.id };
    }

    it('detects an altered event and names the first broken one', async () => {
      const { admin, org, rows } = await orgWithHistory();
      const victim = rows.find((r) => r.entity_label === 'Två')!;
      await tamper((db) => db.updateTable('audit_events').set({ actor_name: 'Oskyldig' }).where('id', '=', victim.id).execute());
      expect(await verifyAuditChain(t.db, org.id)).toMatchObject({
        ok: false,
        firstBrokenId: String(victim.id),
        checked: rows.indexOf(victim),
      });
      // The event lies before the checkpoint the first verification set: only a full walk reads it.
      expect((await admin.post('/api/v1/audit-events/verify', { full: true })).json()).toEqual({
        ok: false,
        checked: rows.indexOf(victim),
        firstBrokenId: String(victim.id),
        fromCheckpoint: null,
      });
    });

    it('detects a changed detail inside the recorded changes', async () => {
      const { org, rows } = await orgWithHistory();
      const victim = rows.find((r) => r.entity_label === 'Ett')!;
      await tamper((db) =>
        sql`UPDATE audit_events SET changes = jsonb_set(changes, '{name,after}', '"Fem"') WHERE id = ${victim.id}`.execute(db),
      );
      expect((await verifyAuditChain(t.db, org.id)).firstBrokenId).toBe(String(victim.id));
    });

    it('detects a removed event at the event after it', async () => {
      const { org, rows } = await orgWithHistory();
      const victim = rows.find((r) => r.entity_label === 'Två')!;
      const next = rows[rows.indexOf(victim) + 1]!;
      await tamper((db) => db.deleteFrom('audit_events').where('id', '=', victim.id).execute());
      expect((await verifyAuditChain(t.db, org.id)).firstBrokenId).toBe(String(next.id));
    });

    it('detects a rewritten event even when its own hash was recomputed', async () => {
      // Rewriting one event and fixing its hash still breaks the link to the next event.
      const { org, rows } = await orgWithHistory();
      const victim = rows.find((r) => r.entity_label === 'Ett')!;
      const next = rows[rows.indexOf(victim) + 1]!;
      const { eventHash } = await import('../../src/platform/audit/hash.js');
      const r = await t.db.selectFrom('audit_events').selectAll().where('id', '=', victim.id).executeTakeFirstOrThrow();
      const forged = eventHash(r.prev_hash, {
        organizationId: r.organization_id,
        occurredAt: r.occurred_at,
        actorUserId: r.actor_user_id,
        actorName: 'Förfalskad',
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        entityLabel: r.entity_label,
        unitId: r.unit_id,
        changes: r.changes,
      });
      await tamper((db) =>
        db.updateTable('audit_events').set({ actor_name: 'Förfalskad', hash: forged }).where('id', '=', victim.id).execute(),
      );
      expect((await verifyAuditChain(t.db, org.id)).firstBrokenId).toBe(String(next.id));
    });

    /** Rewrites an event's actor and recomputes its own hash, as a careful forger would. */
    async function forge(id: number, actorName: string) {
      const { eventHash } = await import('../../src/platform/audit/hash.js');
      const r = await t.db.selectFrom('audit_events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const hash = eventHash(r.prev_hash, {
        organizationId: r.organization_id,
        occurredAt: r.occurred_at,
        actorUserId: r.actor_user_id,
        actorName,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        entityLabel: r.entity_label,
        unitId: r.unit_id,
        changes: r.changes,
      });
      await tamper((db) => db.updateTable('audit_events').set({ actor_name: actorName, hash }).where('id', '=', id).execute());
    }

    const checkpointOf = (orgId: string) =>
      t.db
        .selectFrom('audit_checkpoints')
        .selectAll()
        .where('organization_id', '=', orgId)
        .orderBy('event_id', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();

    it('continues from the checkpoint, moves it forward, and finds tampering after it', async () => {
      const { admin, org, rows, units, adminId } = await orgWithHistory();
      const head = rows.at(-1)!;
      expect(await checkpointOf(org.id)).toMatchObject({ event_id: head.id, hash: expect.any(String), verified_by: adminId });

      const parent = units.a.id;
      for (const name of ['Fyra', 'Fem']) await admin.post('/api/v1/units', { parentId: parent, name, kind: 'unit' });
      const first = (await admin.post('/api/v1/audit-events/verify')).json();
      expect(first).toMatchObject({ ok: true, checked: 2, firstBrokenId: null, fromCheckpoint: { eventId: String(head.id) } });
      const moved = (await checkpointOf(org.id))!;
      expect(moved.event_id).toBeGreaterThan(head.id);

      for (const name of ['Sex', 'Sju']) await admin.post('/api/v1/units', { parentId: parent, name, kind: 'unit' });
      const [victim] = await t.db
        .selectFrom('audit_events')
        .select('id')
        .where('organization_id', '=', org.id)
        .where('id', '>', moved.event_id)
        .orderBy('id')
        .execute();
      await tamper((db) => db.updateTable('audit_events').set({ entity_label: 'Åtta' }).where('id', '=', victim!.id).execute());
      expect((await admin.post('/api/v1/audit-events/verify')).json()).toEqual({
        ok: false,
        checked: 0,
        firstBrokenId: String(victim!.id),
        fromCheckpoint: {
          eventId: String(moved.event_id),
          verifiedAt: moved.verified_at.toISOString(),
          verifiedByName: moved.verified_by_name,
        },
      });
      expect((await checkpointOf(org.id))!.event_id).toBe(moved.event_id); // a broken chain does not move it
    });

    it('finds a rewritten checkpoint event, also when its own hash was recomputed', async () => {
      const altered = await orgWithHistory();
      const a = (await checkpointOf(altered.org.id))!;
      await tamper((db) => db.updateTable('audit_events').set({ actor_name: 'Oskyldig' }).where('id', '=', a.event_id).execute());
      expect((await altered.admin.post('/api/v1/audit-events/verify')).json()).toMatchObject({
        ok: false,
        checked: 0,
        firstBrokenId: String(a.event_id),
      });

      const forged = await orgWithHistory();
      const f = (await checkpointOf(forged.org.id))!;
      await forge(f.event_id, 'Förfalskad');
      expect((await forged.admin.post('/api/v1/audit-events/verify')).json()).toMatchObject({
        ok: false,
        firstBrokenId: String(f.event_id),
      });
    });

    it('trusts what lies before the checkpoint incrementally; full=true finds tampering anywhere', async () => {
      const { admin, rows } = await orgWithHistory();
      const victim = rows.find((r) => r.entity_label === 'Ett')!;
      const next = rows[rows.indexOf(victim) + 1]!;
      await forge(victim.id, 'Förfalskad');
      // The documented limit (ADR 0002): events before the checkpoint are not read again.
      expect((await admin.post('/api/v1/audit-events/verify')).json()).toMatchObject({ ok: true, checked: 0 });
      expect((await admin.post('/api/v1/audit-events/verify', { full: true })).json()).toEqual({
        ok: false,
        checked: rows.indexOf(next),
        firstBrokenId: String(next.id),
        fromCheckpoint: null,
      });
      expect((await admin.post('/api/v1/audit-events/verify', { full: 'yes' })).statusCode).toBe(400);
    });

    it('notices when the end of the chain was cut off, checkpoint included', async () => {
      const { admin, org } = await orgWithHistory();
      const cp = (await checkpointOf(org.id))!;
      await tamper((db) => db.deleteFrom('audit_events').where('id', '=', cp.event_id).execute());
      expect(await verifyAuditChain(t.db, org.id)).toMatchObject({ ok: true }); // the links alone cannot tell
      expect((await admin.post('/api/v1/audit-events/verify', { full: true })).json()).toMatchObject({
        ok: false,
        firstBrokenId: String(cp.event_id),
      });
      expect((await admin.post('/api/v1/audit-events/verify')).json()).toMatchObject({ ok: false, firstBrokenId: String(cp.event_id) });
    });
  });
});
