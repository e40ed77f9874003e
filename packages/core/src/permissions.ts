import rolesData from './data/roles.json' with { type: 'json' };
import { coreModules, type ModulePermission } from './modules/index.js';
import type { CoreModule } from './modules/define.js';

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
 * permissions. An unknown role or an undeclared permission in roles.json, a grant to a role that does
 * not exist, or a permission two modules claim fails at load (and in permissions.test.ts), instead of
 * being silently dropped or granting a permission no route checks.
 */
const rolePermissions: Record<Role, Permission[]> = buildRolePermissions(rolesData, coreModules);

export function buildRolePermissions(data: { roles: Record<string, unknown> }, modules: readonly CoreModule[]): Record<Role, Permission[]> {
  const known = new Set<string>([...centralPermissions, ...modules.flatMap((m) => Object.keys(m.permissions))]);
  for (const [role, granted] of Object.entries(data.roles)) {
    if (!(roles as readonly string[]).includes(role))
      throw new Error(`data/roles.json: unknown role ${role} (roles are ${roles.join(', ')})`);
    if (!Array.isArray(granted)) throw new Error(`data/roles.json: ${role} must list permissions`);
    for (const p of granted)
      if (!known.has(p as string)) throw new Error(`data/roles.json: ${role} is granted ${String(p)}, which no one declares`);
  }
  const out = Object.fromEntries(roles.map((r) => [r, [...((data.roles[r] as Permission[] | undefined) ?? [])]])) as Record<
    Role,
    Permission[]
  >;
  const seen = new Set<string>(centralPermissions);
  for (const m of modules) {
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
