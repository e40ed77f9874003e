import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupReader, checkBackup, FORMAT } from '../../src/cli/backup-file.js';
import { StartupError } from '../../src/db/embedded.js';

let dir = '';
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tillit-backup-file-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

// Larger than the reader's 64 KiB chunks, with newlines inside, so that runs and lines cross chunk edges.
const big = Buffer.from(Array.from({ length: 30_000 }, (_, i) => `${i}\tnamn ${i}\t{"a": ${i}}\n`).join(''));
const tables = [
  { name: 'a', data: big },
  { name: 'b', data: Buffer.alloc(0) },
  { name: 'c', data: Buffer.from('1\tÅsa\n') },
];

function backupBytes(parts = tables, extra = Buffer.alloc(0)): Buffer {
  const manifest = {
    format: FORMAT,
    createdAt: '2026-11-22T00:00:00Z',
    migrations: ['m1'],
    tables: parts.map((t) => ({ name: t.name, columns: ['x'] })),
  };
  const body = [Buffer.from(JSON.stringify(manifest) + '\n')];
  for (const t of parts) body.push(Buffer.from(JSON.stringify({ table: t.name, bytes: t.data.length }) + '\n'), t.data);
  return Buffer.concat([...body, extra]);
}

async function write(name: string, content: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

describe('reading a backup file incrementally', () => {
  it('gives back every table’s bytes exactly, across chunk boundaries', async () => {
    const file = await write('ok.tillit-backup', gzipSync(backupBytes()));
    expect((await checkBackup(file)).tables.map((t) => t.name)).toEqual(['a', 'b', 'c']);
    const reader = new BackupReader(file);
    try {
      const manifest = await reader.manifest();
      for (const t of manifest.tables) {
        const { bytes } = await reader.header(t.name);
        const parts: Buffer[] = [];
        for await (const part of reader.bytes(bytes)) parts.push(part);
        expect(Buffer.concat(parts).equals(tables.find((x) => x.name === t.name)!.data)).toBe(true);
      }
      expect(await reader.atEnd()).toBe(true);
    } finally {
      reader.close();
    }
  });

  it('refuses a file that is cut short, corrupt, not gzip, or has data after the last table', async () => {
    const whole = gzipSync(backupBytes());
    const cut = await write('cut.tillit-backup', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(checkBackup(cut)).rejects.toThrow(StartupError);
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 6]! ^= 0xff; // inside the CRC of the gzip trailer
    await expect(checkBackup(await write('crc.tillit-backup', flipped))).rejects.toThrow(StartupError);
    await expect(checkBackup(await write('plain.tillit-backup', backupBytes()))).rejects.toThrow(/not a readable Tillit backup/);
    // A header that promises more bytes than follow, in an otherwise valid gzip file.
    const short = backupBytes([{ name: 'a', data: big }]).subarray(0, -10);
    await expect(checkBackup(await write('short.tillit-backup', gzipSync(short)))).rejects.toThrow(/truncated/);
    const trailing = gzipSync(backupBytes(tables, Buffer.from('mer\n')));
    await expect(checkBackup(await write('trailing.tillit-backup', trailing))).rejects.toThrow(/after the last table/);
    await expect(checkBackup(await write('empty.tillit-backup', gzipSync('')))).rejects.toThrow(StartupError);
  });
});
