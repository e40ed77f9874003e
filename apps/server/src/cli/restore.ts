import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import type { DB } from '../db/types.js';
import { createDb } from '../db/database.js';
import { migrateToLatest, FolderProvider } from '../db/migrate.js';
import { StartupError } from '../db/embedded.js';
import { applyGrants } from '../db/roles.js';
import { JOB_SCHEMA } from '../platform/jobs/queue.js';
import { verifyAuditChain } from '../platform/audit/verify.js';
import { BackupReader, checkBackup, type Manifest } from './backup-file.js';
import { ident } from './backup.js';

/*
 * Restore is atomic (ADR 0003): the backup is loaded into a new schema beside `public`, checked
 * there (every foreign key validated, every organisation's audit chain verified), and only then, in
 * one transaction, Tillit's objects in `public` are replaced by the loaded ones. Anything that fails
 * before the swap leaves the database exactly as it was. It runs as the migration owner (no
 * superuser needed), so what it creates has the right owner; the permissions it needs are checked
 * before anything is touched.
 */

const refuse = (sv: string, en: string) => new StartupError(`${sv} / ${en}`);

interface Preflight {
  hasData: boolean;
}

/** What the restoring role must be allowed, checked before anything changes. */
async function preflight(c: pg.Client): Promise<Preflight> {
  const who = await c.query<{ user: string; su: boolean; create: boolean }>(
    `select current_user as user, (select rolsuper from pg_roles where rolname = current_user) as su,
            has_database_privilege(current_database(), 'CREATE') as create`,
  );
  const { user, su, create } = who.rows[0]!;
  if (!su && !create) {
    throw refuse(
      `Rollen ${user} får inte skapa scheman i databasen; återställ som migreringsägaren (TILLIT_OWNER_DATABASE_URL)`,
      `the role ${user} may not create schemas in this database; restore as the migration owner (TILLIT_OWNER_DATABASE_URL)`,
    );
  }
  const foreign = await c.query<{ name: string; owner: string }>(
    `select c.relname as name, pg_get_userbyid(c.relowner) as owner from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r','p','v','m','S')
       and not pg_has_role(current_user, c.relowner, 'USAGE')
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
     limit 5`,
  );
  if (foreign.rowCount) {
    const list = foreign.rows.map((r) => `${r.name} (${r.owner})`).join(', ');
    throw refuse(
      `Rollen ${user} äger inte ${list}; återställ som deras ägare`,
      `the role ${user} does not own ${list}; restore as their owner`,
    );
  }
  const publicSchema = await c.query<{ usable: boolean }>(`select has_schema_privilege('public', 'CREATE') as usable`);
  if (!publicSchema.rows[0]?.usable) {
    throw refuse(`Rollen ${user} får inte skapa något i schemat public`, `the role ${user} may not create objects in schema public`);
  }
  const hasData = await c.query(`select 1 from pg_class where relnamespace = 'public'::regnamespace and relname = 'organizations'`);
  return { hasData: Boolean(hasData.rowCount) };
}

