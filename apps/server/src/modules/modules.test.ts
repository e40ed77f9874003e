import { describe, expect, it } from 'vitest';
import { permissions } from '@tillit/core';
import { allRoutes, modules, orderModules } from './index.js';
import type { ModuleManifest } from '../platform/module.js';

describe('module manifests', () => {
  it('finds every module folder by its manifest, each with a unique name', () => {
    const names = modules.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    // The modules of today; a new folder with a module.ts appears here without any list being edited.
    expect(names).toEqual(
      expect.arrayContaining([
        'asset-import',
        'assets',
        'audit',
        'auth',
        'classification',
        'dashboard',
        'information-types',
        'organizations',
        'tokens',
        'units',
        'users',
      ]),
    );
  });

  it('gives every route a permission some module owns, and every permission exactly one owner', () => {
    const owners = new Map<string, string[]>();
    for (const m of modules) for (const p of m.permissions ?? []) owners.set(p.permission, [...(owners.get(p.permission) ?? []), m.name]);
    for (const p of permissions) expect(owners.get(p), p).toHaveLength(1);
    const special = new Set(['public', 'authenticated', 'platform_admin']);
    const unowned = allRoutes().filter((r) => !special.has(r.permission) && !owners.has(r.permission));
    expect(unowned.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('has no route twice', () => {
    const keys = allRoutes().map((r) => `${r.method} ${r.url}`);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('puts a module after those named in `after`, and refuses unknown names and cycles', () => {
    const m = (name: string, after?: string[]): ModuleManifest => ({ name, after });
    expect(orderModules([m('a', ['c']), m('b'), m('c', ['b'])]).map((x) => x.name)).toEqual(['b', 'c', 'a']);
    expect(() => orderModules([m('a', ['x'])])).toThrow(/unknown module x/);
    expect(() => orderModules([m('a', ['b']), m('b', ['a'])])).toThrow(/cycle/);
  });
});
