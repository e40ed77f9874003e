import fs from 'node:fs';
import pino from 'pino';
import pg from 'pg';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { to as copyTo } from 'pg-copy-streams';
import { startEmbeddedPostgres } from '/work/main/apps/server/src/db/embedded.js';
const emb = await startEmbeddedPostgres('/tmp/stor-a', 5531, pino({ level: 'warn' }));
const c = new pg.Client({ connectionString: emb.url }); await c.connect();
try {
  let t = performance.now();
  const chunks: Buffer[] = []; let n = 0;
  for await (const ch of c.query(copyTo('COPY audit_events TO STDOUT'))) { n += (ch as Buffer).length; chunks.push(ch as Buffer); }
  console.log('copy to memory', ((performance.now() - t) / 1000).toFixed(1), n, 'chunks', chunks.length); chunks.length = 0;
  t = performance.now();
  await pipeline(c.query(copyTo('COPY audit_events TO STDOUT')), fs.createWriteStream('/tmp/ae.copy'));
  console.log('copy to file', ((performance.now() - t) / 1000).toFixed(1));
  t = performance.now();
  await pipeline(fs.createReadStream('/tmp/ae.copy', { highWaterMark: 256 * 1024 }), createGzip(), fs.createWriteStream('/tmp/ae.gz'));
  console.log('gzip file', ((performance.now() - t) / 1000).toFixed(1));
} finally { await c.end(); await emb.stop(); fs.rmSync('/tmp/ae.copy', { force: true }); fs.rmSync('/tmp/ae.gz', { force: true }); }
