import sv from './i18n/sv.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import type { Locale } from './schemas/common.js';

/** Server-side texts (error messages, mail) in both languages; the web app reuses the error texts. */
export const messages = { sv, en } as const;

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

export function mailText(locale: Locale, key: keyof typeof sv.mail, params: Record<string, string>): string {
  return messages[locale].mail[key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');
}
