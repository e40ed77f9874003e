import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { JobDef } from './jobs/queue.js';

/** Removes what has expired: sessions past their absolute end, stale throttle windows, used or old links. */
export async function housekeeping(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
  await db
    .deleteFrom('login_throttle')
    .where('window_start', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  await db
    .deleteFrom('user_links')
    .where('expires_at', '<', sql<Date>`now() - interval '30 days'`)
    .execute();
}

/** Every hour, on one instance (a pg-boss schedule), instead of a timer in each instance. */
export const housekeepingJob: JobDef<{ db: Db }> = {
  name: 'platform.housekeeping',
  cron: '7 * * * *',
  retryLimit: 1,
  retryDelaySeconds: 60,
  run: (_payload, { db }) => housekeeping(db),
};