/** A Kysely instance whose every connection resolves unqualified names in `schema` first. */
function dbIn(url: string, schema: string): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema},public` });
  pool.on('error', () => undefined);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export async function restoreDatabase(
  url: string,
  file: string,
  opts: { force: boolean; runtimeRole?: string | null },
): Promise<{ tables: number; rows: number }> {
  const manifest = await checkBackup(file);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const schema = `tillit_restore_${randomBytes(4).toString('hex')}`;
  let rows: number;
  try {
    const { hasData } = await preflight(client);
    if (hasData && !opts.force) {
      const orgs = await client.query<{ n: number }>('select count(*)::int as n from organizations');
      if (orgs.rows[0]!.n > 0) {
        throw refuse(
          'Databasen innehåller redan data. Använd --force för att ersätta allt',
          'the database already holds data; use --force to replace it',
        );
      }
    }
    await client.query(`CREATE SCHEMA ${ident(schema)}`);
    // The job queue's schema is named, not built in the restore schema: set the old one aside while the
    // backup's migrations build a new one (waiting jobs are not part of a backup, ADR 0009).
    const jobsAside = `${JOB_SCHEMA}_before_${schema}`;
    const hadJobs = (await client.query('select 1 from pg_namespace where nspname = $1', [JOB_SCHEMA])).rowCount;
    if (hadJobs) await client.query(`ALTER SCHEMA ${ident(JOB_SCHEMA)} RENAME TO ${ident(jobsAside)}`);
    try {
      await buildSchema(url, schema, manifest);
      // Extensions the migrations created (restoring into an empty database) belong in public, where
      // the objects of a trusted extension cannot be moved later by a non-superuser: create them
      // there and build the schema again (the migrations' CREATE EXTENSION IF NOT EXISTS then finds them).
      const extensions = await client.query<{ n: string }>('select extname as n from pg_extension where extnamespace = $1::regnamespace', [
        schema,
      ]);
      if (extensions.rowCount) {
        await client.query(`DROP SCHEMA ${ident(schema)} CASCADE`);
        // The first build made a job schema too (the old one, if any, is set aside under another name).
        await client.query(`DROP SCHEMA IF EXISTS ${ident(JOB_SCHEMA)} CASCADE`);
        for (const x of extensions.rows) await client.query(`CREATE EXTENSION IF NOT EXISTS ${ident(x.n)} SCHEMA public`);
        await client.query(`CREATE SCHEMA ${ident(schema)}`);
        await buildSchema(url, schema, manifest);
      }
      rows = await load(client, schema, file, manifest);
      await verifyLoaded(url, schema);
      await swap(client, schema);
      if (hadJobs) await client.query(`DROP SCHEMA ${ident(jobsAside)} CASCADE`);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`).catch(() => undefined);
      if (hadJobs) {
        await client.query(`DROP SCHEMA IF EXISTS ${ident(JOB_SCHEMA)} CASCADE`).catch(() => undefined);
        await client.query(`ALTER SCHEMA ${ident(jobsAside)} RENAME TO ${ident(JOB_SCHEMA)}`).catch(() => undefined);
      }
      throw e;
    }
  } finally {
    await client.end();
  }
  // Migrations newer than the backup, then the runtime role's rights on what was restored.
  const db = createDb(url, { max: 2, statementTimeoutMs: 0 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  if (opts.runtimeRole) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('BEGIN');
      await applyGrants(c, opts.runtimeRole);
      await applyGrants(c, opts.runtimeRole, JOB_SCHEMA);
      await c.query('COMMIT');
    } finally {
      await c.end();
    }
  }
  return { tables: manifest.tables.length, rows };
}

