import type { Locale } from '@tillit/core';
import { enqueueJob } from '../../platform/jobs/queue.js';
import type { Db } from '../../db/database.js';
import templates from './digest-templates.json' with { type: 'json' };
import { fill } from './kinds.js';
import type { NotificationsService } from './notifications.service.js';
import * as repo from './notifications.repository.js';

export interface DigestDeps {
  db: Db;
  publicUrl: string;
  notifications: NotificationsService;
}

/**
 * Mails each user whose digest is due the unread notices since the last one. The mail is queued in
 * the transaction that records the digest (outbox), and that record is a compare-and-set, so two
 * runs at once send one mail; a user with nothing new gets none.
 */
export async function sendDigests({ db, publicUrl, notifications }: DigestDeps, now = new Date()): Promise<number> {
  let sent = 0;
  for (const u of await repo.digestsDue(db, now)) {
    const items = await repo.forDigest(db, u, now);
    if (!items.length) continue;
    const locale: Locale = u.locale === 'en' ? 'en' : 'sv';
    const t = templates[locale];
    const base = publicUrl.replace(/\/$/, '');
    const params = {
      name: u.name,
      organization: u.organization_name,
      count: String(items.length),
      frequency: t[u.digest],
      settings: `${base}/notifications#settings`,
    };
    const lines = items.map((n) =>
      fill(t.item, { title: notifications.render(n.kind, n.params, locale).title, link: n.link ? base + n.link : base }),
    );
    const text = [fill(t.intro, params), ...lines, fill(t.outro, params)].join('\n');
    const claimed = await db.transaction().execute(async (trx) => {
      if (!(await repo.claimDigest(trx, u, now))) return false;
      await enqueueJob(trx, 'mail.send', { to: u.email, subject: fill(t.subject, params), text });
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}
