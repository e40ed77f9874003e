import fs from 'node:fs';
import os from 'node:os';

/*
 * Memory settings of the embedded PostgreSQL, from the memory this machine (or its container) has:
 * PostgreSQL's defaults (shared_buffers 128 MB, work_mem 4 MB) are sized for a tiny machine and make
 * Region Stor's sorts spill to disk. The rules follow the usual guidance for a server that shares the
 * machine with its application:
 *   shared_buffers        25 % of memory, 128 MB … 4 GB
 *   effective_cache_size  50 % of memory
 *   work_mem              memory / 200 (per sort, ~40 connections doing two at once), 4 MB … 64 MB
 *   maintenance_work_mem  memory / 16, 64 MB … 1 GB
 * TILLIT_PG_MEMORY_MB sets the memory to size from; TILLIT_PG_SETTINGS (`name=value,name=value`)
 * overrides any setting, these included (docs/deployment.md).
 */

const MB = 1024 * 1024;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The memory available: the machine's, or the container's limit when lower (cgroup v2 or v1). */
export function availableMemoryBytes(): number {
  let limit = os.totalmem();
  for (const file of ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']) {
    const text = readOrNull(file)?.trim();
    const n = text && /^\d+$/.test(text) ? Number(text) : NaN;
    if (Number.isFinite(n) && n > 0) limit = Math.min(limit, n);
  }
  return limit;
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function memorySettings(memoryBytes: number): Record<string, string> {
  const mb = (bytes: number) => `${Math.floor(bytes / MB)}MB`;
  return {
    shared_buffers: mb(clamp(memoryBytes * 0.25, 128 * MB, 4096 * MB)),
    effective_cache_size: mb(Math.max(memoryBytes * 0.5, 256 * MB)),
    work_mem: mb(clamp(memoryBytes / 200, 4 * MB, 64 * MB)),
    maintenance_work_mem: mb(clamp(memoryBytes / 16, 64 * MB, 1024 * MB)),
  };
}

/** `name=value,name=value` → settings; names are checked, values left to PostgreSQL (which refuses bad ones at start). */
export function parseSettings(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(',')) {
    if (!part.trim()) continue;
    const m = /^\s*([a-z_][a-z0-9_.]*)\s*=\s*(.+?)\s*$/i.exec(part);
    if (!m) throw new Error(`"${part.trim()}" is not name=value`);
    out[m[1]!] = m[2]!;
  }
  return out;
}

export interface TuningOptions {
  memoryMb?: number | undefined;
  settings?: Record<string, string> | undefined;
}

/** Every setting the embedded server starts with, as `-c name=value` flags. */
export function postgresFlags(opts: TuningOptions = {}): string[] {
  const memory = opts.memoryMb ? opts.memoryMb * MB : availableMemoryBytes();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    max_connections: '200',
    ...memorySettings(memory),
    ...opts.settings,
  };
  return Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}
