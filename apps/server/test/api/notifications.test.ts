import pino from 'pino';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/database.js';
import { enqueueJob, installQueues, runDueJobs, type JobDef } from '../../src/platform/jobs/queue.js';
import { jobContext, jobDefinitions } from '../../src/services.js';
import { producersOf } from '../../src/modules/notifications/registry.js';
import { modules } from '../../src/modules/index.js';
import { makeUnit, makeUser } from '../../src/seed/factories.js';
import { makeAsset, makeClassification } from '../../src/seed/factories-assets.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();
const log = pino({ level: 'silent' });
const DAY = 86_400_000;

const ctx = () => jobContext({ db: t.db, config: t.config, mailer: t.mailer, log: t.app.log });
const producer = (name: string) => producersOf(modules).find((p) => p.name === name)!;
/** Runs a producer as its scheduled job does: produce, then deliver. */
async function produce(name: string, now = new Date()) {
  const c = ctx();
  return c.services.notifications.deliver(await producer(name).produce(c, now));
}
const notificationsOf = (userId: string) =>
  t.db
    .selectFrom('notifications')
    .select(['kind', 'entity_id', 'params', 'link', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('kind')
    .orderBy('entity_id')
    .execute();

async function orgWithReviews() {
  const { org, units, users } = await seedOrg(t.db, [
    { role: 'admin' },
    { role: 'information_owner', unit: 'a' },
    { role: 'security_coordinator' },
    { role: 'auditor' },
  ]);
  const owner = users['information_owner@a']!;
  const steward = await t.db
    .transaction()
    .execute((trx) => makeUser(trx, org.id, { roles: [{ role: 'system_steward', unitId: units.a.id }] }));
  const assets = await t.db.transaction().execute(async (trx) => {
    const soon = await makeAsset(trx, units.a, 'system', { name: 'Journalsystemet', systemOwnerId: owner.id, systemStewardId: steward.id });
    await makeClassification(trx, soon, { approvedAt: new Date(Date.now() - 340 * DAY), reviewDueAt: new Date(Date.now() + 10 * DAY) });
    const late = await makeAsset(trx, units.a, 'information_set', { name: 'Patientuppgifter', informationOwnerId: owner.id });
    await makeClassification(trx, late, { approvedAt: new Date(Date.now() - 400 * DAY), reviewDueAt: new Date(Date.now() - 3 * DAY) });
    const fine = await makeAsset(trx, units.a, 'system', { name: 'Intranätet', systemOwnerId: owner.id });
    await makeClassification(trx, fine, { reviewDueAt: new Date(Date.now() + 200 * DAY) });
    const retired = await makeAsset(trx, units.a, 'system', { name: 'Gamla journalen', systemOwnerId: owner.id, lifecycle: 'retired' });
    await makeClassification(trx, retired, { approvedAt: new Date(Date.now() - 400 * DAY), reviewDueAt: new Date(Date.now() - 30 * DAY) });
    return { soon, late, fine, retired };
  });
  return { org, units, users, owner, steward, assets };
}

describe('the scheduled producers on known data', () => {
  it('tells owners and the steward of reviews due within 30 days and overdue, nothing for valid or retired assets', async () => {
    const { owner, steward, assets, users } = await orgWithReviews();
    await produce('classification.reviews');
    const mine = await notificationsOf(owner.id);
    expect(mine.map((n) => [n.kind, n.entity_id]).sort()).toEqual(
      [
        ['classification.review_due', assets.soon.id],
        ['classification.review_overdue', assets.late.id],
      ].sort(),
    );
    expect(mine.find((n) => n.kind === 'classification.review_due')).toMatchObject({
      params: { asset: 'Journalsystemet' },
      link: `/assets/${assets.soon.id}`,
      read_at: null,
    });
    expect((await notificationsOf(steward.id)).map((n) => n.entity_id)).toEqual([assets.soon.id]);
    expect(await notificationsOf(users.admin!.id)).toEqual([]);
  });

  it('creates the same notification once per object and day, also when two producers run at once', async () => {
    const { owner } = await orgWithReviews();
    const [first, second] = await Promise.all([produce('classification.reviews'), produce('classification.reviews')]);
    const after = await notificationsOf(owner.id);
    expect(after).toHaveLength(2);
    expect(first + second).toBe(3); // two for the owner, one for the steward, none twice
    expect(await produce('classification.reviews')).toBe(0);
    // Read today: still not again today (the daily key), and tomorrow it may come back.
    await t.db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', owner.id).execute();
    expect(await produce('classification.reviews')).toBe(0);
    expect(await notificationsOf(owner.id)).toHaveLength(2);
  });

  it('runs the scheduled job once when two runners work the queue at the same time', async () => {
    const { owner } = await orgWithReviews();
    const defs = jobDefinitions().filter((d) => d.name === 'notifications.produce.classification.reviews');
    expect(defs).toHaveLength(1);
    await t.db.transaction().execute((trx) => enqueueJob(trx, defs[0]!.name, {}));
    const ran = await Promise.all([runDueJobs(t.db, defs, ctx(), log), runDueJobs(t.db, defs, ctx(), log)]);
    expect(ran.sort()).toEqual([0, 1]);
    expect(await notificationsOf(owner.id)).toHaveLength(2);
    const jobs = await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE name = ${defs[0]!.name}`.execute(t.db);
    expect(jobs.rows).toEqual([{ state: 'completed' }]);
  });

  it('tells the asset’s named owner about a submitted classification, but not one she prepared alone (four eyes), nor the coordinator or readers', async () => {
    const { org, units, users } = await seedOrg(t.db, [
      { role: 'information_owner', unit: 'a' },
      { role: 'security_coordinator' },
      { role: 'information_owner', unit: 'b' },
      { role: 'auditor' },
    ]);
    const owner = users['information_owner@a']!;
    const author = users.security_coordinator!;
    const deputy = await t.db
      .transaction()
      .execute(async (trx) =>
        makeUser(trx, org.id, { roles: [{ role: 'information_owner', unitId: (await makeUnit(trx, units.a, { name: 'Avdelning' })).id }] }),
      );
    const version = await t.db.transaction().execute(async (trx) => {
      const asset = await makeAsset(trx, units.a, 'system', { name: 'Labbsystemet', informationOwnerId: owner.id });
      const own = await makeAsset(trx, units.a, 'system', { name: 'Eget system', informationOwnerId: owner.id });
      await makeClassification(trx, own, { status: 'submitted', authorId: owner.id });
      const ownerless = await makeAsset(trx, units.a, 'system', { name: 'Ägarlöst' });
      await makeClassification(trx, ownerless, { status: 'submitted', authorId: author.id });
      return makeClassification(trx, asset, { status: 'submitted', authorId: author.id });
    });
    await produce('classification.decisions');
    expect(await notificationsOf(owner.id)).toEqual([
      {
        kind: 'classification.awaiting_decision',
        entity_id: version.id,
        params: { asset: 'Labbsystemet' },
        link: `/classifications/${version.id}`,
        read_at: null,
      },
    ]);
    expect(await notificationsOf(author.id)).toEqual([]);
    expect(await notificationsOf(users['information_owner@b']!.id)).toEqual([]); // a sibling unit
    expect(await notificationsOf(deputy.id)).toEqual([]); // a sub-unit of the asset's unit does not decide above itself
    expect(await notificationsOf(users.auditor!.id)).toEqual([]);
  });

  it('verifies every audit chain at night and tells the administrators of a broken one only', async () => {
    const broken = await seedOrg(t.db, [{ role: 'admin' }, { role: 'security_coordinator' }]);
    const intact = await seedOrg(t.db, [{ role: 'admin' }]);
    await produce('audit.verify');
    expect(await notificationsOf(broken.users.admin!.id)).toEqual([]);

    const victim = await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('organization_id', '=', broken.org.id)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    // Tampering needs more than the runtime role may do: an insider with full database rights.
    const su = createDb(t.superuserUrl, 1);
    try {
      await su.connection().execute(async (conn) => {
        await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(conn);
        try {
          await sql`UPDATE audit_events SET actor_name = 'Någon annan' WHERE id = ${victim.id}`.execute(conn);
        } finally {
          await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(conn);
        }
      });
    } finally {
      await su.destroy();
    }
    await produce('audit.verify');
    expect(await notificationsOf(broken.users.admin!.id)).toEqual([
      expect.objectContaining({ kind: 'audit.chain_broken', link: '/audit', params: { eventId: String(victim.id) } }),
    ]);
    expect(await notificationsOf(broken.users.security_coordinator!.id)).toEqual([]);
    expect(await notificationsOf(intact.users.admin!.id)).toEqual([]);
  });
});

describe('the job queue under the producers', () => {
  it('keeps every scheduled job’s cron in the database, in Swedish time, so each slot starts once across instances', async () => {
    const rows = (
      await sql<{ name: string; cron: string; timezone: string }>`SELECT name, cron, timezone FROM pgboss.schedule`.execute(t.db)
    ).rows;
    const scheduled = jobDefinitions().filter((d) => d.cron);
    expect(scheduled.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'notifications.produce.classification.reviews',
        'notifications.produce.audit.verify',
        'notifications.digest',
        'platform.housekeeping',
      ]),
    );
    for (const d of scheduled) expect(rows).toContainEqual({ name: d.name, cron: d.cron, timezone: 'Europe/Stockholm' });
  });

  it('moves a job that failed its last attempt to the dead-letter queue, with its payload', async () => {
    const def: JobDef<unknown> = { name: 'test.always_fails', retryLimit: 0, run: () => Promise.reject(new Error('kaputt')) };
    // Queues are partitions (DDL): the migration owner creates them, as at server start.
    const owner = createDb(t.ownerUrl, 1);
    try {
      await installQueues(owner, [def]);
    } finally {
      await owner.destroy();
    }
    await t.db.transaction().execute((trx) => enqueueJob(trx, def.name, { n: 42 }));
    expect(await runDueJobs(t.db, [def], {}, log)).toBe(1);
    const rows = (
      await sql<{
        name: string;
        state: string;
        data: unknown;
      }>`SELECT name, state, data FROM pgboss.job WHERE name LIKE 'test.always_fails%' ORDER BY name`.execute(t.db)
    ).rows;
    expect(rows).toEqual([
      { name: 'test.always_fails', state: 'failed', data: { n: 42 } },
      { name: 'test.always_fails.dead', state: 'created', data: { n: 42 } },
    ]);
  });
});

describe('the notification API', () => {
  it('lists my notifications with the unread count, in my language, and marks them read', async () => {
    const { owner, assets, users } = await orgWithReviews();
    await produce('classification.reviews');
    const me = await signIn(t.app, users['information_owner@a']!.email);
    const list = await me.get('/api/v1/notifications');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ total: 2, unread: 2, page: 1 });
    const due = body.items.find((n: { kind: string }) => n.kind === 'classification.review_due');
    expect(due.title).toMatch(/^Klassningen av Journalsystemet ska omprövas senast \d{4}-\d\d-\d\d$/);
    expect(due.kindLabel).toBe('Klassning ska omprövas');
    expect(due.link).toBe(`/assets/${assets.soon.id}`);
    const en = await me.request({ method: 'GET', url: '/api/v1/notifications', headers: { 'accept-language': 'en' } });
    expect(en.json().items.length).toBe(2);

    expect((await me.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect((await me.post(`/api/v1/notifications/${due.id}/read`)).statusCode).toBe(204);
    expect((await me.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await me.get('/api/v1/notifications?unread=true')).json()).toMatchObject({ total: 1, unread: 1 });
    expect((await me.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await me.get('/api/v1/notifications')).json()).toMatchObject({ total: 2, unread: 0 });

    // Someone else's notification does not exist for me.
    const other = await signIn(t.app, users.admin!.email);
    expect((await other.post(`/api/v1/notifications/${due.id}/read`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/notifications')).json()).toMatchObject({ total: 0, unread: 0 });
    expect(owner.id).toBe(me.userId);
  });

  it('keeps per-user preferences: kinds off in the app are neither shown nor created; digest off/daily/weekly; audited', async () => {
    const { owner, users, org } = await orgWithReviews();
    const me = await signIn(t.app, users['information_owner@a']!.email);
    const initial = (await me.get('/api/v1/notifications/preferences')).json();
    expect(initial.digest).toBe('off');
    expect(initial.kinds.map((k: { kind: string }) => k.kind)).toEqual(
      expect.arrayContaining([
        'classification.review_due',
        'classification.review_overdue',
        'classification.awaiting_decision',
        'audit.chain_broken',
      ]),
    );
    expect(initial.kinds.every((k: { inApp: boolean; label: string }) => k.inApp && k.label)).toBe(true);

    const res = await me.patch('/api/v1/notifications/preferences', { digest: 'weekly', inApp: { 'classification.review_due': false } });
    expect(res.statusCode).toBe(200);
    expect(res.json().digest).toBe('weekly');
    expect(res.json().kinds.find((k: { kind: string }) => k.kind === 'classification.review_due').inApp).toBe(false);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('organization_id', '=', org.id)
      .where('entity_type', '=', 'notification_preferences')
      .execute();
    expect(events).toEqual([
      {
        action: 'update',
        changes: { digest: { before: 'off', after: 'weekly' }, mutedKinds: { before: [], after: ['Klassning ska omprövas'] } },
      },
    ]);
    // The same again changes nothing and writes no event.
    await me.patch('/api/v1/notifications/preferences', { digest: 'weekly' });
    expect(
      await t.db
        .selectFrom('audit_events')
        .select('id')
        .where('organization_id', '=', org.id)
        .where('entity_type', '=', 'notification_preferences')
        .execute(),
    ).toHaveLength(1);

    await produce('classification.reviews');
    expect((await notificationsOf(owner.id)).map((n) => n.kind)).toEqual(['classification.review_overdue']);
    expect((await me.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
  });

  it('refuses bad preferences with a precise 400 and changes nothing', async () => {
    const { users } = await seedOrg(t.db, [{ role: 'auditor' }]);
    const me = await signIn(t.app, users.auditor!.email);
    const unknown = await me.patch('/api/v1/notifications/preferences', { digest: 'daily', inApp: { 'no.such_kind': false } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown_notification_kind', details: { field: 'inApp.no.such_kind' } });
    const badDigest = await me.request({
      method: 'PATCH',
      url: '/api/v1/notifications/preferences',
      payload: { digest: 'hourly' },
      headers: { 'accept-language': 'en' },
    });
    expect(badDigest.statusCode).toBe(400);
    expect(JSON.stringify(badDigest.json().error)).toMatch(/digest/);
    expect((await me.get('/api/v1/notifications/preferences')).json().digest).toBe('off');
    expect((await me.post('/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
  });

  it('needs a user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});
