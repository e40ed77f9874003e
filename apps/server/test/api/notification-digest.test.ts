import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { enqueueJob, runDueJobs } from '../../src/platform/jobs/queue.js';
import { jobContext, jobDefinitions } from '../../src/services.js';
import { makeUser } from '../../src/seed/factories.js';
import { makeAsset, makeClassification } from '../../src/seed/factories-assets.js';
import { bodyOf, headerOf, useSmtpSink } from '../helpers/smtp-sink.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const sink = useSmtpSink();
const t = useTestApp({
  env: () => ({
    TILLIT_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    TILLIT_MAIL_FROM: 'Tillit <tillit@region.example>',
    TILLIT_PUBLIC_URL: 'https://tillit.region.example',
  }),
});
const log = pino({ level: 'silent' });
const DAY = 86_400_000;
const job = (name: string) => jobDefinitions().filter((d) => d.name === name);
/** As the cron schedule does: one job of the kind, then worked. */
const start = (name: string) => t.db.transaction().execute((trx) => enqueueJob(trx, name, {}));
const run = (name: string) =>
  runDueJobs(t.db, job(name), jobContext({ db: t.db, config: t.config, mailer: t.mailer, log: t.app.log }), log);

describe('the e-mail digest, through the job queue to a real SMTP server', () => {
  it('mails each user the unread notices once, in their language, with links; nothing when there is nothing new', async () => {
    const { org, units, users } = await seedOrg(t.db, [{ role: 'information_owner', unit: 'a', email: 'agare@region.example' }]);
    const english = await t.db
      .transaction()
      .execute((trx) =>
        makeUser(trx, org.id, { email: 'owner@region.example', locale: 'en', roles: [{ role: 'information_owner', unitId: units.a.id }] }),
      );
    const quiet = await t.db
      .transaction()
      .execute((trx) =>
        makeUser(trx, org.id, { email: 'tyst@region.example', roles: [{ role: 'information_owner', unitId: units.b.id }] }),
      );
    const asset = await t.db.transaction().execute(async (trx) => {
      const a = await makeAsset(trx, units.a, 'system', {
        name: 'Röntgensystemet',
        systemOwnerId: users['agare@region.example']!.id,
        systemStewardId: english.id,
      });
      await makeClassification(trx, a, { approvedAt: new Date(Date.now() - 380 * DAY), reviewDueAt: new Date(Date.now() - 2 * DAY) });
      return a;
    });
    for (const [email, digest] of [
      ['agare@region.example', 'daily'],
      ['owner@region.example', 'weekly'],
      ['tyst@region.example', 'daily'],
    ] as const) {
      const c = await signIn(t.app, email);
      expect((await c.patch('/api/v1/notifications/preferences', { digest })).statusCode).toBe(200);
    }
    await start('notifications.produce.classification.reviews');
    expect(await run('notifications.produce.classification.reviews')).toBe(1);

    expect(await run('notifications.digest')).toBe(0); // nothing scheduled yet: the cron starts it
    await start('notifications.digest');
    expect(await run('notifications.digest')).toBe(1);
    expect(sink.received).toHaveLength(0); // the digest queues mail; the mail job sends it
    expect(await run('mail.send')).toBe(2);

    const sv = sink.received.find((m) => m.to[0] === 'agare@region.example')!;
    expect(headerOf(sv.raw, 'Subject')).toBe(`Tillit: 1 olästa aviseringar – ${org.name}`);
    const svText = bodyOf(sv.raw);
    expect(svText).toContain('Det här väntar på dig i Tillit');
    expect(svText).toMatch(/Omprövningen av klassningen av Röntgensystemet är försenad sedan \d{4}-\d\d-\d\d/);
    expect(svText).toContain(`https://tillit.region.example/assets/${asset.id}`);
    expect(svText).toContain('varje dag');

    const en = sink.received.find((m) => m.to[0] === 'owner@region.example')!;
    expect(headerOf(en.raw, 'Subject')).toBe(`Tillit: 1 unread notifications – ${org.name}`);
    expect(bodyOf(en.raw)).toMatch(/The review of the classification of Röntgensystemet is overdue since/);
    expect(bodyOf(en.raw)).toContain('every week');
    expect(sink.received.some((m) => m.to[0] === 'tyst@region.example')).toBe(false);
    expect(quiet.id).toBeTruthy();

    // Run again at once (a second instance, or a retry): the digest is recorded, no second mail.
    await start('notifications.digest');
    expect(await run('notifications.digest')).toBe(1);
    expect(await run('mail.send')).toBe(0);
    expect(sink.received).toHaveLength(2);
  });
});
