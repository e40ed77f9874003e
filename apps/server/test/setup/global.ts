import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDb } from '../../src/db/embedded.js';
import { createDb, ensureDatabaseExists, waitForDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { installQueues } from '../../src/platform/jobs/queue.js';
import { jobDefinitions } from '../../src/services.js';
import { freePort } from '../helpers/ports.js';

/**
 * One real PostgreSQL for the whole run, with a migrated template database. Each test file clones
 * the template (CREATE DATABASE … TEMPLATE), which takes milliseconds, and so starts from a clean,
 * fully migrated schema. `TEST_DATABASE_URL` points at an external server instead.
 */
let embedded: EmbeddedDb | null = null;
let dir: string | null = null;

export async function setup(project: TestProject) {
  let baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tillit-test-'));
    embedded = await startEmbeddedPostgres(dir, await freePort(), pino({ level: 'warn' }));
    baseUrl = embedded.url;
    await waitForDatabase(baseUrl.replace(/\/tillit$/, '/postgres'));
  }
  const templateUrl = withDatabase(baseUrl, 'tillit_template');
  await ensureDatabaseExists(templateUrl);
  const db = createDb(templateUrl, 2);
  await migrateToLatest(db);
  // As every instance does at start: the job queues exist before anything enqueues.
  await installQueues(db, jobDefinitions());
  await db.destroy();
  project.provide('databaseUrl', baseUrl);
}

export async function teardown() {
  await embedded?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
