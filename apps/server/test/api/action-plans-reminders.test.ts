import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { enqueueJob, runDueJobs } from '../../src/platform/jobs/queue.js';
import { jobContext, jobDefinitions } from '../../src/services.js';
import { makeClassification, makeInformationSet } from '../../src/seed/factories-assets.js';
import { bodyOf, useSmtpSink } from '../helpers/smtp-sink.js';
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

describe('stale self-assessments reach the asset’s people as a digest', () => {
  it('one notice per plan in the notification centre, one mail per person', async () => {
    const { units, users } = await seedOrg(t.db, [{ role: 'system_steward', unit: 'a', email: 'forvaltare@region.example' }]);
    const steward = users['forvaltare@region.example']!;
    const set = await t.db.transaction().execute(async (trx) => {
      const s = await makeInformationSet(trx, units.a, { name: 'Remisser', personalData: 'patient', systemStewardId: steward.id });
      await makeClassification(trx, s, {
        status: 'approved',
        answers: { C: { privacy: 2 }, I: { life_health: 2 }, A: { operations: 2 }, T: { legal: 2 } },
        justifications: { C: 'a', I: 'b', A: 'c', T: 'd' },
      } as Parameters<typeof makeClassification>[2]);
      return s;
    });
    const client = await signIn(t.app, 'forvaltare@region.example');
    expect((await client.patch('/api/v1/notifications/preferences', { digest: 'daily' })).statusCode).toBe(200);
    await client.post('/api/v1/action-plans/generate', { assetIds: [set.id] });
    const plan = (await client.get(`/api/v1/assets/${set.id}/action-plan`)).json();
    const [a, b] = plan.themes.flatMap((th: { requirements: { id: string }[] }) => th.requirements);
    await client.patch(`/api/v1/plan-requirements/${a.id}`, { status: 'met' });
    await client.patch(`/api/v1/plan-requirements/${b.id}`, { status: 'met' });

    // Nothing is stale yet.
    await start('notifications.produce.plans.stale');
    await run('notifications.produce.plans.stale');
    expect((await client.get('/api/v1/notifications')).json().items ?? []).toHaveLength(0);

    // Thirteen months later (as the database sees it): both answers are older than the interval.
    await t.db
      .updateTable('plan_requirements')
      .set({ assessed_at: new Date(Date.now() - 400 * 86_400_000) })
      .where('id', 'in', [a.id, b.id])
      .execute();
    await start('notifications.produce.plans.stale');
    expect(await run('notifications.produce.plans.stale')).toBe(1);
    const notices = (await client.get('/api/v1/notifications')).json();
    expect(notices.items).toHaveLength(1);
    expect(notices.items[0].title).toBe('2 självskattningar i handlingsplanen för Remisser är äldre än 12 månader');

    await start('notifications.digest');
    await run('notifications.digest');
    expect(await run('mail.send')).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(bodyOf(sink.received[0]!.raw)).toContain(`https://tillit.region.example/plans/${plan.id}`);
  });
});
