import { errorCodes, type ErrorCode } from '@tillit/core';

/** A failure the user can act on; always answered as a 4xx in the one error shape. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.status = errorCodes[code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');

/** Maps PostgreSQL constraint violations that slip past the services to a 409 instead of a 500. */
export function fromDatabaseError(e: unknown): AppError | null {
  const code = (e as { code?: string })?.code;
  if (code === '23505') return new AppError('conflict', { constraint: (e as { constraint?: string }).constraint });
  if (code === '23503') return new AppError('conflict', { constraint: (e as { constraint?: string }).constraint });
  // A check the database enforces beyond the services (e.g. `units_path_matches_parent`).
  if (code === '23514') return new AppError('conflict', { constraint: (e as { constraint?: string }).constraint });
  // Input the schemas let through but PostgreSQL cannot store: text too long, number out of range, NUL bytes.
  if (code === '22001' || code === '22003' || code === '22021' || code === '22P05') return new AppError('validation_failed');
  return null;
}
