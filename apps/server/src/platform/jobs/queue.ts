import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db, Trx } from '../../db/database.js';

export type JobHandler = (payload: any) => Promise<void>;

/** Adds a job in the caller's transaction (outbox): it runs only if the change commits. */
export async function enqueueJob(trx: Trx | Db, kind: string, payload: unknown, runAt = new Date()): Promise<void> {
  await trx.insertInto('jobs').values({ kind, payload: JSON.stringify(payload), run_at: runAt }).execute();
}

const MAX_ATTEMPTS = 5;
const worker = `${hostname()}:${process.pid}`;

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED, so that with several instances each job runs once.
 * A job whose worker died (locked for over 10 minutes) is taken up again.
 */
export async function runDueJobs(db: Db, handlers: Record<string, JobHandler>, log: Logger, limit = 10): Promise<number> {
  const claimed = await sql<{ id: number; kind: string; payload: unknown; attempts: number }>`
    UPDATE jobs SET status = 'running', locked_by = ${worker}, locked_at = now(), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs
      WHERE (status = 'pending' AND run_at <= now())
         OR (status = 'running' AND locked_at < now() - interval '10 minutes')
      ORDER BY run_at
      FOR UPDATE SKIP LOCKED
      LIMIT ${limit}
    )
    RETURNING id, kind, payload, attempts`.execute(db);
  for (const job of claimed.rows) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload);
      await db.updateTable('jobs').set({ status: 'done', finished_at: new Date(), locked_by: null }).where('id', '=', job.id).execute();
    } catch (e) {
      const failed = job.attempts >= MAX_ATTEMPTS;
      log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: e instanceof Error ? e.message : String(e) }, 'job failed');
      await db
        .updateTable('jobs')
        .set({
          status: failed ? 'failed' : 'pending',
          locked_by: null,
          last_error: e instanceof Error ? e.message : String(e),
          run_at: new Date(Date.now() + 2 ** job.attempts * 5_000),
          finished_at: failed ? new Date() : null,
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
  return claimed.rows.length;
}

export function startJobRunner(db: Db, handlers: Record<string, JobHandler>, log: Logger, intervalMs = 2000) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = runDueJobs(db, handlers, log).catch((e) => log.warn({ err: String(e) }, 'job runner tick failed'));
    await running;
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  let timer = setTimeout(tick, intervalMs);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
