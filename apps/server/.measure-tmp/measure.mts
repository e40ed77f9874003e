// Measures one backup or restore against an embedded PostgreSQL on a copy of Region Stor.
import fs from 'node:fs';
import pino from 'pino';
import pg from 'pg';
import { startEmbeddedPostgres, embeddedDatabaseUrl } from '/work/main/apps/server/src/db/embedded.js';

const [mode, dataDir, port, file, impl] = process.argv.slice(2);
const mod = await import(impl ?? '/work/main/apps/server/src/cli/backup.js');
const log = pino({ level: 'warn' });
const emb = await startEmbeddedPostgres(dataDir!, Number(port), log);
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
let peakHeap = 0;
const sampler = setInterval(() => { const m = process.memoryUsage(); peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers); }, 100);
try {
  const before = hwm();
  const t = performance.now();
  let r;
  if (mode === 'backup') r = await mod.backupDatabase(emb.url, file);
  else {
    const admin = new pg.Client({ connectionString: embeddedDatabaseUrl(Number(port), 'postgres') });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS restored WITH (FORCE)');
    await admin.query('CREATE DATABASE restored');
    await admin.end();
    r = await mod.restoreDatabase(embeddedDatabaseUrl(Number(port), 'restored'), file, { force: false });
  }
  const ms = performance.now() - t;
  console.log(JSON.stringify({ mode, impl: impl ?? 'current', seconds: +(ms / 1000).toFixed(1), peakRssMb: Math.round(hwm()), rssBeforeMb: Math.round(before), peakHeapExtMb: Math.round(peakHeap / 1048576), result: r, bytes: mode === 'backup' ? fs.statSync(file).size : undefined }));
} finally {
  clearInterval(sampler);
  await emb.stop();
}
