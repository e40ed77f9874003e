import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';

/**
 * The token of the newest queued mail's one-time link. With mail set up the API never returns the
 * link (only its addressee may follow it), so tests read it where the mail is: in the job queue.
 */
export async function lastMailedToken(db: Db): Promise<string> {
  const r = await sql<{
    data: { text: string };
  }>`SELECT data FROM pgboss.job WHERE name = 'mail.send' ORDER BY created_on DESC LIMIT 1`.execute(db);
  const text = r.rows[0]?.data.text ?? '';
  const token = /\/link\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error('no queued mail with a link');
  return token;
}
