import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { pickLocale } from '@tillit/core';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { createServices } from './services.js';
import type { AppServices } from './platform/module.js';
import { authenticate } from './platform/auth/authenticate.js';
import { frameworkErrors, installErrorHandler } from './platform/http/error-handler.js';
import { registerRoutes } from './platform/http/register.js';
import { buildOpenApi } from './platform/http/openapi.js';
import { allRoutes } from './modules/index.js';
import { loggerOptions } from './platform/logger.js';
import type { Mailer } from './platform/mail/mailer.js';
import './platform/http/fastify-types.js';

export const VERSION = '0.1.0';
export const BODY_LIMIT = 1024 * 1024;

export interface AppDeps {
  config: Config;
  db: Db;
  mailer: Mailer;
  /** Override for tests that need a silent or captured log. */
  logger?: boolean | object;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config.logLevel),
    // Fastify accepts a hop count at run time (proxy-addr); its typings omit number.
    trustProxy: config.trustProxy as boolean | string,
    bodyLimit: BODY_LIMIT,
    // A line per request only when debugging (Fastify's own option for it is deprecated, FSTDEP023).
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    return503OnClosing: true,
    frameworkErrors,
  });
  const services: AppServices = createServices({ db, config, mailer: deps.mailer, log: app.log });
  app.decorate('services', services);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionProfile', null);
  app.decorateRequest('locale', 'sv');

  // A POST without a body (e.g. "close unit") may still say application/json; treat it as no body.
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '' || body === undefined) return done(null, undefined);
    json(req, body as string, done);
  });
  // Spreadsheet uploads (inventory import) arrive as the raw file body, larger than JSON requests may be.
  app.addContentTypeParser(
    ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'"],
        // Mantine sets style attributes and injects <style> elements at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        // Match X-Frame-Options DENY: helmet's default 'self' would let same-origin pages frame Tillit.
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  installErrorHandler(app);

  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
    if (req.url.startsWith('/api/v1/')) await authenticate(req, db, config);
  });
  app.addHook('onSend', async (req, reply) => {
    // API answers hold personal data: never cached by browsers or proxies.
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const ready = await services.health.ready();
    if (!ready) reply.header('retry-after', '5');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable' });
  });

  const routes = allRoutes();
  registerRoutes(app, routes);
  app.decorate('routeTable', routes);

  await app.register(swagger, { mode: 'static', specification: { document: buildOpenApi(routes, VERSION) as never } });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The documentation page gets the same framing and https rules as the rest of Tillit.
    transformStaticCSP: (csp) => {
      const strict = csp.replace("frame-ancestors 'self'", "frame-ancestors 'none'");
      return config.secureCookies ? strict : strict.replace(/\s*upgrade-insecure-requests;?/, '');
    },
  });

  serveWebApp(app, config.webDist);
  return app;
}

/**
 * One process serves API and UI: files of the built web app, and index.html for every client-side
 * route. Both are looked up per request, so a rebuild (new hashed file names) needs no restart.
 */
function serveWebApp(app: FastifyInstance, webDist: string) {
  const root = path.resolve(webDist);
  void app.register(fastifyStatic, { root, serve: false });
  app.get('/*', async (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    const rel = safeRelative(root, req.url.split('?')[0] ?? '/');
    if (rel && (await isFile(path.join(root, rel)))) {
      // Vite puts content-hashed files under assets/: they never change.
      const maxAge = rel.startsWith('assets/') ? 31_536_000_000 : 3_600_000;
      return reply.sendFile(rel, { maxAge, immutable: rel.startsWith('assets/') });
    }
    const html = await fs.promises.readFile(path.join(root, 'index.html'), 'utf8').catch(() => null);
    if (!html) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').type('text/html').send(html);
  });
}

function safeRelative(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = path.resolve(root, '.' + decoded);
  return full.startsWith(root + path.sep) ? path.relative(root, full) : null;
}

const isFile = (p: string) =>
  fs.promises.stat(p).then(
    (s) => s.isFile(),
    () => false,
  );

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: import('./platform/http/route.js').RouteDef[];
  }
}
