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
    locale: Locale;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}