/** The schema as it was when the backup was taken: migrations up to the backup's last, in `schema`. */
async function buildSchema(url: string, schema: string, manifest: Manifest) {
  const target = manifest.migrations.at(-1);
  if (!target) return;
  const db = dbIn(url, schema);
  try {
    const { error } = await new Migrator({ db, provider: new FolderProvider(), migrationTableSchema: schema }).migrateTo(target);
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}

/**
 * Streams every table in, in one transaction. Foreign keys are dropped for the load and added again
 * afterwards, which checks every reference (tables load in name order, not dependency order, and a
 * non-superuser cannot switch the checks off); the owner's own triggers are off meanwhile.
 */
async function load(c: pg.Client, schema: string, file: string, manifest: Manifest): Promise<number> {
  const s = ident(schema);
  let rows = 0;
  const reader = new BackupReader(file);
  try {
    await reader.manifest();
    await c.query('BEGIN');
    const fks = await c.query<{ table: string; name: string; def: string }>(
      `select cl.relname as table, co.conname as name, pg_get_constraintdef(co.oid) as def
       from pg_constraint co join pg_class cl on cl.oid = co.conrelid
       where co.contype = 'f' and cl.relnamespace = $1::regnamespace`,
      [schema],
    );
    for (const fk of fks.rows) await c.query(`ALTER TABLE ${s}.${ident(fk.table)} DROP CONSTRAINT ${ident(fk.name)}`);
    for (const t of manifest.tables) await c.query(`ALTER TABLE ${s}.${ident(t.name)} DISABLE TRIGGER USER`);
    for (const t of manifest.tables) {
      const { bytes } = await reader.header(t.name);
      const stream = c.query(copyFrom(`COPY ${s}.${ident(t.name)} (${t.columns.map(ident).join(',')}) FROM STDIN`));
      await pipeline(Readable.from(reader.bytes(bytes), { objectMode: false }), stream);
      rows += stream.rowCount ?? 0;
    }
    for (const t of manifest.tables) await c.query(`ALTER TABLE ${s}.${ident(t.name)} ENABLE TRIGGER USER`);
    // search_path so that definitions naming other tables resolve inside the new schema.
    await c.query(`SET LOCAL search_path = ${s}, public`);
    for (const fk of fks.rows) await c.query(`ALTER TABLE ${s}.${ident(fk.table)} ADD CONSTRAINT ${ident(fk.name)} ${fk.def}`);
    // Serial columns continue after the highest restored id.
    const seqs = await c.query<{ table_name: string; column_name: string; seq: string }>(
      `select c.table_name, c.column_name, pg_get_serial_sequence(quote_ident($1) || '.' || quote_ident(c.table_name), c.column_name) as seq
       from information_schema.columns c
       where c.table_schema = $1 and pg_get_serial_sequence(quote_ident($1) || '.' || quote_ident(c.table_name), c.column_name) is not null`,
      [schema],
    );
    for (const q of seqs.rows) {
      await c.query(`select setval($1, coalesce((select max(${ident(q.column_name)}) from ${s}.${ident(q.table_name)}), 0) + 1, false)`, [
        q.seq,
      ]);
    }
    await c.query('COMMIT');
    return rows;
  } finally {
    reader.close();
  }
}

/** Every organisation's audit chain must verify in the loaded copy, before it replaces anything. */
async function verifyLoaded(url: string, schema: string) {
  const db = dbIn(url, schema);
  try {
    const orgs = await db.selectFrom('organizations').select('id').execute();
    for (const o of orgs) {
      const r = await verifyAuditChain(db, o.id);
      if (!r.ok) {
        throw refuse(
          `Granskningsloggen i säkerhetskopian är bruten vid händelse ${r.firstBrokenId} (eller är nyckeln en annan än installationens?); inget har ändrats`,
          `the backup's audit chain is broken at event ${r.firstBrokenId} (or was it made with another audit key?); nothing was changed`,
        );
      }
    }
  } finally {
    await db.destroy();
  }
}

/** One transaction: Tillit's objects in `public` go, the loaded ones move in; extensions stay where they are. */
async function swap(c: pg.Client, schema: string) {
  const s = ident(schema);
  const notExtension = (cls: string, alias: string) =>
    `not exists (select 1 from pg_depend d where d.classid = '${cls}'::regclass and d.objid = ${alias}.oid and d.deptype = 'e')`;
  const objects = async (ns: string) => ({
    tables: (
      await c.query<{ n: string }>(
        `select c.relname as n from pg_class c where c.relnamespace = $1::regnamespace and c.relkind in ('r','p') and ${notExtension('pg_class', 'c')}`,
        [ns],
      )
    ).rows.map((r) => r.n),
    views: (
      await c.query<{ n: string; k: string }>(
        `select c.relname as n, c.relkind::text as k from pg_class c where c.relnamespace = $1::regnamespace and c.relkind in ('v','m') and ${notExtension('pg_class', 'c')}`,
        [ns],
      )
    ).rows,
    sequences: (
      await c.query<{ n: string }>(
        `select c.relname as n from pg_class c where c.relnamespace = $1::regnamespace and c.relkind = 'S' and ${notExtension('pg_class', 'c')}
           and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a','i'))`,
        [ns],
      )
    ).rows.map((r) => r.n),
    functions: (
      await c.query<{ n: string }>(
        `select p.oid::regprocedure::text as n from pg_proc p where p.pronamespace = $1::regnamespace and ${notExtension('pg_proc', 'p')}`,
        [ns],
      )
    ).rows.map((r) => r.n),
    types: (
      await c.query<{ n: string }>(
        `select t.typname as n from pg_type t where t.typnamespace = $1::regnamespace and t.typtype in ('e','d','c') and ${notExtension('pg_type', 't')}
           and not exists (select 1 from pg_class c where c.reltype = t.oid)`,
        [ns],
      )
    ).rows.map((r) => r.n),
  });
  await c.query('BEGIN');
  const old = await objects('public');
  for (const v of old.views) await c.query(`DROP ${v.k === 'm' ? 'MATERIALIZED VIEW' : 'VIEW'} IF EXISTS public.${ident(v.n)} CASCADE`);
  if (old.tables.length) await c.query(`DROP TABLE ${old.tables.map((t) => `public.${ident(t)}`).join(', ')} CASCADE`);
  for (const q of old.sequences) await c.query(`DROP SEQUENCE IF EXISTS public.${ident(q)} CASCADE`);
  for (const f of old.functions) await c.query(`DROP ROUTINE IF EXISTS ${f.startsWith('public.') ? f : `public.${f}`} CASCADE`);
  for (const t of old.types) await c.query(`DROP TYPE IF EXISTS public.${ident(t)} CASCADE`);
  const loaded = await objects(schema);
  for (const t of loaded.types) await c.query(`ALTER TYPE ${s}.${ident(t)} SET SCHEMA public`);
  for (const f of loaded.functions)
    await c.query(`ALTER ROUTINE ${f.startsWith(`${schema}.`) || f.startsWith(`${s}.`) ? f : `${s}.${f}`} SET SCHEMA public`);
  for (const t of loaded.tables) await c.query(`ALTER TABLE ${s}.${ident(t)} SET SCHEMA public`);
  for (const q of loaded.sequences) await c.query(`ALTER SEQUENCE ${s}.${ident(q)} SET SCHEMA public`);
  for (const v of loaded.views) await c.query(`ALTER ${v.k === 'm' ? 'MATERIALIZED VIEW' : 'VIEW'} ${s}.${ident(v.n)} SET SCHEMA public`);
  await c.query(`DROP SCHEMA ${s}`);
  await c.query('COMMIT');
}
