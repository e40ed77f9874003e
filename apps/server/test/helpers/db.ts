import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/db/database.js';
import { userOf } from '../../src/db/roles.js';
import { loadAuditKey } from '../../src/platform/audit/key.js';
import { withDatabase } from '../setup/global.js';

/** The run's audit key, as the server loads it at start (every audit event needs it). */
export function useTestAuditKey(): void {
  loadAuditKey({ auditKey: inject('auditKey'), dataDir: '' });
}

/**
 * A fresh database cloned from the migrated template; dropped again by `drop()`. `db` and `url` log
 * in as the runtime role, like the server; `superuserUrl` may do what only an attacker with full
 * database rights could (switch triggers off) and `ownerUrl` is the migration owner.
 */
export async function createTestDatabase(): Promise<{ db: Db; url: string; ownerUrl: string; superuserUrl: string; drop: () => Promise<void> }> {
  useTestAuditKey();
  const base = inject('databaseUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE tillit_template OWNER "${userOf(inject('ownerDatabaseUrl'))}"`);
  await admin.end();
  const url = withDatabase(inject('runtimeDatabaseUrl'), name);
  const db = createDb(url, 10);
  return {
    db,
    url,
    ownerUrl: withDatabase(inject('ownerDatabaseUrl'), name),
    superuserUrl: withDatabase(base, name),
    drop: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
