import { permissionsOf, type Permission, type SessionView } from '@tillit/core';
import type { Actor } from '../access.js';
import type { SessionProfile } from './actor.repository.js';

/** The signed-in user as `GET /auth/session` shows them, from what authentication already loaded. */
export function sessionViewOf(actor: Actor, profile: SessionProfile, csrfToken: string): SessionView {
  const perms = new Set<Permission>();
  for (const g of profile.roles) for (const p of permissionsOf(g.role)) perms.add(p);
  return {
    user: {
      id: actor.userId!,
      email: profile.email,
      name: actor.name,
      locale: actor.locale,
      organizationId: actor.organizationId,
      organizationName: profile.organizationName,
      isPlatformAdmin: actor.isPlatformAdmin,
      mustChangePassword: profile.mustChangePassword,
    },
    roles: profile.roles,
    permissions: [...perms].sort(),
    csrfToken,
  };
}
