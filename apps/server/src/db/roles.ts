import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/*
 * Two database roles (ADR 0011):
 * - the migration owner owns the schema and every table, runs migrations (and may create trusted
 *   extensions such as pg_trgm, as the database's owner);
 * - the runtime role, which the server uses for requests and jobs, owns nothing and may not change
 *   the schema; it has SELECT, INSERT, UPDATE and DELETE on the tables, except on the audit log and
 *   its checkpoints, where it may only add and read.
 * Embedded installations get both, plus a superuser for the cluster, with random passwords kept in
 * `<data folder>/db-credentials.json` (mode 0600). Installations on their own PostgreSQL create the
 * roles themselves (docs/deployment.md); `applyGrants` then gives the runtime role its rights.
 */

export interface RoleLogin {
  user: string;
  password: string;
}
export interface DbCredentials {
  superuser: RoleLogin;
  owner: RoleLogin;
  runtime: RoleLogin;
}

export const CREDENTIALS_FILE = 'db-credentials.json';
/** The password of earlier versions, fixed in the code: replaced at the first start of this one. */
export const LEGACY_SUPERUSER_PASSWORD = 'tillit-local';
/** Tables whose rows the application may add and read but never change or remove. */
export const APPEND_ONLY_TABLES = ['audit_events', 'audit_checkpoints'];

const newPassword = () => randomBytes(24).toString('base64url');

/** The installation's database logins; created (0600) on first use. */
export function loadOrCreateCredentials(dataDir: string): { credentials: DbCredentials; created: boolean } {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  const existing = readCredentials(dataDir);
  if (existing) return { credentials: existing, created: false };
  const credentials: DbCredentials = {
    superuser: { user: 'postgres', password: newPassword() },
    owner: { user: 'tillit_owner', password: newPassword() },
    runtime: { user: 'tillit_app', password: newPassword() },
  };
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return { credentials: readCredentials(dataDir)!, created: false };
  }
  return { credentials, created: true };
}

export function readCredentials(dataDir: string): DbCredentials | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, CREDENTIALS_FILE), 'utf8')) as DbCredentials;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export function loginUrl(login: RoleLogin, port: number, database: string, host = '127.0.0.1'): string {
  return `postgres://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@${host}:${port}/${encodeURIComponent(database)}`;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * As the cluster's superuser (embedded server, test server): creates or updates both roles, the
 * database owned by the migration owner, and hands the owner every object an earlier version created
 * as the superuser. `superuserUrl` names the maintenance database (`postgres`).
 */
export async function provisionRoles(superuserUrl: string, c: DbCredentials, database: string): Promise<void> {
  await withClient(superuserUrl, async (admin) => {
    for (const [login, attributes] of [
      [c.owner, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION'],
      [c.runtime, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOINHERIT'],
    ] as const) {
      const exists = await admin.query('select 1 from pg_roles where rolname = $1', [login.user]);
      await admin.query(
        `${exists.rowCount ? 'ALTER' : 'CREATE'} ROLE ${ident(login.user)} ${attributes} PASSWORD ${literal(login.password)}`,
      );
    }
    const db = await admin.query<{ owner: string }>('select pg_get_userbyid(datdba) as owner from pg_database where datname = $1', [
      database,
    ]);
    if (!db.rowCount) await admin.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(c.owner.user)}`);
    else if (db.rows[0]!.owner !== c.owner.user) await admin.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(c.owner.user)}`);
    // Only the two roles (and the superuser) may connect; temporary tables are DDL the runtime role does not need.
    await admin.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(c.runtime.user)}`);
  });
  const url = new URL(superuserUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  await withClient(url.toString(), (conn) => takeOwnership(conn, c.owner.user));
}

/** Gives the owner the schema and every table, view, sequence and function of it not yet its own. */
async function takeOwnership(conn: pg.Client, owner: string) {
  await conn.query(`ALTER SCHEMA public OWNER TO ${ident(owner)}`);
  const relations = await conn.query<{ kind: string; name: string }>(
    `select c.relkind::text as kind, c.relname as name from pg_class c
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r','p','v','m','f') and pg_get_userbyid(c.relowner) <> $1`,
    [owner],
  );
  for (const r of relations.rows) {
    const what = r.kind === 'v' ? 'VIEW' : r.kind === 'm' ? 'MATERIALIZED VIEW' : r.kind === 'f' ? 'FOREIGN TABLE' : 'TABLE';
    await conn.query(`ALTER ${what} public.${ident(r.name)} OWNER TO ${ident(owner)}`);
  }
  // Sequences of serial columns moved with their tables; the rest now.
  const sequences = await conn.query<{ name: string }>(
    `select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'S' and pg_get_userbyid(c.relowner) <> $1`,
    [owner],
  );
  for (const s of sequences.rows) await conn.query(`ALTER SEQUENCE public.${ident(s.name)} OWNER TO ${ident(owner)}`);
  // Functions of extensions belong to the extension and stay as they are.
  const functions = await conn.query<{ sig: string }>(
    `select p.oid::regprocedure::text as sig from pg_proc p
     where p.pronamespace = 'public'::regnamespace and pg_get_userbyid(p.proowner) <> $1
       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')`,
    [owner],
  );
  for (const f of functions.rows) await conn.query(`ALTER ROUTINE ${f.sig} OWNER TO ${ident(owner)}`);
  const types = await conn.query<{ name: string }>(
    `select t.typname as name from pg_type t where t.typnamespace = 'public'::regnamespace and t.typtype in ('e','d','c')
       and pg_get_userbyid(t.typowner) <> $1 and not exists (select 1 from pg_class c where c.reltype = t.oid)
       and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')`,
    [owner],
  );
  for (const t of types.rows) await conn.query(`ALTER TYPE public.${ident(t.name)} OWNER TO ${ident(owner)}`);
}

/**
 * As the migration owner, after migrating: the runtime role's rights on what exists, and default
 * privileges so that tables and sequences the owner creates later (in any migration, by anyone) are
 * usable without each migration granting them. The append-only tables lose UPDATE, DELETE and
 * TRUNCATE again after every run. Idempotent; `schema` is `public` except while a restore loads.
 */
export async function applyGrants(conn: { query(text: string): Promise<unknown> }, runtimeRole: string, schema = 'public'): Promise<void> {
  const role = ident(runtimeRole);
  const s = ident(schema);
  await conn.query(`GRANT USAGE ON SCHEMA ${s} TO ${role}`);
  await conn.query(`REVOKE CREATE ON SCHEMA ${s} FROM ${role}`);
  await conn.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${role}`);
  await conn.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${role}`);
  // Not bound to a schema: survives the schema swap of a restore.
  await conn.query(`ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
  await conn.query(`ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
  for (const t of APPEND_ONLY_TABLES) {
    await conn.query(
      `DO $$ BEGIN IF to_regclass(${literal(`${schema}.${t}`)}) IS NOT NULL THEN
         REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${s}.${ident(t)} FROM ${role};
       END IF; END $$`,
    );
  }
  // The migration bookkeeping: readable (start checks that nothing is pending), never writable.
  for (const t of ['kysely_migration', 'kysely_migration_lock']) {
    await conn.query(
      `DO $$ BEGIN IF to_regclass(${literal(`${schema}.${t}`)}) IS NOT NULL THEN
         REVOKE ALL ON ${s}.${ident(t)} FROM ${role}; GRANT SELECT ON ${s}.${ident(t)} TO ${role};
       END IF; END $$`,
    );
  }
}

/** The user name a connection string logs in as. */
export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}
