import rolesData from './data/roles.json' with { type: 'json' };
import { coreModules, type ModulePermission } from './modules/index.js';

/** Permissions of the platform and the first modules; a newer module declares its own (modules/<m>/permissions.json). */
const centralPermissions = [
  'org.read',
  'org.manage',
  'unit.read',
  'unit.manage',
  'user.read',
  'user.manage',
  'role.manage',
  'audit.read',
  'token.manage',
  'asset.read',
  'asset.write',
  'asset.import',
  'classification.read',
  'classification.write',
  'classification.approve',
  'classification_model.manage',
] as const;
export type Permission = (typeof centralPermissions)[number] | ModulePermission;

/** The one permission vocabulary. Every route declares one of these (or `public`/`authenticated`). */
export const permissions: readonly Permission[] = [
  ...centralPermissions,
  ...coreModules.flatMap((m) => Object.keys(m.permissions) as ModulePermission[]),
];

export const roles = [
  'admin',
  'security_coordinator',
  'information_owner',
  'system_owner',
  'system_steward',
  'risk_owner',
  'data_protection_officer',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

/**
 * Each role's permissions: `data/roles.json` plus the grants each module declares beside its
 * permissions. A grant to a role that does not exist, or of a permission two modules claim, fails at
 * load (and in permissions.test.ts).
 */
const rolePermissions: Record<Role, Permission[]> = buildRolePermissions();

function buildRolePermissions(): Record<Role, Permission[]> {
  const out = Object.fromEntries(roles.map((r) => [r, [...((rolesData.roles as Record<string, Permission[]>)[r] ?? [])]])) as Record<Role, Permission[]>;
  const seen = new Set<string>(centralPermissions);
  for (const m of coreModules) {
    for (const [permission, grantedTo] of Object.entries(m.permissions)) {
      if (seen.has(permission)) throw new Error(`permission ${permission} is declared twice (module ${m.name})`);
      seen.add(permission);
      for (const role of grantedTo) {
        if (!(roles as readonly string[]).includes(role)) throw new Error(`module ${m.name} grants ${permission} to unknown role ${role}`);
        out[role as Role].push(permission as Permission);
      }
    }
  }
  return out;
}

export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role] ?? [];
}

export function roleGrants(role: Role, permission: Permission): boolean {
  return permissionsOf(role).includes(permission);
}

/** Which permissions are read-only: API tokens with the `read` scope may use only these. */
export function isReadPermission(permission: Permission): boolean {
  return permission.endsWith('.read');
}
