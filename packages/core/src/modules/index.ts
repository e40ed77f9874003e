import * as registry from './registry.js';
import type { CoreModule, ModuleTexts } from './define.js';

type Registered = (typeof registry)[keyof typeof registry];
// Distributive over the registry's union of modules.
type PermissionsOf<M> = M extends CoreModule<infer P, string, ModuleTexts> ? P : never;
type ErrorCodesOf<M> = M extends CoreModule<string, infer E, ModuleTexts> ? E : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every module's core contribution, in name order. */
export const coreModules: readonly CoreModule[] = Object.values(registry as Record<string, CoreModule>).sort((a, b) =>
  a.name.localeCompare(b.name),
);

/** The permissions the modules bring (literal types, from their `permissions.json`). */
export type ModulePermission = PermissionsOf<Registered>;
/** The error codes the modules bring. */
export type ModuleErrorCode = ErrorCodesOf<Registered>;
/** The modules' server texts, merged (sections errors, mail, labels, …). */
export type ModuleMessages = UnionToIntersection<Registered['messages']['sv']>;

/**
 * Adds the modules' entries to a central table, refusing a key that two declare: a permission, error
 * code or message key has exactly one owner.
 */
export function mergeOwned<T>(
  what: string,
  central: Record<string, T>,
  pick: (m: CoreModule) => Record<string, T> | undefined,
  modules: readonly CoreModule[] = coreModules,
): Record<string, T> {
  const out: Record<string, T> = { ...central };
  for (const m of modules) {
    for (const [key, value] of Object.entries(pick(m) ?? {})) {
      if (key in out) throw new Error(`${what} ${key} is declared twice (module ${m.name})`);
      out[key] = value;
    }
  }
  return out;
}
