import { tokenRoutes } from './tokens.routes.js';
import { createTokensService } from './tokens.service.js';
import { defineModule } from '../../platform/module.js';
import { tokensAudit } from './tokens.audit.js';

declare module '../../platform/module.js' {
  interface AppServices {
    tokens: ReturnType<typeof createTokensService>;
  }
}

/** The tokens module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'tokens',
  routes: tokenRoutes,
  services: ({ db }) => ({ tokens: createTokensService(db) }),
  permissions: [{ permission: 'token.manage' }],
  audit: tokensAudit,
  fixtures: async () => (await import('./tokens.fixtures.js')).tokenFixtures,
});
