import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDb } from '../../src/db/embedded.js';
import { createDb, waitForDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { installQueues, JOB_SCHEMA } from '../../src/platform/jobs/queue.js';
import { jobDefinitions } from '../../src/services.js';
import { applyGrants, userOf } from '../../src/db/roles.js';
import { freePort } from '../helpers/ports.js';

/**
 * One real PostgreSQL for the whole run, with a migrated template database. Each test file clones
 * the template (CREATE DATABASE … TEMPLATE), which takes milliseconds, and so starts from a clean,
 * fully migrated schema. The template is owned and migrated by the migration owner and the tests
 * run as the runtime role, as the server does, so a missing grant fails a test. `TEST_DATABASE_URL`
 * points at an external server instead (one role for everything there).
 */
let embedded: EmbeddedDb | null = null;
let dir: string | null = null;

export async function setup(project: TestProject) {
  let superuserUrl = process.env.TEST_DATABASE_URL;
  let ownerUrl = superuserUrl;
  let runtimeUrl = superuserUrl;
  if (!superuserUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tillit-test-'));
    // A small memory basis: the test server shares the machine with everything else.
    embedded = await startEmbeddedPostgres(dir, await freePort(), pino({ level: 'warn' }), { tuning: { memoryMb: 1024 } });
    superuserUrl = embedded.superuserUrl;
    ownerUrl = embedded.ownerUrl;
    runtimeUrl = embedded.url;
  }
  await waitForDatabase(withDatabase(superuserUrl, 'postgres'));
  const admin = new pg.Client({ connectionString: withDatabase(superuserUrl, 'postgres') });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS tillit_template');
  const owner = userOf(ownerUrl!);
  await admin.query(`CREATE DATABASE tillit_template OWNER "${owner}"`);
  await admin.end();
  const templateOwnerUrl = withDatabase(ownerUrl!, 'tillit_template');
  const db = createDb(templateOwnerUrl, { max: 2, statementTimeoutMs: 0 });
  await migrateToLatest(db);
  // As every instance does at start: the job queues exist before anything enqueues.
  await installQueues(db, jobDefinitions());
  await db.destroy();
  if (userOf(runtimeUrl!) !== owner) {
    const c = new pg.Client({ connectionString: templateOwnerUrl });
    await c.connect();
    await applyGrants(c, userOf(runtimeUrl!));
    await applyGrants(c, userOf(runtimeUrl!), JOB_SCHEMA);
    await c.end();
  }
  project.provide('databaseUrl', superuserUrl);
  project.provide('ownerDatabaseUrl', ownerUrl!);
  project.provide('runtimeDatabaseUrl', runtimeUrl!);
  project.provide('auditKey', randomBytes(32).toString('base64'));
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
    /** A superuser of the test server (creating and dropping databases, tampering tests). */
    databaseUrl: string;
    /** The migration owner. */
    ownerDatabaseUrl: string;
    /** The runtime role: what tests and the app under test use. */
    runtimeDatabaseUrl: string;
    auditKey: string;
  }
}
