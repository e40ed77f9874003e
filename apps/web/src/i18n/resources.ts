import { messages } from '@tillit/core/messages';
import svCommon from './sv/common.json';
import enCommon from './en/common.json';
import { webModules } from '../app/modules';

/**
 * The namespaces of the feature modules, by name: each `features/<feature>/module.tsx` adds its own
 * here (declaration merging), so that translation keys stay typed without this file naming them.
 */
export interface ModuleResources {}

// A mapped type (not the interface itself), so i18next sees a plain object type it can index.
type Resources = { common: typeof svCommon; errors: typeof messages.sv.errors } & { [K in keyof ModuleResources]: ModuleResources[K] };

/**
 * One namespace per feature (from its module's `translations`) plus `common`; `errors` are the
 * server's error texts from core, so a client-side failure reads exactly like the same failure
 * reported by the server.
 */
function collect(locale: 'sv' | 'en', common: Record<string, unknown>): Resources {
  const out: Record<string, unknown> = { common };
  for (const m of webModules) {
    for (const [ns, texts] of Object.entries(m.translations ?? {})) {
      if (ns in out) throw new Error(`translation namespace ${ns} is declared twice`);
      out[ns] = texts[locale];
    }
  }
  out.errors = messages[locale].errors;
  return out as unknown as Resources;
}

export const resources = { sv: collect('sv', svCommon), en: collect('en', enCommon) };

export type Namespace = keyof Resources;
export const namespaces = Object.keys(resources.sv) as Namespace[];
