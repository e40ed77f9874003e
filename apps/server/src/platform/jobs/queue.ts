import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
type Log = { warn(obj: object, msg: string): void };

/**
 * Background jobs on pg-boss (ADR 0009): one queue per job kind, retried with exponential back-off,
 * moved to `<kind>.dead` after the last attempt, fetched with FOR UPDATE SKIP LOCKED so that a job
 * runs once however many instances work the queue, and cron schedules kept in the database so that
 * each slot starts one job across all instances.
 */
export const JOB_SCHEMA = 'pgboss';
/** Cron schedules are read in Swedish time: "every night at 02:30" means 02:30 in Sweden all year. */
export const SCHEDULE_TZ = 'Europe/Stockholm';

export interface JobDef<C = unknown> {
  /** The queue name, `<module>.<what>`. */
  name: string;
  /** Retries after the first attempt; the delay doubles each time from `retryDelaySeconds`. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A cron expression (Swedish time): the job is also started on this schedule, with an empty payload. */
  cron?: string;
  /** Also start it when an instance starts (once across instances starting within five minutes). */
  runAtStart?: boolean;
  run(payload: any, ctx: C): Promise<void>;
}

type Executor = Pick<Kysely<any>, 'executeQuery'>;

/** pg-boss runs its SQL through this: on the caller's Kysely transaction it is part of that transaction. */
function adapter(db: Executor): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const r = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: r.rows as any[] };
    },
  };
}

/** A pg-boss that is never started: it only writes SQL, through whichever connection a call passes. */
const planner = new PgBoss({ db: { executeSql: () => Promise.reject(new Error('no connection given')) }, schema: JOB_SCHEMA });

export interface EnqueueOptions {
  runAt?: Date;
  /** With `singletonSeconds`: one job per key and time slot of that length (pg-boss singleton). */
  singletonKey?: string;
  singletonSeconds?: number;
}

/** Adds a job in the caller's transaction (outbox): it runs only if the change commits. */
export async function enqueueJob(trx: Executor, kind: string, payload: object, opts: EnqueueOptions = {}): Promise<string | null> {
  return planner.send(kind, payload, {
    db: adapter(trx),
    ...(opts.runAt ? { startAfter: opts.runAt } : {}),
    ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    ...(opts.singletonSeconds ? { singletonSeconds: opts.singletonSeconds } : {}),
  });
}

/**
 * Creates the queue of every kind (and its dead-letter queue) and stores the cron schedules.
 * Idempotent; instances starting at once take turns (creating a queue attaches a partition to
 * pg-boss's job table, and two of those at once deadlock). Run at start and on the tests' template.
 */
export async function installQueues(db: Kysely<any>, defs: JobDef<any>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended('tillit:job-queues', 0))`.execute(trx);
    const boss = new PgBoss({ db: adapter(trx), schema: JOB_SCHEMA });
    for (const def of defs) {
      await boss.createQueue(`${def.name}.dead`, { name: `${def.name}.dead`, policy: 'standard' });
      const options = {
        name: def.name,
        policy: 'standard' as const,
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelaySeconds ?? 10,
        retryBackoff: true,
        deadLetter: `${def.name}.dead`,
      };
      await boss.createQueue(def.name, options);
      // A queue that exists keeps its old settings through createQueue: bring them up to date.
      await boss.updateQueue(def.name, options);
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: SCHEDULE_TZ });
      else await boss.unschedule(def.name);
    }
  });
}

async function runOne<C>(def: JobDef<C>, payload: unknown, ctx: C, log: Log): Promise<void> {
  try {
    await def.run(payload ?? {}, ctx);
  } catch (e) {
    log.warn({ kind: def.name, err: e instanceof Error ? e.message : String(e) }, 'job failed');
    throw e;
  }
}

/**
 * Works each kind's due jobs once, now, through the given connection: for tests and the CLI, which
 * need to know when the work is done. The running server uses `startJobRunner` instead.
 */
export async function runDueJobs<C>(db: Executor, defs: JobDef<C>[], ctx: C, log: Log, limit = 10): Promise<number> {
  const boss = new PgBoss({ db: adapter(db), schema: JOB_SCHEMA });
  let ran = 0;
  for (const def of defs) {
    const jobs = await boss.fetch<object>(def.name, { batchSize: limit });
    for (const job of jobs) {
      ran++;
      try {
        await runOne(def, job.data, ctx, log);
        await boss.complete(def.name, job.id);
      } catch (e) {
        await boss.fail(def.name, job.id, { message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return ran;
}

export interface JobRunner {
  stop(): Promise<void>;
}

/**
 * This instance's workers: every kind is polled every `pollingSeconds`; pg-boss also keeps the
 * schedules (cron) and its maintenance (expiry of stuck jobs, retention) going. A job whose worker
 * died is expired after 15 minutes and retried.
 */
export async function startJobRunner<C>(
  db: Executor,
  connectionString: string,
  defs: JobDef<C>[],
  ctx: C,
  log: Log,
  opts: { pollingSeconds?: number; batchSize?: number; schedule?: boolean } = {},
): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: 4,
    application_name: 'tillit-jobs',
    migrate: true,
    supervise: true,
    schedule: opts.schedule ?? true,
  });
  boss.on('error', (e) => log.warn({ err: e instanceof Error ? e.message : String(e) }, 'job runner error'));
  await boss.start();
  for (const def of defs.filter((d) => d.runAtStart)) await enqueueJob(db, def.name, {}, { singletonKey: 'start', singletonSeconds: 300 });
  for (const def of defs) {
    await boss.work<object>(
      def.name,
      { pollingIntervalSeconds: opts.pollingSeconds ?? 2, batchSize: opts.batchSize ?? 1 },
      async (jobs) => {
        // pg-boss completes or fails the whole batch: the default batch of one keeps jobs independent.
        for (const job of jobs) await runOne(def, job.data, ctx, log);
      },
    );
  }
  return { stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
