import { describe, expect, it } from 'vitest';
import { assetImportVocabulary } from '@tillit/core';
import assets from '../../i18n/sv/assets.json';

/**
 * The export writes the first word the import vocabulary lists for each value; it must be the
 * word the screen shows (issue 9 item 6: exports use the screen's words), and the import reads it back.
 */
describe('the import vocabulary and the screen', () => {
  it('lists the screen’s Swedish label first for every value', () => {
    const screen: Record<string, Record<string, string>> = {
      kind: assets.kinds,
      hosting: assets.hostings,
      lifecycle: assets.lifecycles,
      personalData: assets.personalData,
      thirdCountryTransfer: assets.thirdCountry,
    };
    const differ: string[] = [];
    for (const [field, table] of Object.entries(assetImportVocabulary.values) as [string, Record<string, string[]>][]) {
      for (const [code, words] of Object.entries(table))
        if (words[0] !== screen[field]?.[code]) differ.push(`${field}.${code}: ${words[0]} ≠ ${screen[field]?.[code]}`);
      expect(Object.keys(table).sort()).toEqual(Object.keys(screen[field] ?? {}).sort());
    }
    expect(differ).toEqual([]);
  });
});
