import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import pino from 'pino';
import { sql } from 'kysely';
import { runDueJobs } from '../../src/platform/jobs/queue.js';
import { mailJob } from '../../src/platform/mail/mail.job.js';
import { freePort } from '../helpers/ports.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

/** A local SMTP server that keeps what it receives; mail to refused@… is refused, like a full mailbox. */
interface Received {
  to: string[];
  raw: string;
}
const received: Received[] = [];
let sink: SMTPServer;
let port = 0;

beforeAll(async () => {
  port = await freePort();
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, cb) {
      cb(address.address.startsWith('refused@') ? Object.assign(new Error('mailbox full'), { responseCode: 452 }) : undefined);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(port, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

// Registered after the sink's beforeAll, so its port is known when the app is built.
const t = useTestApp({ env: () => ({ TILLIT_SMTP_URL: `smtp://127.0.0.1:${port}`, TILLIT_MAIL_FROM: 'Tillit <tillit@region.example>' }) });
const log = pino({ level: 'silent' });

/** The mail jobs in pg-boss's table, oldest first. */
async function mailJobs() {
  const r = await sql<{
    state: string;
    retry_count: number;
    retry_limit: number;
    dead_letter: string | null;
    output: unknown;
    start_after: Date;
  }>`
    SELECT state, retry_count, retry_limit, dead_letter, output, start_after FROM pgboss.job WHERE name = 'mail.send' ORDER BY created_on`.execute(
    t.db,
  );
  return r.rows;
}

/** The text of a received mail, with its transfer encoding undone. */
function bodyOf(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head!)) return Buffer.from(body, 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head!)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

describe('mail through a real SMTP server', () => {
  it('sends the invitation once, from the job queue, with the link', async () => {
    const { users, units, org } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    const res = await admin.post('/api/v1/users', {
      email: 'mottagare@region.example',
      name: 'Mottagare',
      role: 'auditor',
      unitId: units.a.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().mailed).toBe(true);
    expect(received).toHaveLength(0); // sent by the queue, not in the request

    expect(await runDueJobs(t.db, [mailJob], { mailer: t.mailer }, log)).toBe(1);
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.to).toEqual(['mottagare@region.example']);
    expect(mail.raw).toMatch(/^From: Tillit <tillit@region\.example>/m);
    expect(mail.raw).toMatch(/^To: mottagare@region\.example/m);
    // The link reaches only its addressee: the admin's answer does not carry it.
    expect(res.json().link).toBeNull();
    expect(bodyOf(mail.raw)).toMatch(/\/link\/[A-Za-z0-9_-]{40,}/);
    const invite = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('action', '=', 'invite')
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(invite.changes).toMatchObject({ linkDelivery: { after: 'mailed' } });
    expect(bodyOf(mail.raw)).toContain(org.name);

    expect(await runDueJobs(t.db, [mailJob], { mailer: t.mailer }, log)).toBe(0);
    expect(received).toHaveLength(1);
    const jobs = await mailJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ state: 'completed', retry_count: 0 });
  });

  it('keeps a refused mail for a later attempt instead of losing it', async () => {
    const { users, units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const admin = await signIn(t.app, users.admin!.email);
    await admin.post('/api/v1/users', { email: 'refused@region.example', name: 'Full brevlåda', role: 'auditor', unitId: units.a.id });
    const before = received.length;
    expect(await runDueJobs(t.db, [mailJob], { mailer: t.mailer }, log)).toBe(1);
    expect(received).toHaveLength(before);
    const job = (await mailJobs()).find((j) => j.state !== 'completed')!;
    // pg-boss counts a retry when it starts: one attempt made, five left.
    expect(job).toMatchObject({ state: 'retry', retry_count: 0, retry_limit: 5, dead_letter: 'mail.send.dead' });
    expect(JSON.stringify(job.output)).toMatch(/mailbox full/);
    expect(job.start_after.getTime()).toBeGreaterThan(Date.now());
    // Not retried at once.
    expect(await runDueJobs(t.db, [mailJob], { mailer: t.mailer }, log)).toBe(0);
  });
});
