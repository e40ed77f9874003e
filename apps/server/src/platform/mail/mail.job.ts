import type { JobDef } from '../jobs/queue.js';
import type { Mail, Mailer } from './mailer.js';

/**
 * Sends one mail. A refusal (full mailbox, server away) is retried with back-off: 10 s, 20 s, 40 s …
 * five times, then the mail waits in `mail.send.dead` for an administrator to look at.
 */
export const mailJob: JobDef<{ mailer: Mailer }> = {
  name: 'mail.send',
  retryLimit: 5,
  retryDelaySeconds: 10,
  run: (payload: Mail, { mailer }) => mailer.send(payload),
};
