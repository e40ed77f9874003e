import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webModules } from './modules';
import { namespaces } from '../i18n/resources';

const featuresDir = path.resolve(import.meta.dirname, '../features');
const i18nDir = path.resolve(import.meta.dirname, '../i18n/sv');

describe('web feature manifests', () => {
  it('finds one manifest per feature folder that has a module.tsx', () => {
    const folders = fs.readdirSync(featuresDir).filter((f) => fs.existsSync(path.join(featuresDir, f, 'module.tsx')));
    expect(webModules.map((m) => m.name).sort()).toEqual(folders.sort());
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
    const files = fs.readdirSync(i18nDir).map((f) => f.replace(/\.json$/, ''));
    expect([...namespaces].filter((ns) => ns !== 'errors').sort()).toEqual(files.sort());
  });
});
