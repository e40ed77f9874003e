import { AppError } from '../errors.js';

/**
 * Verification rehashes the chain (a full walk reads every event: two million at Region Stor), so
 * each organisation may start only a few: a token bucket per organisation and kind, kept in memory
 * (per instance; several instances allow that many times more, still bounded). Exhausted: 429 with
 * the seconds to wait.
 */
export interface Bucket {
  /** Requests allowed at once. */
  burst: number;
  /** One more allowed after this many milliseconds. */
  refillMs: number;
}

export const VERIFY_LIMITS: Record<'full' | 'incremental', Bucket> = {
  full: { burst: 3, refillMs: 2 * 60_000 },
  incremental: { burst: 20, refillMs: 3_000 },
};

export function createRateLimiter(limits: Record<string, Bucket>, now: () => number = Date.now) {
  const state = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes one request of `kind` for `key`, or throws 429. */
    take(kind: string, key: string): void {
      const limit = limits[kind]!;
      const id = `${kind}:${key}`;
      const t = now();
      const s = state.get(id) ?? { tokens: limit.burst, at: t };
      const refilled = Math.min(limit.burst, s.tokens + (t - s.at) / limit.refillMs);
      if (refilled < 1) {
        state.set(id, { tokens: refilled, at: t });
        throw new AppError('too_many_requests', { retryAfterSeconds: Math.ceil(((1 - refilled) * limit.refillMs) / 1000) });
      }
      state.set(id, { tokens: refilled - 1, at: t });
    },
  };
}
