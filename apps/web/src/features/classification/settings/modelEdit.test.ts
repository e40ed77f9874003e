import { describe, expect, it } from 'vitest';
import { klassaPresetModel } from '@tillit/core/data/presets';
import {
  addCategory,
  addReference,
  categoryKey,
  cleanDefinition,
  emptyTexts,
  parseChapters,
  removeReference,
  removeTopLevel,
  ruleWhen,
  setReference,
  type RuleForm,
} from './modelEdit';

describe('editing a classification model', () => {
  it('removing the top level lowers rules and thresholds that pointed above it', () => {
    const next = removeTopLevel(klassaPresetModel);
    expect(next.levels).toHaveLength(4);
    expect(next.specialAnalysisFromLevel).toBe(3);
    expect(next.minimumRules.every((r) => r.level <= 3)).toBe(true);
    expect(next.questions.every((q) => q.examples.every((e) => e.level <= 3))).toBe(true);
  });

  it('never goes below two levels', () => {
    let def = klassaPresetModel;
    for (let i = 0; i < 10; i++) def = removeTopLevel(def);
    expect(def.levels).toHaveLength(2);
  });

  it('makes unique category keys from Swedish names', () => {
    expect(categoryKey('Miljö och samhälle', new Set())).toBe('miljo_och_samhalle');
    expect(categoryKey('Miljö', new Set(['miljo']))).toBe('miljo_2');
  });

  it('asks for question texts on enabled aspects only, and drops empty ones when saving', () => {
    const withT = addCategory(klassaPresetModel, 'Miljö');
    expect(emptyTexts(withT)).toHaveLength(4);
    const noT = { ...withT, aspects: withT.aspects.map((a) => (a.key === 'T' ? { ...a, enabled: false } : a)) };
    expect(emptyTexts(noT)).toHaveLength(3);
    expect(cleanDefinition(noT).questions.filter((q) => q.category === 'miljo')).toHaveLength(0);
  });

  it('edits the references of a floor: a new one asks for the law, blank places are left out, one can be removed', () => {
    const i = klassaPresetModel.minimumRules.findIndex((r) => r.id === 'patient_data_confidentiality');
    const before = klassaPresetModel.minimumRules[i]!.references.length;
    let def = addReference(klassaPresetModel, i);
    expect(emptyTexts(def)).toEqual([`minimumRules.${i}.references.${before}.law`]);
    def = setReference(def, i, before, 'law', 'Offentlighets- och sekretesslagen');
    def = setReference(def, i, before, 'chapter', '25');
    def = setReference(def, i, before, 'section', '  ');
    expect(def.minimumRules[i]!.references[before]).toEqual({ law: 'Offentlighets- och sekretesslagen', chapter: '25' });
    expect(emptyTexts(def)).toEqual([]);
    def = setReference(def, i, 0, 'chapter', '');
    expect(def.minimumRules[i]!.references[0]).not.toHaveProperty('chapter');
    expect(removeReference(def, i, before).minimumRules[i]!.references).toHaveLength(before);
    expect(klassaPresetModel.minimumRules[i]!.references).toHaveLength(before); // the shipped model is not touched
  });

  it('builds a new rule on the facts of a set, and refuses a rule without a condition or with a bad chapter', () => {
    const none: RuleForm = {
      personalData: [],
      thirdCountryTransfer: [],
      secrecy: 'none',
      chapters: '',
      protectedIdentity: false,
      criminalOffenceData: false,
      securityProtection: false,
    };
    expect(ruleWhen(none)).toBeNull();
    expect(ruleWhen({ ...none, secrecy: 'chapters', chapters: '26, 25 26' })).toEqual({ secrecyChapters: [25, 26] });
    expect(ruleWhen({ ...none, secrecy: 'chapters', chapters: '51' })).toBeNull();
    expect(ruleWhen({ ...none, secrecy: 'any', protectedIdentity: true, criminalOffenceData: true, securityProtection: true })).toEqual({
      secrecy: true,
      protectedIdentity: true,
      criminalOffenceData: true,
      securityProtection: true,
    });
    expect(parseChapters('25 kap')).toBeNull();
  });
});
