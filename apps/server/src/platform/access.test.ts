import { describe, expect, it } from 'vitest';
import {
  grantedUnitIds,
  holdsAnywhere,
  holdsOn,
  requireAccess,
  requirePlatformAdmin,
  systemActor,
  type Actor,
  type RoleGrant,
} from './access.js';
import { AppError } from './errors.js';

// root ─ a ─ a1
//      └ b
const ORG = 'org-1';
const path = { root: ['root'], a: ['root', 'a'], a1: ['root', 'a', 'a1'], b: ['root', 'b'] };
const actor = (grants: RoleGrant[], scope: 'read' | 'write' = 'write'): Actor => ({
  kind: scope === 'read' ? 'token' : 'user',
  userId: 'u',
  name: 'U',
  organizationId: ORG,
  isPlatformAdmin: false,
  locale: 'sv',
  grants,
  scope,
});
const codeOf = (f: () => void) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('permissions on the unit tree', () => {
  it('are inherited by sub-units, not by siblings or parents', () => {
    const adminOfA = actor([{ role: 'admin', unitId: 'a' }]);
    expect(holdsOn(adminOfA, 'unit.manage', path.a)).toBe(true);
    expect(holdsOn(adminOfA, 'unit.manage', path.a1)).toBe(true);
    expect(holdsOn(adminOfA, 'unit.manage', path.b)).toBe(false);
    expect(holdsOn(adminOfA, 'unit.manage', path.root)).toBe(false);
  });

  it('come from the role: an auditor on the top unit reads everywhere but manages nothing', () => {
    const auditor = actor([{ role: 'auditor', unitId: 'root' }]);
    expect(holdsOn(auditor, 'audit.read', path.a1)).toBe(true);
    expect(holdsOn(auditor, 'unit.manage', path.a1)).toBe(false);
    expect(holdsAnywhere(auditor, 'unit.manage')).toBe(false);
  });

  it('add up over several roles', () => {
    const both = actor([
      { role: 'auditor', unitId: 'root' },
      { role: 'security_coordinator', unitId: 'b' },
    ]);
    expect(holdsOn(both, 'unit.manage', path.b)).toBe(true);
    expect(holdsOn(both, 'unit.manage', path.a)).toBe(false);
    expect(grantedUnitIds(both, 'unit.manage')).toEqual(['b']);
    expect(grantedUnitIds(both, 'unit.read')).toEqual(['root', 'b']);
  });

  it('are limited to reading for a read-scoped API token', () => {
    const reader = actor([{ role: 'admin', unitId: 'root' }], 'read');
    expect(holdsOn(reader, 'unit.read', path.a)).toBe(true);
    expect(holdsOn(reader, 'unit.manage', path.a)).toBe(false);
    expect(holdsAnywhere(reader, 'user.manage')).toBe(false);
  });

  it('are all held by the system itself (seed, command line)', () => {
    expect(holdsOn(systemActor(ORG), 'role.manage', path.b)).toBe(true);
  });
});

describe('requireAccess', () => {
  const adminOfA = actor([{ role: 'admin', unitId: 'a' }]);

  it('answers another organisation’s data as not found, before looking at permissions', () => {
    expect(codeOf(() => requireAccess(adminOfA, 'unit.read', { organizationId: 'org-2', unitPath: ['x'] }))).toBe('not_found');
    expect(codeOf(() => requireAccess(actor([]), 'unit.read', { organizationId: 'org-2' }))).toBe('not_found');
  });

  it('answers a missing permission as forbidden', () => {
    expect(codeOf(() => requireAccess(adminOfA, 'unit.manage', { organizationId: ORG, unitPath: path.b }))).toBe('forbidden');
    expect(codeOf(() => requireAccess(actor([]), 'unit.read', { organizationId: ORG }))).toBe('forbidden');
  });

  it('lets through what the actor holds, on the unit or anywhere', () => {
    expect(codeOf(() => requireAccess(adminOfA, 'unit.manage', { organizationId: ORG, unitPath: path.a1 }))).toBe('ok');
    expect(codeOf(() => requireAccess(adminOfA, 'unit.manage', { organizationId: ORG }))).toBe('ok');
  });
});

describe('the system actor and platform administration', () => {
  it('lets the system act in any organisation and hold every permission, also without grants', () => {
    const system = systemActor(ORG);
    expect(system).toMatchObject({ kind: 'system', userId: null, isPlatformAdmin: true, grants: [], scope: 'write' });
    expect(holdsAnywhere(system, 'role.manage')).toBe(true);
    expect(codeOf(() => requireAccess(system, 'unit.manage', { organizationId: 'org-2', unitPath: ['x'] }))).toBe('ok');
    expect(codeOf(() => requireAccess(system, 'unit.manage', { organizationId: 'org-2' }))).toBe('ok');
    expect(codeOf(() => requirePlatformAdmin(system))).toBe('ok');
  });

  it('does not let a user without grants act, even with every other field like the system’s', () => {
    const user = { ...systemActor(ORG), kind: 'user' as const, userId: 'u' };
    expect(holdsAnywhere(user, 'unit.read')).toBe(false);
    expect(holdsOn(user, 'unit.read', path.root)).toBe(false);
    expect(codeOf(() => requireAccess(user, 'unit.read', { organizationId: 'org-2' }))).toBe('not_found');
  });

  it('lets only platform administrators administer the platform', () => {
    expect(codeOf(() => requirePlatformAdmin(actor([{ role: 'admin', unitId: 'root' }])))).toBe('forbidden');
    expect(codeOf(() => requirePlatformAdmin({ ...actor([]), isPlatformAdmin: true }))).toBe('ok');
  });
});
