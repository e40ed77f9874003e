import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ModuleManifest } from '../platform/module.js';
import type { RouteDef } from '../platform/http/route.js';
import { registerAuditVocabulary } from '../platform/audit/vocabulary.js';

/**
 * Every module, found by its manifest: each folder here with a `module.ts` is a module, so adding
 * one touches no list. The application, the demo seed, the generator, the bench and the
 * robustness tests read this array. Order: by name, except that a module comes after those it
 * names in `after` (its demo seed and generator steps need their data).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const manifestFiles = fs
  .readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ['module.ts', 'module.js'].map((f) => path.join(here, d.name, f)).find((f) => fs.existsSync(f)))
  .filter((f): f is string => f !== undefined)
  .sort();
const loaded = await Promise.all(
  manifestFiles.map(async (f) => ((await import(pathToFileURL(f).href)) as { default: ModuleManifest }).default),
);

export const modules: readonly ModuleManifest[] = orderModules(loaded);

// Each module's audit vocabulary: what recordAudit accepts and the audit log shows.
for (const m of modules) if (m.audit) registerAuditVocabulary(m.audit);

/** Sorts so that every module follows the ones in its `after`; refuses unknown names and cycles. */
export function orderModules(list: readonly ModuleManifest[]): ModuleManifest[] {
  const byName = new Map(list.map((m) => [m.name, m]));
  const out: ModuleManifest[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: ModuleManifest, trail: string[]) => {
    if (state.get(m.name) === 'done') return;
    if (state.get(m.name) === 'visiting') throw new Error(`module order cycle: ${[...trail, m.name].join(' → ')}`);
    state.set(m.name, 'visiting');
    for (const name of m.after ?? []) {
      const dep = byName.get(name);
      if (!dep) throw new Error(`module ${m.name} comes after unknown module ${name}`);
      visit(dep, [...trail, m.name]);
    }
    state.set(m.name, 'done');
    out.push(m);
  };
  for (const m of list) visit(m, []);
  return out;
}

/** Every API route, in one table: registered by the app, documented in OpenAPI, enumerated by the access-matrix test. */
export function allRoutes(): RouteDef[] {
  return modules.flatMap((m) => m.routes ?? []);
}
