import type { Actor } from '../access.js';
import type { Services } from '../../services.js';
import type { Locale } from '@tillit/core';
import type { RoutePermission } from './route.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    /** The session's CSRF token, set only for cookie-authenticated requests. */
    csrfToken: string | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}
