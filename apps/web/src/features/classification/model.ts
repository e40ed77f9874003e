import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AspectKey, Localized, Profile } from '@tillit/core';
import type { ClassificationModelDefinition } from '../../api';

export const aspectKeys: readonly AspectKey[] = ['C', 'I', 'A', 'T'];

/** Model texts are `{ sv, en? }`: English falls back to Swedish. */
export function textOf(text: Localized | undefined | null, locale: string): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text.sv;
}

export interface ModelTexts {
  locale: 'sv' | 'en';
  /** K R T S in Swedish, C I A T in English (the model's own codes when it is loaded). */
  code: (aspect: AspectKey) => string;
  aspectName: (aspect: AspectKey) => string;
  levelName: (level: number | null | undefined) => string;
  /** "3 – Allvarlig skada" */
  levelLabel: (level: number | null | undefined) => string;
  enabled: (aspect: AspectKey) => boolean;
  enabledAspects: AspectKey[];
  levelCount: number;
  /** "K3 R2 T2 S2"; unclassified and switched-off aspects left out. */
  profileLabel: (profile: Profile | null | undefined) => string;
  text: (value: Localized | undefined | null) => string;
  /** A consequence category's name; its key when the model does not have it. */
  categoryName: (key: string) => string;
}

/**
 * Names of aspects and levels for the interface. Works before the model has loaded (codes and
 * aspect names from the translations, levels as plain numbers), so lists never wait for it.
 */
export function useModelTexts(model: ClassificationModelDefinition | null | undefined): ModelTexts {
  const { t, i18n } = useTranslation('classification');
  const locale = i18n.language === 'en' ? 'en' : 'sv';
  return useMemo(() => {
    const aspect = (key: AspectKey) => model?.aspects.find((a) => a.key === key);
    const code = (key: AspectKey) => {
      const a = aspect(key);
      return a ? ((locale === 'en' ? a.code.en : undefined) ?? a.code.sv) : t(`aspectCodes.${key}`);
    };
    const levelName = (level: number | null | undefined) => {
      if (level === null || level === undefined) return t('notClassified');
      const found = model?.levels.find((l) => l.value === level);
      return found ? textOf(found.name, locale) : String(level);
    };
    const enabled = (key: AspectKey) => aspect(key)?.enabled ?? true;
    const enabledAspects = aspectKeys.filter(enabled);
    return {
      locale,
      code,
      aspectName: (key) => (aspect(key) ? textOf(aspect(key)!.name, locale) : t(`aspectNames.${key}`)),
      levelName,
      levelLabel: (level) => (level === null || level === undefined ? t('notClassified') : `${level} – ${levelName(level)}`),
      enabled,
      enabledAspects,
      levelCount: model?.levels.length ?? 5,
      profileLabel: (profile) =>
        profile
          ? enabledAspects
              .filter((a) => profile[a] !== null && profile[a] !== undefined)
              .map((a) => `${code(a)}${profile[a]}`)
              .join(' ')
          : '',
      text: (value) => textOf(value, locale),
      categoryName: (key) => {
        const c = model?.categories.find((x) => x.key === key);
        return c ? textOf(c.name, locale) : key;
      },
    };
  }, [model, locale, t]);
}

/**
 * Background and text colour of a level, from calm to alarming. Every pair has a contrast of at
 * least 7:1, and the level number is always written out, so colour is never the only signal.
 */
const palette = [
  { bg: '#eef0f2', fg: '#2b3035', border: '#adb5bd' },
  { bg: '#e6f4ea', fg: '#14502a', border: '#74bf88' },
  { bg: '#fff4c2', fg: '#4d3a00', border: '#e0b400' },
  { bg: '#ffe8d1', fg: '#6b3300', border: '#f29f4b' },
  { bg: '#fde2e0', fg: '#7a1b17', border: '#e67b76' },
  { bg: '#f1e4fb', fg: '#4f1a7a', border: '#b784e0' },
] as const;

export function levelColors(level: number | null | undefined, levelCount: number) {
  if (level === null || level === undefined) return { bg: '#ffffff', fg: '#495057', border: '#adb5bd' };
  const max = Math.max(1, levelCount - 1);
  // The top level of a model is always the darkest shade; the rest spread over the scale.
  const index = level >= max ? (levelCount > 5 ? 5 : 4) : Math.round((level / max) * 4);
  return palette[Math.min(Math.max(index, 0), palette.length - 1)]!;
}
