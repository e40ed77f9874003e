import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Locale } from '@tillit/core';
import { holdsAnywhere, requirePlatformAdmin } from '../access.js';
import { AppError } from '../errors.js';
import { checkCsrf } from '../auth/authenticate.js';
import type { RouteDef } from './route.js';
import { toWellFormed } from './unicode.js';
import { etagOf, parseIfMatch, type ExpectedVersion } from '../concurrency.js';

const zodLocales = { sv: z.locales.sv(), en: z.locales.en() };

export function requestLocale(req: FastifyRequest): Locale {
  return req.actor?.locale ?? req.locale;
}

function parse<T extends z.ZodType>(schema: T, data: unknown, locale: Locale, where: string): z.output<T> {
  const r = schema.safeParse(toWellFormed(data ?? {}), { error: zodLocales[locale].localeError });
  if (r.success) return r.data;
  throw new AppError('validation_failed', {
    issues: r.error.issues.map((i) => ({
      path: [where, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      code: i.code,
      message: i.message,
    })),
  });
}

export function registerRoutes(app: FastifyInstance, routes: RouteDef[]): void {
  for (const def of routes) {
    app.route({
      method: def.method,
      url: def.url,
      config: { permission: def.permission },
      handler: async (req, reply) => {
        const actor = req.actor;
        if (def.permission !== 'public') {
          if (!actor) throw new AppError('unauthenticated');
          checkCsrf(req);
          // A read-scoped token only reads, whatever the route's permission (platform admin and own profile included).
          if (actor.scope === 'read' && def.method !== 'GET') throw new AppError('forbidden');
          if (def.permission === 'platform_admin') requirePlatformAdmin(actor);
          else if (def.permission !== 'authenticated' && !holdsAnywhere(actor, def.permission)) throw new AppError('forbidden');
        }
        const locale = requestLocale(req);
        const params = def.params ? parse(def.params, req.params, locale, 'params') : undefined;
        const query = def.query ? parse(def.query, req.query, locale, 'query') : undefined;
        const body = def.body ? parse(def.body, req.body, locale, 'body') : undefined;
        let ifMatch: ExpectedVersion;
        if (def.concurrency) {
          const parsed = parseIfMatch(req.headers['if-match']);
          // A person in the browser always edits from a version they saw; only API tokens may skip it.
          if (parsed === null && actor?.kind === 'user') throw new AppError('if_match_required');
          ifMatch = parsed ?? undefined;
        }
        // The route's declared status, set first so that a handler may answer otherwise (a save that created nothing: 200).
        reply.code(def.status ?? 200);
        const result = await def.handler({ actor: actor!, body, query, params, services: app.services, req, reply, ifMatch });
        if (def.raw) return reply;
        const version = (result as { rowVersion?: unknown } | null)?.rowVersion;
        if (typeof version === 'number') reply.header('etag', etagOf(version));
        if (result === undefined && def.status === undefined) reply.code(204);
        return result === undefined ? reply.send() : result;
      },
    });
  }
}
