import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import pg from 'pg';
import { createDb, waitForDatabase, type Db } from './db/database.js';
import { portIsFree, startEmbeddedPostgres, StartupError, type EmbeddedDb } from './db/embedded.js';
import { migrateToLatest, pendingMigrations } from './db/migrate.js';
import { applyGrants, userOf } from './db/roles.js';
import { loadAuditKey } from './platform/audit/key.js';
import { startReceiptWriter } from './platform/audit/receipts.js';
import { buildApp } from './app.js';
import { createMailer } from './platform/mail/mailer.js';
import { installQueues, JOB_SCHEMA, startJobRunner, type JobRunner } from './platform/jobs/queue.js';
import { jobContext, jobDefinitions } from './services.js';
import { loggerOptions } from './platform/logger.js';

export interface Database {
  /** The runtime role's pool: requests, jobs, command-line work on data. */
  db: Db;
  url: string;
  /** The migration owner (restore, migrations); null when only one URL is configured. */
  ownerUrl: string | null;
  embedded: EmbeddedDb | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Command-line tools: use the embedded PostgreSQL the running server already has (found through
   * the data folder) instead of starting one, and leave it running.
   */
  attach?: boolean;
}

/**
 * The configured PostgreSQL: `DATABASE_URL`, or Tillit's own embedded server. Migrated on open (as
 * the migration owner, who then grants the runtime role its rights); the pool returned uses the
 * runtime role. Also loads the audit key, which every audit event needs.
 */
export async function openDatabase(config: Config, log: Logger, opts: OpenOptions = {}): Promise<Database> {
  loadAuditKey({ auditKey: config.auditKey, dataDir: config.dataDir });
  let embedded: EmbeddedDb | null = null;
  let url = config.databaseUrl;
  let ownerUrl = config.ownerDatabaseUrl ?? null;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedDbPort, log, { attach: opts.attach, tuning: config.pgTuning });
    url = embedded.url;
    ownerUrl = embedded.ownerUrl;
  }
  try {
    await waitForDatabase(url);
    await migrate(url, ownerUrl, log);
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  const db = createDb(url, config.pool);
  return {
    db,
    url,
    ownerUrl,
    embedded,
    close: async () => {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

/**
 * Runs pending migrations: as the owner when its URL is known, and then grants the runtime role its
 * rights. With one URL only, that role migrates (a single-role installation) — or, when it may not
 * (a runtime role of a two-role setup), start is refused with what to do.
 */
async function migrate(url: string, ownerUrl: string | null, log: Logger): Promise<void> {
  const owner = createDb(ownerUrl ?? url, { max: 2, statementTimeoutMs: 0 });
  try {
    if (ownerUrl || (await pendingMigrations(owner)).length) await migrateAs(owner, ownerUrl, log);
    // Queues are partitions of pg-boss's job table (DDL): the owner creates them, every instance at start.
    await installQueues(owner, jobDefinitions());
    if (ownerUrl && userOf(ownerUrl) !== userOf(url)) await grantRuntime(ownerUrl, userOf(url));
  } finally {
    await owner.destroy();
  }
}

async function migrateAs(owner: Db, ownerUrl: string | null, log: Logger): Promise<void> {
  const applied = await migrateToLatest(owner).catch((e: unknown) => {
    if (!ownerUrl && (e as { code?: string }).code === '42501') {
      throw new StartupError(
        'Databasen behöver migreras men DATABASE_URL:s roll får inte ändra schemat. Kör `tillit migrate` med TILLIT_OWNER_DATABASE_URL. / The database needs migrating but the role of DATABASE_URL may not change the schema; run `tillit migrate` with TILLIT_OWNER_DATABASE_URL.',
      );
    }
    throw e;
  });
  if (applied.length) log.info({ applied }, 'migrations applied');
}

async function grantRuntime(ownerUrl: string, runtimeRole: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('BEGIN');
    await applyGrants(client, runtimeRole);
    await applyGrants(client, runtimeRole, JOB_SCHEMA);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  stop(): Promise<void>;
}

export async function startServer(config: Config, opts: { onReady?: (db: Db) => Promise<void> } = {}): Promise<RunningServer> {
  const log = pino(loggerOptions(config.logLevel));
  if (config.port !== 0 && !(await portIsFree(config.port, config.host === '0.0.0.0' ? '0.0.0.0' : config.host))) {
    throw new StartupError(`Porten ${config.port} är upptagen. Ange en annan med PORT. / Port ${config.port} is in use; set PORT.`);
  }
  const database = await openDatabase(config, log);
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  let app: FastifyInstance;
  try {
    await opts.onReady?.(database.db);
    app = await buildApp({ config, db: database.db, mailer });
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await database.close();
    throw e;
  }
  let jobs: JobRunner | null = null;
  try {
    if (config.jobs)
      jobs = await startJobRunner(
        database.db,
        database.url,
        jobDefinitions(),
        jobContext({ db: database.db, config, mailer, log: app.log }, app.services),
        log,
      );
  } catch (e) {
    await app.close();
    await database.close();
    throw e;
  }
  const receipts = config.jobs
    ? startReceiptWriter(database.db, { file: config.auditReceiptsFile, intervalMs: config.auditReceiptIntervalMs }, log)
    : null;
  let stopping: Promise<void> | null = null;
  return {
    app,
    database,
    stop: () =>
      (stopping ??= (async () => {
        await receipts?.stop();
        await jobs?.stop();
        await app.close();
        await database.close();
      })()),
  };
}
