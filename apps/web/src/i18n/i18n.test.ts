import { describe, expect, it } from 'vitest';
import {
  checkCoreParity,
  checkDuplicateKeys,
  checkUsedKeys,
  checkWebParity,
  compareLanguages,
  duplicateKeys,
  flattenKeys,
  missingKeysIn,
} from '../../../../scripts/i18n-keys.mjs';

describe('translations', () => {
  it('has the same keys in Swedish and English in every web namespace', () => {
    expect(checkWebParity()).toEqual([]);
  });

  it('has the same keys in core’s Swedish and English server texts', () => {
    expect(checkCoreParity()).toEqual([]);
  });

  it('has every literal key the web app uses in Swedish', () => {
    expect(checkUsedKeys()).toEqual([]);
  });

  it('declares no key twice in core’s data, texts and permissions.json or the web app’s texts', () => {
    expect(checkDuplicateKeys()).toEqual([]);
  });
});

describe('the key checker', () => {
  it('finds a key one object declares twice, which JSON.parse would silently let win', () => {
    const permissionsJson = '{ "permissions": { "risk.read": ["auditor"], "risk.write": [], "risk.read": ["admin"] } }';
    expect(duplicateKeys(permissionsJson)).toEqual(['permissions.risk.read']);
    const texts =
      '{ "errors": { "a": "x \\" y", "b": "z" }, "mail": { "a": "the same key in another section" }, "list": [{ "k": 1, "k": 2 }, true, null, -1.5e3] }';
    expect(duplicateKeys(texts)).toEqual(['list[0].k']);
    expect(duplicateKeys('{"a": {}, "b": [], "a": 1}')).toEqual(['a']);
  });

  it('flattens nested keys', () => {
    expect(flattenKeys({ a: { b: 'x', c: { d: 'y' } }, e: 'z' })).toEqual(['a.b', 'a.c.d', 'e']);
  });

  it('reports a key that exists in only one language', () => {
    const problems = compareLanguages({ sv: { common: { a: 'x', b: { c: 'y' } } }, en: { common: { a: 'x' } } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("'b.c'");
  });

  it('finds missing keys, honouring namespaces and plurals and skipping dynamic keys', () => {
    const sv = { common: { save: 'Spara', items_one: 'en', items_other: 'flera' }, units: { title: 'Enheter' } };
    const source = [
      "const { t } = useTranslation(['units', 'common']);",
      "t('title'); t('save'); t('common:save'); t('items', { count: 2 });",
      't(`roles.${role}`);',
      "t('missing'); i18n.t('units:nothing'); format('not a key');",
    ].join('\n');
    expect(missingKeysIn(source, sv)).toEqual([
      { key: 'missing', line: 4 },
      { key: 'units:nothing', line: 4 },
    ]);
  });
});
