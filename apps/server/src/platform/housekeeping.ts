import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';

/** Removes what has expired: sessions past their absolute end, stale throttle windows, used or old links. */
export async function housekeeping(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
  await db.deleteFrom('login_throttle').where('window_start', '<', sql<Date>`now() - interval '1 day'`).execute();
  await db.deleteFrom('user_links').where('expires_at', '<', sql<Date>`now() - interval '30 days'`).execute();
}

export function startHousekeeping(db: Db, log: Logger, intervalMs = 60 * 60_000) {
  const run = () => housekeeping(db).catch((e) => log.warn({ err: String(e) }, 'housekeeping failed'));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
