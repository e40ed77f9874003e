import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { addDays, stockholmToday } from '@tillit/core/modules/measures/rules';
import { enqueueJob, runDueJobs } from '../../src/platform/jobs/queue.js';
import { jobContext, jobDefinitions } from '../../src/services.js';
import { makeMeasure } from '../../src/seed/factories-measures.js';
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
const job = (name: string) => jobDefinitions().filter((d) => d.name === name);
const start = (name: string) => t.db.transaction().execute((trx) => enqueueJob(trx, name, {}));
const run = (name: string) =>
  runDueJobs(t.db, job(name), jobContext({ db: t.db, config: t.config, mailer: t.mailer, log: t.app.log }), log);

describe('measure reminders', () => {
  it('tells owners of overdue and due-soon open measures, in-app and in one digest mail, and shows them on the start page', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'system_steward', unit: 'a', email: 'ansvarig@region.example' }]);
    const owner = users['ansvarig@region.example']!.id;
    const today = stockholmToday();
    await t.db.transaction().execute(async (trx) => {
      await makeMeasure(trx, units.a, { title: 'Byt lösenordspolicy', ownerId: owner, dueDate: addDays(today, -3) });
      await makeMeasure(trx, units.a, {
        title: 'Uppdatera kontinuitetsplanen',
        ownerId: owner,
        dueDate: addDays(today, 5),
        status: 'in_progress',
      });
      await makeMeasure(trx, units.a, { title: 'Långt fram', ownerId: owner, dueDate: addDays(today, 90) });
      await makeMeasure(trx, units.a, { title: 'Redan klar', ownerId: owner, dueDate: addDays(today, -10), status: 'done' });
      await makeMeasure(trx, units.a, {
        title: 'Avbruten',
        ownerId: owner,
        dueDate: addDays(today, -10),
        status: 'cancelled',
        cancelReason: 'Ersatt',
      });
    });
    const c = await signIn(t.app, 'ansvarig@region.example');
    expect((await c.patch('/api/v1/notifications/preferences', { digest: 'daily' })).statusCode).toBe(200);

    await start('notifications.produce.measures.due');
    expect(await run('notifications.produce.measures.due')).toBe(1);
    const notices = (await c.get('/api/v1/notifications')).json();
    const titles = notices.items.map((n: { title: string }) => n.title).sort();
    expect(titles).toEqual([
      `Åtgärden Byt lösenordspolicy är försenad sedan ${addDays(today, -3)}`,
      `Åtgärden Uppdatera kontinuitetsplanen ska vara klar senast ${addDays(today, 5)}`,
    ]);

    await start('notifications.digest');
    expect(await run('notifications.digest')).toBe(1);
    expect(await run('mail.send')).toBe(1);
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(headerOf(mail.raw, 'Subject')).toMatch(/^Tillit: 2 olästa aviseringar/);
    expect(bodyOf(mail.raw)).toContain('Byt lösenordspolicy');
    expect(bodyOf(mail.raw)).toContain('https://tillit.region.example/measures/');

    const dash = (await c.get('/api/v1/dashboard')).json();
    const section = dash.sections.find((s: { title: string }) => s.title === 'Åtgärder');
    expect(section.figures.map((f: { key: string; value: number }) => [f.key, f.value])).toEqual([
      ['open', 3],
      ['overdue', 1],
      ['dueSoon', 1],
      ['unverified', 1],
    ]);
  });
});
