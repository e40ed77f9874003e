import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { StartupError } from '../db/embedded.js';

/**
 * The file format of `tillit backup` and an incremental reader for it, so that a restore never holds
 * more than a few chunks in memory, whatever the size of the backup:
 * gzip( manifest line (JSON) + for each table: header line (JSON with byte length) + COPY text data ).
 */
export const FORMAT = 'tillit-backup/1';

export interface Manifest {
  format: string;
  createdAt: string;
  migrations: string[];
  tables: { name: string; columns: string[] }[];
}

export interface TableHeader {
  table: string;
  bytes: number;
}

/** Header lines are short; a manifest lists tables and columns. Anything longer is not a backup. */
const MAX_LINE = 16 * 1024 * 1024;

const unreadable = (why: string) =>
  new StartupError(`Filen är ingen läsbar säkerhetskopia från Tillit (${why}). / The file is not a readable Tillit backup (${why}).`);

/** Reads the decompressed backup front to back: lines for the JSON parts, exact byte runs for the COPY data. */
export class BackupReader {
  private pending: Buffer = Buffer.alloc(0);
  private readonly source: fs.ReadStream;
  private readonly gunzip = createGunzip({ chunkSize: 64 * 1024 });
  private readonly chunks: AsyncIterator<Buffer>;

  constructor(file: string) {
    if (!fs.existsSync(file)) throw new StartupError(`Filen finns inte: ${file}`);
    this.source = fs.createReadStream(file);
    this.source.on('error', (e) => this.gunzip.destroy(e));
    this.source.pipe(this.gunzip);
    this.chunks = this.gunzip[Symbol.asyncIterator]();
  }

  private async next(): Promise<Buffer | null> {
    try {
      const r = await this.chunks.next();
      return r.done ? null : (r.value as Buffer);
    } catch (e) {
      // zlib's errors (not gzip, truncated, bad checksum) carry a Z_ code; a missing file an errno code.
      const code = (e as { code?: string }).code ?? '';
      throw code.startsWith('Z_') ? unreadable((e as Error).message) : e;
    }
  }

  async manifest(): Promise<Manifest> {
    const m = await this.json<Manifest>('manifest');
    if (m.format !== FORMAT) throw new StartupError(`Okänt format på säkerhetskopian: ${m.format} / Unknown backup format`);
    if (!Array.isArray(m.tables) || !Array.isArray(m.migrations)) throw unreadable('manifest');
    return m;
  }

  /** The header of the next table, which must be `expected`: the backup writes tables in manifest order. */
  async header(expected: string): Promise<TableHeader> {
    const h = await this.json<TableHeader>(`header of ${expected}`);
    if (h.table !== expected || !Number.isSafeInteger(h.bytes) || h.bytes < 0) throw unreadable(`header of ${expected}`);
    return h;
  }

  /** Exactly `n` bytes of table data, chunk by chunk as they are decompressed. */
  async *bytes(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (!this.pending.length) {
        const chunk = await this.next();
        if (!chunk) throw unreadable('truncated');
        this.pending = chunk;
      }
      const part = this.pending.subarray(0, Math.min(left, this.pending.length));
      this.pending = this.pending.subarray(part.length);
      left -= part.length;
      yield part;
    }
  }

  async skip(n: number): Promise<void> {
    for await (const part of this.bytes(n)) void part;
  }

  /** True when nothing follows: a backup with data after its last table was not written by Tillit. */
  async atEnd(): Promise<boolean> {
    return !this.pending.length && (await this.next()) === null;
  }

  close(): void {
    this.source.destroy();
    this.gunzip.destroy();
  }

  private async json<T>(what: string): Promise<T> {
    const text = await this.line(what);
    try {
      const value = JSON.parse(text) as T;
      if (typeof value !== 'object' || value === null) throw new Error('not an object');
      return value;
    } catch {
      throw unreadable(what);
    }
  }

  private async line(what: string): Promise<string> {
    let searchFrom = 0;
    for (;;) {
      const end = this.pending.indexOf(10, searchFrom);
      if (end >= 0) {
        const text = this.pending.subarray(0, end).toString('utf8');
        this.pending = this.pending.subarray(end + 1);
        return text;
      }
      if (this.pending.length > MAX_LINE) throw unreadable(what);
      searchFrom = this.pending.length;
      const chunk = await this.next();
      if (!chunk) throw unreadable(this.pending.length || what !== 'manifest' ? 'truncated' : 'empty');
      this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    }
  }
}

/**
 * Reads the whole backup once without touching any database: the restore drops the schema, so a
 * truncated or corrupt file (gzip checks its CRC at the end) must be refused before that, not halfway.
 */
export async function checkBackup(file: string): Promise<Manifest> {
  const reader = new BackupReader(file);
  try {
    const manifest = await reader.manifest();
    for (const t of manifest.tables) await reader.skip((await reader.header(t.name)).bytes);
    if (!(await reader.atEnd())) throw unreadable('data after the last table');
    return manifest;
  } finally {
    reader.close();
  }
}
