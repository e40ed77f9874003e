import { describe, expect, it } from 'vitest';
import { klassaPresetModel } from '@tillit/core/data/presets';
import { addCategory, categoryKey, cleanDefinition, emptyTexts, removeTopLevel } from './modelEdit';

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
});
