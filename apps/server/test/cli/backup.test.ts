import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { backupDatabase, restoreDatabase } from '../../src/cli/backup.js';
import { StartupError } from '../../src/db/embedded.js';
import { createDb, type Db } from '../../src/db/database.js';
import { recordAudit, verifyAuditChain } from '../../src/platform/audit/audit.js';
import { systemActor } from '../../src/platform/access.js';
import { withDatabase } from '../setup/global.js';
import { userOf } from '../../src/db/roles.js';
import { seedOrg, signIn, useTestApp } from '../helpers/app.js';

const t = useTestApp();
let dir = '';
const created: string[] = [];

interface Target {
  /** The runtime role. */
  url: string;
  ownerUrl: string;
  superuserUrl: string;
  db: Db;
}

/**
 * An empty database owned by the migration owner, not cloned from the migrated template: what a new
 * installation restores into. Restores run as the owner (no superuser), as `tillit restore` does.
 */
async function emptyDatabase(): Promise<Target> {
  const name = `r_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(inject('databaseUrl'), 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} OWNER "${userOf(inject('ownerDatabaseUrl'))}"`);
  await admin.end();
  created.push(name);
  const url = withDatabase(inject('runtimeDatabaseUrl'), name);
  return {
    url,
    ownerUrl: withDatabase(inject('ownerDatabaseUrl'), name),
    superuserUrl: withDatabase(inject('databaseUrl'), name),
    db: createDb(url, 2),
  };
}

const restore = (target: Target, file: string, opts: { force: boolean }) =>
  restoreDatabase(target.ownerUrl, file, { ...opts, runtimeRole: userOf(target.url) });

