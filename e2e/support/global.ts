import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findBrowser, MISSING_BROWSER } from '../../scripts/ensure-browser.mjs';
import { distMain, ensureServerBuild } from '../../scripts/server-build.mjs';

/**
 * Starts a real Tillit as `npm start` runs it (the compiled server, embedded PostgreSQL, demo
 * organisation, built web app) for the browser specs, and tells them which Chromium to drive.
 */
let server: ChildProcess | null = null;
let dataDir: string | null = null;
const root = path.resolve(new URL('.', import.meta.url).pathname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function setup(project: TestProject) {
  // `npm run test:e2e` has found or brought the browser already (scripts/ensure-browser.mjs).
  const browser = await findBrowser();
  if (!browser) throw new Error(MISSING_BROWSER);
  project.provide('chromiumPath', browser.path);
  await ensureServerBuild({ quiet: true });
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tillit-e2e-'));
  const port = await freePort();
  const dbPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  server = spawn(process.execPath, [distMain, 'start'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TILLIT_DB_PORT: String(dbPort),
      TILLIT_DATA_DIR: dataDir,
      TILLIT_PUBLIC_URL: baseUrl,
      TILLIT_LOG_LEVEL: 'warn',
      TILLIT_DEMO: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`Tillit exited before it was ready:\n${output}`);
    const ok = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`Tillit did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide('baseUrl', baseUrl);
}

export async function teardown() {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}
