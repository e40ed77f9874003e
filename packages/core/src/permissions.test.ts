import { describe, expect, it } from 'vitest';
import { defineCoreModule } from './modules/define.js';
import { buildRolePermissions, isReadPermission, permissions, permissionsOf, roleGrants, roles } from './permissions.js';

describe('roles and permissions', () => {
  it('grants only permissions of the vocabulary, and every role can see its organisation and units', () => {
    for (const role of roles) {
      expect(permissionsOf(role).length, role).toBeGreaterThan(0);
      for (const p of permissionsOf(role)) expect(permissions, `${role}: ${p}`).toContain(p);
      expect(roleGrants(role, 'org.read'), role).toBe(true);
      expect(roleGrants(role, 'unit.read'), role).toBe(true);
    }
  });

  it('leaves managing people, roles and API tokens to the administrator', () => {
    for (const p of ['user.manage', 'role.manage', 'token.manage', 'org.manage'] as const) {
      expect(
        roles.filter((r) => roleGrants(r, p)),
        p,
      ).toEqual(['admin']);
    }
  });

  it('lets the audit log be read by the administrator, security coordinator, data protection officer and auditor', () => {
    expect(roles.filter((r) => roleGrants(r, 'audit.read'))).toEqual([
      'admin',
      'security_coordinator',
      'data_protection_officer',
      'auditor',
    ]);
  });

  it('gives the auditor and the data protection officer nothing but reading', () => {
    for (const role of ['auditor', 'data_protection_officer'] as const) {
      expect(
        permissionsOf(role).filter((p) => !isReadPermission(p)),
        role,
      ).toEqual([]);
    }
  });

  it('lets the system owner keep its systems in the register without classifying, deciding or reading the audit log', () => {
    expect(permissionsOf('system_owner')).toEqual(
      expect.arrayContaining(['org.read', 'unit.read', 'user.read', 'asset.read', 'asset.write', 'classification.read']),
    );
    for (const p of ['classification.write', 'classification.approve', 'audit.read', 'asset.import'] as const)
      expect(roleGrants('system_owner', p), p).toBe(false);
  });

  it('knows which permissions are read-only (all a read-scoped API token may use)', () => {
    for (const p of ['org.read', 'unit.read', 'user.read', 'audit.read', 'asset.read', 'classification.read'] as const)
      expect(isReadPermission(p), p).toBe(true);
    for (const p of [
      'org.manage',
      'unit.manage',
      'role.manage',
      'token.manage',
      'asset.write',
      'asset.import',
      'classification.approve',
    ] as const)
      expect(isReadPermission(p), p).toBe(false);
  });

  it('grants nothing for an unknown role', () => {
    expect(permissionsOf('king' as never)).toEqual([]);
    expect(roleGrants('king' as never, 'org.read')).toBe(false);
  });

  it('refuses at load a roles.json with an unknown role or an undeclared permission', () => {
    const risks = defineCoreModule({ name: 'risks', permissions: { 'risk.read': ['auditor'] }, messages: { sv: {}, en: {} } });
    expect(() => buildRolePermissions({ roles: { auditr: ['org.read'] } }, [])).toThrow(/unknown role auditr/);
    expect(() => buildRolePermissions({ roles: { auditor: ['org.read', 'org.raed'] } }, [])).toThrow(
      /auditor is granted org.raed, which no one declares/,
    );
    expect(() => buildRolePermissions({ roles: { auditor: 'org.read' } }, [])).toThrow(/must list permissions/);
    const built = buildRolePermissions({ roles: { auditor: ['org.read'] } }, [risks]);
    expect(built.auditor).toEqual(['org.read', 'risk.read']);
    expect(built.admin).toEqual([]);
  });
});