/** Every table with every row, in primary-key order, as text: two databases with equal snapshots hold the same data. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string; pk: string[] }>`
    select c.relname as name, array_agg(a.attname::text order by k.ord) as pk
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where i.indisprimary and n.nspname = 'public' and c.relname not like 'kysely_%'
    group by c.relname order by c.relname`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { name, pk } of tables.rows) {
    const order = sql.join(pk.map((c) => sql.ref(`x.${c}`)));
    const rows = await sql<{ row: string }>`select x::text as row from ${sql.table(name)} x order by ${order}`.execute(db);
    out[name] = rows.rows.map((r) => r.row);
  }
  return out;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tillit-backup-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: withDatabase(inject('databaseUrl'), 'postgres') });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('backup and restore', () => {
  it('restores an identical database: same rows, an intact audit chain, and sequences that continue', async () => {
    const { users, units, org } = await seedOrg(t.db, [{ role: 'admin' }, { role: 'auditor', unit: 'a' }]);
    const admin = await signIn(t.app, users.admin!.email);
    await admin.post('/api/v1/units', { parentId: units.b.id, name: 'Säkerhetskopierad – "citat", tab\toch ny\nrad', kind: 'unit' });
    await admin.post('/api/v1/users', { email: 'kopia@test.example', name: 'Kopia', role: 'auditor', unitId: units.a.id });
    await admin.post('/api/v1/api-tokens', { name: 'Integration', scope: 'read' });
    await admin.patch('/api/v1/organization', { name: 'Region Återställd' });

    const file = path.join(dir, 'full.tillit-backup');
    const backedUp = await backupDatabase(t.url, file);
    expect(backedUp.tables).toBeGreaterThanOrEqual(10);
    expect(await fs.readdir(dir)).toEqual(['full.tillit-backup']); // no .part left behind
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600); // it holds password hashes

    const target = await emptyDatabase();
    try {
      const restored = await restore(target, file, { force: false });
      expect(restored).toEqual(backedUp);
      expect(await snapshot(target.db)).toEqual(await snapshot(t.db));
      const migrations = (db: Db) =>
        db
          .selectFrom('kysely_migration' as never)
          .select('name' as never)
          .orderBy('name' as never)
          .execute();
      expect(await migrations(target.db)).toEqual(await migrations(t.db));

      expect(await verifyAuditChain(target.db, org.id)).toMatchObject({ ok: true, firstBrokenId: null });
      const highest = await target.db
        .selectFrom('audit_events')
        .select(sql<number>`max(id)`.as('id'))
        .executeTakeFirstOrThrow();
      await target.db
        .transaction()
        .execute((trx) => recordAudit(trx, systemActor(org.id), { action: 'update', entityType: 'organization', entityId: org.id }));
      const next = await target.db
        .selectFrom('audit_events')
        .select(sql<number>`max(id)`.as('id'))
        .executeTakeFirstOrThrow();
      expect(next.id).toBe(highest.id + 1);
      expect((await verifyAuditChain(target.db, org.id)).ok).toBe(true);
      // The restored log is append-only like the original, and the runtime role has its rights back.
      await expect(target.db.deleteFrom('audit_events').execute()).rejects.toThrow(/permission denied/);
      const owners = await sql<{
        owner: string;
      }>`select distinct pg_get_userbyid(relowner) as owner from pg_class where relnamespace = 'public'::regnamespace`.execute(target.db);
      expect(owners.rows).toEqual([{ owner: userOf(target.ownerUrl) }]);
      expect(await sql`select nspname from pg_namespace where nspname like 'tillit_restore_%'`.execute(target.db)).toMatchObject({
        rows: [],
      });
    } finally {
      await target.db.destroy();
    }
  });

  it('refuses to restore over data unless forced, and then replaces it all', async () => {
    await seedOrg(t.db, [{ role: 'admin' }]);
    const file = path.join(dir, 'second.tillit-backup');
    await backupDatabase(t.url, file);
    const target = await emptyDatabase();
    try {
      await restore(target, file, { force: false });
      await target.db.updateTable('units').set({ name: 'Ändrad efter återställning' }).execute();
      await expect(restore(target, file, { force: false })).rejects.toThrow(StartupError);
      await expect(restore(target, file, { force: false })).rejects.toThrow(/--force/);
      expect(await target.db.selectFrom('units').select('name').where('name', '=', 'Ändrad efter återställning').execute()).not.toEqual([]);
      await restore(target, file, { force: true });
      expect(await snapshot(target.db)).toEqual(await snapshot(t.db));
    } finally {
      await target.db.destroy();
    }
  });

  it('refuses a cut-short backup before touching the database, even with --force', async () => {
    await seedOrg(t.db, [{ role: 'admin' }]);
    const file = path.join(dir, 'cut.tillit-backup');
    await backupDatabase(t.url, file);
    const target = await emptyDatabase();
    try {
      await restore(target, file, { force: false });
      const before = await snapshot(target.db);
      const whole = await fs.readFile(file);
      await fs.writeFile(file, whole.subarray(0, whole.length - 40));
      await expect(restore(target, file, { force: true })).rejects.toThrow(StartupError);
      expect(await snapshot(target.db)).toEqual(before);
    } finally {
      await target.db.destroy();
    }
  });

  it('refuses a file that is missing or not a backup', async () => {
    const target = await emptyDatabase();
    await target.db.destroy();
    await expect(restore(target, path.join(dir, 'nothing-here'), { force: false })).rejects.toThrow(StartupError);
    const bogus = path.join(dir, 'bogus.tillit-backup');
    const { gzipSync } = await import('node:zlib');
    await fs.writeFile(bogus, gzipSync('{"format":"something-else/1"}\n'));
    await expect(restore(target, bogus, { force: false })).rejects.toThrow(/format/);
  });

  it('leaves the old data intact when a row of the backup cannot be loaded (atomic restore)', async () => {
    const { units } = await seedOrg(t.db, [{ role: 'admin' }]);
    const file = path.join(dir, 'good.tillit-backup');
    await backupDatabase(t.url, file);
    const target = await emptyDatabase();
    try {
      await restore(target, file, { force: false });
      const before = await snapshot(target.db);
      // A sub-unit whose parent does not exist: well-formed, so only the load's reference check can see it.
      const bad = path.join(dir, 'dangling.tillit-backup');
      await rewriteTable(file, bad, 'units', (line) => line.replace(units.root.id, '00000000-0000-4000-8000-000000000000'));
      const error = await restore(target, bad, { force: true }).catch((e: unknown) => e);
      expect(String(error)).toMatch(/foreign key|violates/);
      expect(await snapshot(target.db)).toEqual(before);
      expect(await sql`select nspname from pg_namespace where nspname like 'tillit_restore_%'`.execute(target.db)).toMatchObject({
        rows: [],
      });
    } finally {
      await target.db.destroy();
    }
  });

  it('refuses, before touching anything, a role that may not rebuild the schema', async () => {
    await seedOrg(t.db, [{ role: 'admin' }]);
    const file = path.join(dir, 'rights.tillit-backup');
    await backupDatabase(t.url, file);
    const target = await emptyDatabase();
    const role = `restorer_${randomBytes(4).toString('hex')}`;
    const su = new pg.Client({ connectionString: target.superuserUrl });
    await su.connect();
    try {
      await restore(target, file, { force: false });
      const before = await snapshot(target.db);
      await su.query(`CREATE ROLE ${role} LOGIN PASSWORD 'x-${role}'`);
      await su.query(`GRANT CONNECT ON DATABASE ${new URL(target.url).pathname.slice(1)} TO ${role}`);
      const url = new URL(target.ownerUrl);
      url.username = role;
      url.password = `x-${role}`;
      // Neither as a stranger nor as the runtime role (which owns nothing): a precise refusal, data untouched.
      for (const who of [url.toString(), target.url]) {
        const error = await restoreDatabase(who, file, { force: true }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StartupError);
        expect((error as Error).message).toMatch(/may not create schemas|does not own/);
        expect(await snapshot(target.db)).toEqual(before);
      }
    } finally {
      await su.query(`DROP OWNED BY ${role}`).catch(() => undefined);
      await su.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      await su.end();
      await target.db.destroy();
    }
  });
});

/** Copies a backup, changing each COPY line of one table (same byte length, so the headers stay right). */
async function rewriteTable(from: string, to: string, table: string, change: (line: string) => string) {
  const { gunzipSync, gzipSync } = await import('node:zlib');
  const data = gunzipSync(await fs.readFile(from));
  const parts: Buffer[] = [];
  let at = data.indexOf(10) + 1;
  parts.push(data.subarray(0, at));
  while (at < data.length) {
    const end = data.indexOf(10, at) + 1;
    const header = JSON.parse(data.subarray(at, end).toString()) as { table: string; bytes: number };
    let body = data.subarray(end, end + header.bytes);
    if (header.table === table) {
      const changed = Buffer.from(body.toString('utf8').split('\n').map(change).join('\n'));
      expect(changed.length).toBe(body.length);
      expect(changed.equals(body)).toBe(false);
      body = changed;
    }
    parts.push(data.subarray(at, end), body);
    at = end + header.bytes;
  }
  await fs.writeFile(to, gzipSync(Buffer.concat(parts)));
}
