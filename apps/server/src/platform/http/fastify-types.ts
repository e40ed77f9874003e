import type { Actor } from '../access.js';
import type { SessionProfile } from '../auth/actor.repository.js';
import type { AppServices } from '../module.js';
import type { Locale } from '@tillit/core';
import type { RoutePermission } from './route.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    /** The session's CSRF token, set only for cookie-authenticated requests. */
    csrfToken: string | null;
    /** What authentication loaded beside the actor (e-mail, organisation name, roles), for `GET /auth/session`. */
    sessionProfile: SessionProfile | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}
