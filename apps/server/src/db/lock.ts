import fs from 'node:fs/promises';
import path from 'node:path';

/*
 * Who runs the embedded PostgreSQL of a data folder. PostgreSQL's own `pg/postmaster.pid` names the
 * server and its port; `tillit.lock` names the Tillit process that started it. Command-line tools
 * (backup, audit verify, …) connect to a running server instead of stopping it; a second server on
 * the same folder is refused while the first lives; a server whose Tillit died (kill -9) is an orphan,
 * stopped by the next start.
 */

export const LOCK_FILE = 'tillit.lock';

export interface ServerLock {
  pid: number;
  dbPort: number;
  startedAt?: string;
}

export async function writeServerLock(dataDir: string, lock: ServerLock): Promise<void> {
  const file = path.join(dataDir, LOCK_FILE);
  await fs.writeFile(`${file}.tmp`, JSON.stringify({ ...lock, startedAt: new Date().toISOString() }) + '\n', { mode: 0o600 });
  await fs.rename(`${file}.tmp`, file);
}

export async function readServerLock(dataDir: string): Promise<ServerLock | null> {
  const text = await fs.readFile(path.join(dataDir, LOCK_FILE), 'utf8').catch(() => null);
  if (!text) return null;
  try {
    const v = JSON.parse(text) as ServerLock;
    return Number.isInteger(v.pid) && Number.isInteger(v.dbPort) ? v : null;
  } catch {
    return null;
  }
}

/** Removes the lock if this process still holds it. */
export async function removeServerLock(dataDir: string, pid: number): Promise<void> {
  const lock = await readServerLock(dataDir);
  if (lock?.pid === pid) await fs.rm(path.join(dataDir, LOCK_FILE), { force: true });
}

/**
 * The live PostgreSQL server on `pgDir`, from its postmaster.pid (line 1 the process id, line 4 the
 * port). A lock file whose process id now belongs to another program (ids are reused after a reboot)
 * is stale and removed, because PostgreSQL itself would refuse to start while that id is alive.
 */
export async function runningPostmaster(pgDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (!content) return null;
  const lines = content.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !(await processAlive(pid))) return null;
  if ((await processAlive(pid, 'postgres')) === false) {
    await fs.rm(pidFile, { force: true });
    return null;
  }
  return { pid, port };
}

/**
 * Whether a process lives; with `program`, whether it also is that program (by /proc; where /proc
 * cannot tell, a live process counts).
 */
export async function processAlive(pid: number, program?: 'postgres' | 'node'): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: alive, but another user's.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!program) return true;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  if (cmdline === null) return true;
  return program === 'postgres'
    ? /(^|\/)postgres(\0|$)/.test(cmdline) || cmdline.startsWith('postgres:')
    : /(^|\/)node(\0|$)/.test(cmdline.split('\0')[0] ?? '') || cmdline.includes('tillit') || cmdline.includes('vitest');
}
