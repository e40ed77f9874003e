import { describe, expect, it } from 'vitest';
import { webModules } from './modules';
import { namespaces } from '../i18n/resources';

// File lists at build time, without loading the files (lazy globs).
const manifestFiles = Object.keys(import.meta.glob('../features/*/module.tsx'));
const featureFolders = [...new Set(Object.keys(import.meta.glob('../features/*/*.tsx')).map((f) => f.split('/')[2]!))];
// Shared namespaces in i18n/, a feature's own in features/<feature>/i18n/.
const swedishFiles = Object.keys({ ...import.meta.glob('../i18n/sv/*.json'), ...import.meta.glob('../features/*/i18n/sv/*.json') }).map(
  (f) => f.replace(/^.*\/(.*)\.json$/, '$1'),
);

describe('web feature manifests', () => {
  it('finds every feature folder by its module.tsx, named like the folder', () => {
    expect(manifestFiles.map((f) => f.split('/')[2]).sort()).toEqual(featureFolders.sort());
    expect(webModules.map((m) => m.name).sort()).toEqual(featureFolders.sort());
  });

  it('gives every page one address and every menu entry one place', () => {
    const paths = webModules.flatMap((m) => (m.routes ?? []).map((r) => r.path ?? '(index)'));
    expect(new Set(paths).size).toBe(paths.length);
    const publicPaths = webModules.flatMap((m) => (m.publicRoutes ?? []).map((r) => r.path));
    expect(publicPaths).toEqual(expect.arrayContaining(['/login', '/link/:token']));
    const orders = webModules.flatMap((m) => (m.nav ?? []).map((n) => n.order));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('loads every translation file through a manifest, each namespace once', () => {
    expect([...namespaces].filter((ns) => ns !== 'errors').sort()).toEqual(swedishFiles.sort());
  });
});
