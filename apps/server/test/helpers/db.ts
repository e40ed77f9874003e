import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/db/database.js';
import { userOf } from '../../src/db/roles.js';
import { loadAuditKey } from '../../src/platform/audit/key.js';
import { seedDemo } from '../../src/seed/demo.js';
import { withDatabase } from '../setup/global.js';

export type Template = 'empty' | 'demo';

/** The run's audit key, as the server loads it at start (every audit event needs it). */
export function useTestAuditKey(): void {
  loadAuditKey({ auditKey: inject('auditKey'), dataDir: '' });
}

const owner = () => userOf(inject('ownerDatabaseUrl'));

/**
 * A fresh database cloned from a template; dropped again by `drop()`. `empty` is the migrated
 * schema; `demo` also holds Region Exempel, seeded once per test run instead of once per test file
 * (seeding the demo takes seconds, cloning it milliseconds). `db` and `url` log in as the runtime
 * role, like the server; `superuserUrl` may do what only an attacker with full database rights could
 * (switch triggers off) and `ownerUrl` is the migration owner.
 */
export async function createTestDatabase(
  template: Template = 'empty',
): Promise<{ db: Db; url: string; ownerUrl: string; superuserUrl: string; drop: () => Promise<void> }> {
  useTestAuditKey();
  const base = inject('databaseUrl');
  const from = template === 'demo' ? await demoTemplate(base) : 'tillit_template';
  const name = `t_${randomBytes(6).toString('hex')}`;
  await onServer(base, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${from} OWNER "${owner()}"`));
  const url = withDatabase(inject('runtimeDatabaseUrl'), name);
  const db = createDb(url, 10);
  return {
    db,
    url,
    ownerUrl: withDatabase(inject('ownerDatabaseUrl'), name),
    superuserUrl: withDatabase(base, name),
    drop: async () => {
      await db.destroy();
      await onServer(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function onServer<T>(base: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * The demo template of this test run, built by the first test file that needs it while the others
 * wait on an advisory lock. Named after the run (the parent process of the test workers), so a
 * template left on an external server by an earlier run, with older demo data, is never reused.
 */
async function demoTemplate(base: string): Promise<string> {
  const name = `tillit_demo_${process.ppid}`;
  return onServer(base, async (c) => {
    await c.query('SELECT pg_advisory_lock(20261202)');
    try {
      const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return name;
      const stale = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'tillit\\_demo\\_%'");
      for (const s of stale.rows) await c.query(`DROP DATABASE IF EXISTS ${s.datname} WITH (FORCE)`);
      const building = `${name}_build`;
      await c.query(`CREATE DATABASE ${building} TEMPLATE tillit_template OWNER "${owner()}"`);
      const db = createDb(withDatabase(base, building), 4);
      try {
        await seedDemo(db);
      } finally {
        await db.destroy();
      }
      // Renamed only when complete, so a failed build is never cloned.
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      return name;
    } finally {
      await c.query('SELECT pg_advisory_unlock(20261202)');
    }
  });
}
