import { roleGrants, isReadPermission, type Permission, type Role } from '@tillit/core';
import { AppError } from './errors.js';

export interface RoleGrant {
  role: Role;
  unitId: string;
}

/** Who is acting: a signed-in user, an API token acting for its user, or the system itself (seed, CLI). */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  userId: string | null;
  name: string;
  organizationId: string;
  isPlatformAdmin: boolean;
  locale: 'sv' | 'en';
  grants: RoleGrant[];
  /** API tokens with scope `read` may use only read permissions. */
  scope: 'read' | 'write';
}

export function systemActor(organizationId: string, name = 'Tillit (system)'): Actor {
  return { kind: 'system', userId: null, name, organizationId, isPlatformAdmin: true, locale: 'sv', grants: [], scope: 'write' };
}

function scopeAllows(actor: Actor, permission: Permission) {
  return actor.scope === 'write' || isReadPermission(permission);
}

/** Does the actor hold the permission on any unit of its organisation? */
export function holdsAnywhere(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  return scopeAllows(actor, permission) && actor.grants.some((g) => roleGrants(g.role, permission));
}

/** Does the actor hold the permission on the unit whose path (root … unit) is given? Inherited downwards. */
export function holdsOn(actor: Actor, permission: Permission, unitPath: readonly string[]): boolean {
  if (actor.kind === 'system') return true;
  if (!scopeAllows(actor, permission)) return false;
  return actor.grants.some((g) => unitPath.includes(g.unitId) && roleGrants(g.role, permission));
}

/** The units (sub-tree roots) on which the actor holds the permission; used to filter lists. */
export function grantedUnitIds(actor: Actor, permission: Permission): string[] {
  return actor.grants.filter((g) => roleGrants(g.role, permission)).map((g) => g.unitId);
}

/**
 * The check at the top of every service method. Data of another organisation is reported as not
 * found, so its existence does not leak.
 */
export function requireAccess(
  actor: Actor,
  permission: Permission,
  target: { organizationId: string; unitPath?: readonly string[] },
): void {
  if (actor.kind !== 'system' && target.organizationId !== actor.organizationId) throw new AppError('not_found');
  const ok = target.unitPath ? holdsOn(actor, permission, target.unitPath) : holdsAnywhere(actor, permission);
  if (!ok) throw new AppError('forbidden');
}

export function requirePlatformAdmin(actor: Actor): void {
  if (!actor.isPlatformAdmin) throw new AppError('forbidden');
}
