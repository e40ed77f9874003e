import rolesData from './data/roles.json' with { type: 'json' };

/** The one permission vocabulary. Every route declares one of these (or `public`/`authenticated`). */
export const permissions = [
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
  'information_type.manage',
  'measure.read',
  'measure.write',
  'measure.verify',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = [
  'admin',
  'security_coordinator',
  'information_owner',
  'system_administrator',
  'risk_owner',
  'data_protection_officer',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

const rolePermissions = rolesData.roles as Record<Role, Permission[]>;

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
