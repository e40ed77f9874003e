import centralSv from './i18n/sv.json' with { type: 'json' };
import centralEn from './i18n/en.json' with { type: 'json' };
import { coreModules, type ModuleMessages } from './modules/index.js';
import type { CoreModule } from './modules/define.js';
import type { Locale } from './schemas/common.js';

// A section maps keys to texts, or (like `states`) to groups of texts.
type Section = Record<string, unknown>;
type CentralMessages = typeof centralSv;
/** Core's texts with every module's merged in, section by section (errors, mail, labels, …). */
type Messages = {
  [K in keyof CentralMessages | keyof ModuleMessages]: (K extends keyof CentralMessages ? CentralMessages[K] : unknown) &
    (K extends keyof ModuleMessages ? ModuleMessages[K] : unknown);
};

/** Adds each module's sections to the central texts; a key two declare fails at load (one owner). */
function withModules(central: Record<string, Section>, locale: Locale): Messages {
  const out: Record<string, Section> = Object.fromEntries(Object.entries(central).map(([k, v]) => [k, { ...v }]));
  for (const m of coreModules as readonly CoreModule[]) {
    for (const [section, texts] of Object.entries(m.messages[locale])) {
      const into = (out[section] ??= {});
      for (const [key, text] of Object.entries(texts ?? {})) {
        if (key in into) throw new Error(`message ${section}.${key} is declared twice (module ${m.name}, ${locale})`);
        into[key] = text;
      }
    }
  }
  return out as unknown as Messages;
}

/** Server-side texts (error messages, mail) in both languages; the web app reuses the error texts. */
export const messages = { sv: withModules(centralSv, 'sv'), en: withModules(centralEn, 'en') } as const;

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'sv';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'sv';
}

export function errorMessage(locale: Locale, code: string): string {
  const table = messages[locale].errors as Record<string, string>;
  return table[code] ?? table.internal ?? code;
}

/** Stands for a linked asset on a unit the reader cannot read (asset page, export link sheets). */
export function hiddenAssetName(locale: Locale): string {
  return messages[locale].labels.hiddenAsset;
}

export function mailText(locale: Locale, key: keyof Messages['mail'] & string, params: Record<string, string>): string {
  return (messages[locale].mail as Record<string, string>)[key]!.replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');
}
