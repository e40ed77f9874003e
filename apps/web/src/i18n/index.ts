import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/sv';
import 'dayjs/locale/en';
import type { Locale } from '@tillit/core';
import { setLocaleSource, setLocalErrorText } from '../api/client';
import { namespaces, resources } from './resources';

const STORAGE_KEY = 'tillit.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'sv' || value === 'en';
}

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function applyToDocument(locale: Locale) {
  document.documentElement.lang = locale;
  dayjs.locale(locale);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLocale() ?? 'sv',
  fallbackLng: 'sv',
  supportedLngs: ['sv', 'en'],
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

applyToDocument(currentLocale());
i18n.on('languageChanged', (lng) => applyToDocument(isLocale(lng) ? lng : 'sv'));

setLocaleSource(currentLocale);
setLocalErrorText((code) => (code === 'network' ? i18n.t('common:clientErrors.network') : i18n.t('errors:internal')));

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'sv';
}

/** Switches the interface language and remembers it in this browser. */
export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this visit only.
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export default i18n;
