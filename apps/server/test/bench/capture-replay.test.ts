import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/db.js';
import { readCapture, Replayer } from '../../bench/support/replay.js';

// The bench's bare-SQL figure (apps/server/bench/support): the capture hook must record what a marked
// request sends, on which connection and in what order, and the replay must run it the same way
// without keeping its writes. A real PostgreSQL and a real HTTP server, as in the bench.
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-capture-')), 'capture.jsonl');
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: pg.Pool;
let server: http.Server;
let base: string;

beforeAll(async () => {
  process.env.TILLIT_BENCH_CAPTURE_FILE = file;
  await import('../../bench/support/capture-hook.mjs');
  t = await createTestDatabase();
  // The owner role: the probe creates its own table.
  pool = new pg.Pool({ connectionString: t.ownerUrl, max: 4 });
  await pool.query('create table bench_probe (n int)');
  // Like a list request: one statement, then two in parallel (the page and its count), then a write.
  server = http.createServer((req, res) => {
    void (async () => {
      await pool.query('select $1::int as one', [1]);
      await Promise.all([
        pool.query('select pg_sleep(0.05), $1::text as page', ['p']),
        pool.query('select pg_sleep(0.05), count(*) from bench_probe'),
      ]);
      await pool.query('insert into bench_probe values ($1)', [7]);
      res.end('ok');
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  if (server) await new Promise((r) => server.close(r));
  await pool?.end();
  await t?.drop();
});

it('records the statements of a marked request only, grouped as they ran, and replays them without keeping writes', async () => {
  await fetch(base); // unmarked: not recorded
  await fetch(base, { headers: { 'x-tillit-bench-capture': 'probe' } });
  const capture = readCapture(file, 'probe');
  expect(capture.statements.map((s) => s.text)).toEqual([
    'select $1::int as one',
    expect.stringMatching(/pg_sleep/),
    expect.stringMatching(/pg_sleep/),
    'insert into bench_probe values ($1)',
  ]);
  expect(capture.groups.map((g) => g.length)).toEqual([1, 2, 1]);
  expect(new Set(capture.groups[1]!.map((s) => s.client)).size).toBe(2);
  expect(capture.writes).toBe(1);
  expect(readCapture(file, 'other').statements).toEqual([]);

  const replayer = new Replayer(t.ownerUrl);
  try {
    const ms = await replayer.run(capture);
    // At least the 50 ms the parallel pair takes; the bound only catches a replay that hangs.
    expect(ms).toBeGreaterThanOrEqual(50);
    expect(ms).toBeLessThan(2000);
  } finally {
    await replayer.close();
  }
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from bench_probe');
  expect(rows[0]!.n).toBe(2); // the two requests' inserts; the replay's was rolled back
});
