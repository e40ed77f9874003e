import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distMain, ensureServerBuild } from '../../../../scripts/server-build.mjs';

/** Starting and stopping a real Tillit server process, as an operator would (`tillit start`). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
// The compiled server, as `npm start` runs it (built here when the sources changed).
await ensureServerBuild({ quiet: true });

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** The last lines the process wrote, for failure messages (quoted, so its stack traces are not taken for ours). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ServerOptions {
  dataDir: string;
  port: number;
  dbPort: number;
  env?: Record<string, string>;
  /** Extra node options before the script, e.g. the bench's statement capture (`--import …/capture-hook.mjs`). */
  nodeArgs?: string[];
}

/** Runs `tillit start` in its own node process (the compiled CLI, so the pid is the server's). */
export function spawnServer(opts: ServerOptions, args: string[] = ['start']): ServerProcess {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), distMain, ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      TILLIT_DATA_DIR: opts.dataDir,
      TILLIT_DB_PORT: String(opts.dbPort),
      TILLIT_LOG_LEVEL: 'warn',
      TILLIT_DEMO: 'false',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    pid: child.pid!,
    baseUrl: `http://127.0.0.1:${opts.port}`,
    output: () => lines.map((l) => `  | ${l}`).join('\n'),
    exited,
  };
}

/** Polls /readyz until it answers 200; returns the milliseconds since `since`. */
export async function waitReady(server: ServerProcess, since: number, timeoutMs = 90_000): Promise<number> {
  let dead = false;
  void server.exited.then(() => (dead = true));
  while (performance.now() - since < timeoutMs) {
    if (dead) throw new Error(`the server exited before it was ready:\n${server.output()}`);
    try {
      const r = await fetch(`${server.baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the server was not ready after ${timeoutMs} ms:\n${server.output()}`);
}

/** A clean stop (SIGTERM); SIGKILL if it has not exited in time. */
export async function stopServer(
  server: ServerProcess,
  timeoutMs = 30_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; forced: boolean }> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return { ...(await server.exited), forced: false };
  server.child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
  const first = await Promise.race([server.exited, timer]);
  if (first !== 'timeout') return { ...first, forced: false };
  server.child.kill('SIGKILL');
  return { ...(await server.exited), forced: true };
}

/** Current and peak resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** The embedded PostgreSQL's postmaster pid, from its lock file. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
