import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { createDb, ensureDatabaseExists, waitForDatabase, type Db } from './db/database.js';
import { portIsFree, startEmbeddedPostgres, StartupError, type EmbeddedDb } from './db/embedded.js';
import { migrateToLatest } from './db/migrate.js';
import { buildApp } from './app.js';
import { createMailer } from './platform/mail/mailer.js';
import { startJobRunner } from './platform/jobs/queue.js';
import { allJobHandlers } from './services.js';
import { loggerOptions } from './platform/logger.js';
import { startHousekeeping } from './platform/housekeeping.js';

export interface Database {
  db: Db;
  url: string;
  embedded: EmbeddedDb | null;
  close(): Promise<void>;
}

/** The configured PostgreSQL: `DATABASE_URL`, or Tillit's own embedded server. Migrated on open. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  let embedded: EmbeddedDb | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedDbPort, log, {
      onGiveUp: (e) => {
        // Without its database Tillit cannot serve; exit so that a supervisor starts it afresh.
        log.fatal({ err: e }, 'the embedded database cannot be restarted; exiting');
        process.exit(1);
      },
    });
    url = embedded.url;
    await waitForDatabase(url.replace(/\/tillit$/, '/postgres'));
    await ensureDatabaseExists(url);
  } else {
    await waitForDatabase(url);
  }
  const db = createDb(url);
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) log.info({ applied }, 'migrations applied');
  } catch (e) {
    await db.destroy();
    await embedded?.stop();
    throw e;
  }
  return {
    db,
    url,
    embedded,
    close: async () => {
      await db.destroy();
      await embedded?.stop();
    },
  };
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
  const jobs = config.jobs ? startJobRunner(database.db, allJobHandlers({ db: database.db, config, mailer, log: app.log }, app.services), log) : null;
  const cleaner = config.jobs ? startHousekeeping(database.db, log) : null;
  let stopping: Promise<void> | null = null;
  return {
    app,
    database,
    stop: () =>
      (stopping ??= (async () => {
        cleaner?.stop();
        await jobs?.stop();
        await app.close();
        await database.close();
      })()),
  };
}
