import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '@tillit/core';
import { distMain, ensureServerBuild } from '../../../../scripts/server-build.mjs';
import { freePort } from '../helpers/ports.js';

/**
 * What a person sees on the very first `npm start`: the compiled server, a fresh data folder (its
 * PostgreSQL initialised there), the demo organisation created — at the default log level.
 */
let dataDir = '';
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tillit-first-start-'));
  await ensureServerBuild({ quiet: true });
}, 120_000);
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('the first start from the compiled server', () => {
  it('becomes ready and prints the demo sign-ins in Swedish, with no warning, no raw role code and no PostgreSQL chatter', async () => {
    const [port, dbPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, [distMain, 'start'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        TILLIT_DB_PORT: String(dbPort),
        TILLIT_DATA_DIR: dataDir,
        TILLIT_LOG_LEVEL: 'info',
        TILLIT_DEMO: 'true',
        TILLIT_JOBS: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      // Ready once the start-up message is out: it comes after the demo sign-ins.
      const deadline = Date.now() + 150_000;
      while (!stdout.includes('Avsluta med Ctrl-C')) {
        if (child.exitCode !== null) throw new Error(`exited early:\n${stdout}\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`not ready in time:\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const output = `${stdout}\n${stderr}`;
    expect(stderr, 'nothing on stderr (warnings go there)').toBe('');
    expect(output).not.toMatch(/Warning|FSTDEP|deprecat/i);
    // Log lines from PostgreSQL itself (initdb, "database system is ready") only at debug level.
    expect(output).not.toMatch(/"pg":|initdb|database system/);
    const human = stdout.split('\n').filter((l) => !l.startsWith('{'));
    expect(human.join('\n')).toContain('Demoinloggningar för Region Exempel');
    expect(human.join('\n')).toMatch(/samordnare@exempel\.se\s+Informationssäkerhetssamordnare/);
    expect(human.join('\n')).toMatch(/agare@exempel\.se\s+Informationsägare \(Hälso- och sjukvårdsförvaltningen\)/);
    const withoutAddresses = human.join('\n').replace(/\S+@\S+/g, '');
    for (const role of roles) expect(withoutAddresses, role).not.toMatch(new RegExp(`\\b${role}\\b`));
  }, 200_000);
});
