import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage, pickLocale, type ErrorCode } from '@tillit/core';
import { AppError, fromDatabaseError } from '../errors.js';
import { requestLocale } from './register.js';
import { causeOf, isDatabaseUnavailable } from '../../db/database.js';

/** How long a client is asked to wait when the database is unavailable (it restarts within seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Fastify's own 4xx errors, mapped onto our codes. */
function fromFastifyError(e: FastifyError): AppError | null {
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('malformed_request');
  }
  if (e instanceof SyntaxError || e.statusCode === 400) return new AppError('malformed_request');
  if (e.statusCode === 413) return new AppError('payload_too_large');
  if (e.statusCode === 415) return new AppError('unsupported_media_type');
  if (e.statusCode === 429) return new AppError('too_many_requests');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('malformed_request');
  return null;
}

/** The one error shape: `{ error: { code, message, details } }`, message in the caller's language. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = requestLocale(req);
    if (!(err instanceof AppError) && isDatabaseUnavailable(err)) {
      // Down, restarting, hung or overloaded: nothing wrong with the request; say when to try again.
      req.log.warn({ cause: causeOf(err) }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .send({ error: { code: 'database_unavailable', message: errorMessage(locale, 'database_unavailable') } });
    }
    const known = err instanceof AppError ? err : (fromDatabaseError(err) ?? fromFastifyError(err));
    if (!known) {
      req.log.error({ err }, 'unhandled error');
      if (process.env.TILLIT_DEBUG_ERRORS) console.error(err);
      return reply.code(500).send({ error: { code: 'internal', message: errorMessage(locale, 'internal') } });
    }
    if ((known.status === 429 || known.status === 503) && (known.details as { retryAfterSeconds?: number })?.retryAfterSeconds) {
      reply.header('retry-after', String((known.details as { retryAfterSeconds: number }).retryAfterSeconds));
    }
    const currentVersion = (known.details as { currentVersion?: unknown } | undefined)?.currentVersion;
    if (known.status === 412 && typeof currentVersion === 'number') reply.header('etag', `"${currentVersion}"`);
    return reply.code(known.status).send({
      error: {
        code: known.code,
        message: errorMessage(locale, known.code as ErrorCode),
        ...(known.details !== undefined ? { details: known.details } : {}),
      },
    });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: errorMessage(requestLocale(req), 'not_found') } });
  });
}

/**
 * Errors the router raises before any hook runs (a path that is not valid percent-encoding, a path
 * parameter over the router's length limit). Without this Fastify answers them in its own shape,
 * echoing the path; passed as the `frameworkErrors` option.
 */
export function frameworkErrors(_err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  reply
    .code(400)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send({ error: { code: 'malformed_request', message: errorMessage(pickLocale(req.headers['accept-language']), 'malformed_request') } });
}
