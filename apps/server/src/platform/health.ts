import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Readiness: the database answers a trivial query within `timeoutMs`. A hung database (stopped,
 * overloaded, network gone) makes /readyz answer 503 after the timeout instead of hanging the probe.
 */
export function createHealth(db: Db, timeoutMs = 2_000) {
  return {
    ready: async (): Promise<boolean> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const probe = sql`select 1`.execute(db).then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([probe, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
