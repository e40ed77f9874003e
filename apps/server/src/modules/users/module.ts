import { userList } from '@tillit/core';
import { userRoutes } from './users.routes.js';
import { createUsersService } from './users.service.js';
import { defineModule } from '../../platform/module.js';
import { usersAudit } from './users.audit.js';

declare module '../../platform/module.js' {
  interface AppServices {
    users: ReturnType<typeof createUsersService>;
  }
}

/** The users module: see docs/ARCHITECTURE.md, "A module and its manifest". */
export default defineModule({
  name: 'users',
  lists: [userList],
  routes: userRoutes,
  services: ({ db, config, mailer }) => ({ users: createUsersService(db, config, mailer) }),
  permissions: [{ permission: 'user.read' }, { permission: 'user.manage' }, { permission: 'role.manage' }],
  audit: usersAudit,
  fixtures: async () => (await import('./users.fixtures.js')).userFixtures,
});
