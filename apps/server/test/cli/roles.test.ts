import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startEmbeddedPostgres, StartupError } from '../../src/db/embedded.js';
import { CREDENTIALS_FILE, LEGACY_SUPERUSER_PASSWORD, readCredentials, userOf } from '../../src/db/roles.js';
import { memorySettings, postgresFlags } from '../../src/db/tuning.js';
import { openDatabase } from '../../src/server.js';
import { withDatabase } from '../setup/global.js';
import { createTestDatabase } from '../helpers/db.js';

const log = pino({ level: 'silent' });
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function as<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const refusal = (c: pg.Client, text: string) =>
  c.query(text).then(
    () => 'allowed',
    (e: Error) => e.message,
  );

describe('the runtime role', () => {
  it('owns nothing, changes no schema, runs no programs, and only adds to the audit log', async () => {
    await as(database.url, async (c) => {
      expect((await c.query('select rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user')).rows[0]).toEqual({
        rolsuper: false,
        rolcreatedb: false,
        rolcreaterole: false,
      });
      expect(
        (
          await c.query(
            `select count(*)::int as n from pg_class where relnamespace = 'public'::regnamespace and pg_get_userbyid(relowner) = current_user`,
          )
        ).rows[0].n,
      ).toBe(0);
      expect(await refusal(c, 'CREATE TABLE intruder (id int)')).toMatch(/permission denied for schema public/);
      expect(await refusal(c, 'ALTER TABLE units ADD COLUMN x int')).toMatch(/must be owner/);
      expect(await refusal(c, 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update')).toMatch(/must be owner/);
      expect(await refusal(c, 'DROP TABLE audit_events')).toMatch(/must be owner/);
      expect(await refusal(c, "COPY (select 1) TO PROGRAM 'true'")).toMatch(
        /permission denied|must be superuser|pg_execute_server_program/,
      );
      expect(await refusal(c, 'UPDATE audit_events SET actor_name = actor_name')).toMatch(/permission denied/);
      expect(await refusal(c, 'DELETE FROM audit_checkpoints')).toMatch(/permission denied/);
      expect(await refusal(c, 'UPDATE audit_checkpoints SET hash = hash')).toMatch(/permission denied/);
      expect(await refusal(c, "INSERT INTO kysely_migration (name, timestamp) VALUES ('x', 'y')")).toMatch(/permission denied/);
      expect(await refusal(c, 'SELECT count(*) FROM audit_events')).toBe('allowed');
    });
  });

  it('may use tables a later migration creates, without the migration granting anything; the owner may add trusted extensions', async () => {
    await as(database.ownerUrl, async (c) => {
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await c.query('CREATE TABLE later_module_things (id bigserial PRIMARY KEY, name text NOT NULL)');
      await c.query('CREATE INDEX later_module_things_name ON later_module_things USING gin (name gin_trgm_ops)');
    });
    await as(database.url, async (c) => {
      await c.query("INSERT INTO later_module_things (name) VALUES ('ny modul')");
      expect((await c.query("SELECT name FROM later_module_things WHERE name LIKE '%modul%'")).rows).toEqual([{ name: 'ny modul' }]);
      await c.query("UPDATE later_module_things SET name = 'ändrad'");
      await c.query('DELETE FROM later_module_things');
      expect(await refusal(c, 'DROP TABLE later_module_things')).toMatch(/must be owner/);
    });
  });
});

describe('two roles with DATABASE_URL', () => {
  async function freshDatabase() {
    const name = `two_${randomBytes(5).toString('hex')}`;
    await as(withDatabase(inject('databaseUrl'), 'postgres'), (c) =>
      c.query(`CREATE DATABASE ${name} OWNER "${userOf(inject('ownerDatabaseUrl'))}"`),
    );
    return {
      name,
      runtime: withDatabase(inject('runtimeDatabaseUrl'), name),
      owner: withDatabase(inject('ownerDatabaseUrl'), name),
      drop: () => as(withDatabase(inject('databaseUrl'), 'postgres'), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    };
  }
  const config = (env: Record<string, string>) =>
    loadConfig({ TILLIT_LOG_LEVEL: 'silent', TILLIT_AUDIT_KEY: inject('auditKey'), ...env } as NodeJS.ProcessEnv);

  it('migrates as the owner and serves as the runtime role; with the runtime URL alone it refuses to half-migrate', async () => {
    const d = await freshDatabase();
    try {
      const alone = await openDatabase(config({ DATABASE_URL: d.runtime }), log).catch((e: unknown) => e);
      expect(alone).toBeInstanceOf(StartupError);
      expect((alone as Error).message).toMatch(/TILLIT_OWNER_DATABASE_URL/);

      const opened = await openDatabase(config({ DATABASE_URL: d.runtime, TILLIT_OWNER_DATABASE_URL: d.owner }), log);
      try {
        await as(d.runtime, async (c) => {
          expect((await c.query('select current_user as u')).rows[0].u).toBe(userOf(d.runtime));
          expect(await refusal(c, 'SELECT count(*) FROM organizations')).toBe('allowed');
          expect(await refusal(c, 'UPDATE audit_events SET actor_name = actor_name')).toMatch(/permission denied/);
        });
        const owners = await as(d.owner, (c) =>
          c.query(`select distinct pg_get_userbyid(relowner) as o from pg_class where relnamespace = 'public'::regnamespace`),
        );
        expect(owners.rows).toEqual([{ o: userOf(d.owner) }]);
      } finally {
        await opened.close();
      }
      // Migrated now: the runtime URL alone starts.
      const again = await openDatabase(config({ DATABASE_URL: d.runtime }), log);
      await again.close();
    } finally {
      await d.drop();
    }
  });
});

describe('the embedded PostgreSQL', () => {
  it('has a random superuser password per installation (0600), replaces the old fixed one, and runs with memory settings for its machine', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tillit-roles-'));
    const { freePort } = await import('../helpers/ports.js');
    const port = await freePort();
    let embedded = await startEmbeddedPostgres(dir, port, log, { tuning: { memoryMb: 2048, settings: { work_mem: '7MB' } } });
    try {
      const file = path.join(dir, CREDENTIALS_FILE);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
      const first = readCredentials(dir)!;
      expect(first.superuser.password).not.toBe(LEGACY_SUPERUSER_PASSWORD);
      expect(first.superuser.password.length).toBeGreaterThanOrEqual(24);
      const legacy = new URL(embedded.superuserUrl);
      legacy.password = LEGACY_SUPERUSER_PASSWORD;
      await expect(as(legacy.toString(), (c) => c.query('select 1'))).rejects.toThrow(/password authentication failed/);
      await as(embedded.superuserUrl, async (c) => {
        expect((await c.query('show shared_buffers')).rows[0].shared_buffers).toBe('512MB');
        expect((await c.query('show work_mem')).rows[0].work_mem).toBe('7MB');
        expect((await c.query('show maintenance_work_mem')).rows[0].maintenance_work_mem).toBe('128MB');
        // What an installation of the earlier version looks like: the fixed password, no credentials file.
        await c.query(`ALTER ROLE postgres PASSWORD '${LEGACY_SUPERUSER_PASSWORD}'`);
      });
      await embedded.stop();
      await fs.rm(file);
      embedded = await startEmbeddedPostgres(dir, port, log);
      const second = readCredentials(dir)!;
      expect(second.superuser.password).not.toBe(first.superuser.password);
      await as(embedded.superuserUrl, (c) => c.query('select 1'));
      await expect(as(legacy.toString(), (c) => c.query('select 1'))).rejects.toThrow(/password authentication failed/);
      await as(embedded.url, async (c) => expect((await c.query('select current_user as u')).rows[0].u).toBe('tillit_app'));
    } finally {
      await embedded.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('sizes memory from the machine, within bounds', () => {
    expect(memorySettings(24 * 1024 ** 3)).toEqual({
      shared_buffers: '4096MB',
      effective_cache_size: '12288MB',
      work_mem: '64MB',
      maintenance_work_mem: '1024MB',
    });
    expect(memorySettings(2 * 1024 ** 3)).toEqual({
      shared_buffers: '512MB',
      effective_cache_size: '1024MB',
      work_mem: '10MB',
      maintenance_work_mem: '128MB',
    });
    expect(memorySettings(256 * 1024 ** 2)).toEqual({
      shared_buffers: '128MB',
      effective_cache_size: '256MB',
      work_mem: '4MB',
      maintenance_work_mem: '64MB',
    });
    expect(postgresFlags({ memoryMb: 1024, settings: { work_mem: '9MB' } })).toEqual(
      expect.arrayContaining(['-c', 'work_mem=9MB', 'listen_addresses=127.0.0.1']),
    );
    expect(() => loadConfig({ TILLIT_PG_SETTINGS: 'work_mem' } as NodeJS.ProcessEnv)).toThrow(/TILLIT_PG_SETTINGS/);
    expect(() => loadConfig({ TILLIT_AUDIT_KEY: 'short' } as NodeJS.ProcessEnv)).toThrow(/TILLIT_AUDIT_KEY/);
  });
});
