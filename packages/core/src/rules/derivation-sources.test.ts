import { describe, expect, it } from 'vitest';
import { klassaPresetModel as model } from '../data/presets.js';
import { applicableMinimums, derive, isAspectEnabled, localize, maxLevel } from './classification.js';

/**
 * Where each level comes from (shown to people as the level's origin), the legal minimums that
 * apply to which facts, and the small helpers the derivation leans on: each with the case on both
 * sides of its condition.
 */
describe('sources of a derived level', () => {
  it('names the answers when they decide the level, and not when a minimum lifts it above them', () => {
    expect(derive(model, { answers: { A: { operations: 2 } } }).aspects.A.sources).toEqual(['answers']);
    const lifted = derive(model, { personalData: 'patient', answers: { C: { privacy: 1 } } }).aspects.C;
    expect(lifted).toMatchObject({ answered: 1, minimum: 3, final: 3 });
    expect(lifted.sources).toEqual(['minimum']);
  });

  it('names both when the answers and a minimum agree', () => {
    expect(derive(model, { personalData: 'patient', answers: { C: { privacy: 3 } } }).aspects.C.sources).toEqual(['answers', 'minimum']);
  });

  it('names the information type only when nothing is answered and the type decides', () => {
    expect(derive(model, { typeRecommended: { C: 2, I: 1, A: null, T: null } }).aspects.C.sources).toEqual(['type']);
    // Answers replace the type's recommendation, even when they are lower.
    const answered = derive(model, { typeRecommended: { C: 2, I: 1, A: null, T: null }, answers: { C: { privacy: 1 } } }).aspects.C;
    expect(answered).toMatchObject({ fromType: 2, final: 1, deviatesFromType: true });
    expect(answered.sources).toEqual(['answers']);
    const aboveType = derive(model, { personalData: 'patient', typeRecommended: { C: 2, I: null, A: null, T: null } }).aspects.C;
    expect(aboveType.sources).toEqual(['minimum']);
  });

  it('names inheritance from the information sets a system processes', () => {
    expect(derive(model, { inherited: { C: 3, I: 1, A: 2, T: 0 }, answers: { C: { privacy: 2 } } }).aspects.C.sources).toEqual([
      'inherited',
    ]);
    expect(derive(model, { inherited: { C: 2, I: 1, A: 2, T: 0 }, answers: { C: { privacy: 2 } } }).aspects.C.sources).toEqual([
      'answers',
      'inherited',
    ]);
  });

  it('names nothing for an aspect without a level', () => {
    const d = derive(model, {});
    expect(d.aspects.A).toMatchObject({ final: null, sources: [], requiresJustification: false, specialAnalysis: false });
  });

  it('asks for a justification from the model’s level and a special analysis from its level', () => {
    expect(derive(model, { answers: { A: { operations: 1 } } }).aspects.A.requiresJustification).toBe(false);
    expect(derive(model, { answers: { A: { operations: 2 } } }).aspects.A.requiresJustification).toBe(true);
    expect(derive(model, { answers: { A: { operations: 3 } } }).specialAnalysis).toBe(false);
    expect(derive(model, { answers: { A: { operations: 4 } } }).specialAnalysis).toBe(true);
    expect(derive({ ...model, specialAnalysisFromLevel: null }, { answers: { A: { operations: 4 } } }).specialAnalysis).toBe(false);
  });
});

describe('legal minimums', () => {
  const ids = (facts: Parameters<typeof applicableMinimums>[1]) =>
    applicableMinimums(model, facts)
      .map((m) => m.ruleId)
      .sort();

  it('apply by the kind of personal data, and not without it', () => {
    expect(ids({ personalData: 'patient' })).toEqual(['patient_data_confidentiality', 'patient_data_traceability']);
    expect(ids({ personalData: 'none' })).toEqual([]);
    expect(ids({})).toEqual([]);
  });

  it('leave a third-country transfer out: it needs a legal basis, not a higher confidentiality level', () => {
    expect(ids({ personalData: 'ordinary', thirdCountryTransfer: 'yes' })).toEqual(
      ids({ personalData: 'ordinary', thirdCountryTransfer: 'no' }),
    );
    expect(ids({ personalData: 'none', thirdCountryTransfer: 'yes' })).toEqual([]);
  });

  it('do not apply to an aspect the model has switched off', () => {
    const noT = { ...model, aspects: model.aspects.map((a) => (a.key === 'T' ? { ...a, enabled: false } : a)) };
    expect(isAspectEnabled(noT, 'T')).toBe(false);
    expect(isAspectEnabled(noT, 'C')).toBe(true);
    expect(applicableMinimums(noT, { personalData: 'patient' }).map((m) => m.aspect)).toEqual(['C']);
    expect(isAspectEnabled({ ...model, aspects: model.aspects.filter((a) => a.key !== 'T') }, 'T')).toBe(false);
  });
});

describe('helpers', () => {
  it('take the highest level and ignore what is not a number', () => {
    expect(maxLevel([undefined])).toBeNull();
    expect(maxLevel([null, undefined])).toBeNull();
    expect(maxLevel([0])).toBe(0);
    expect(maxLevel([2, 4, 3])).toBe(4);
  });

  it('show a text in the reader’s language, Swedish when there is no English', () => {
    expect(localize({ sv: 'Konfidentialitet', en: 'Confidentiality' }, 'en')).toBe('Confidentiality');
    expect(localize({ sv: 'Konfidentialitet', en: 'Confidentiality' }, 'sv')).toBe('Konfidentialitet');
    expect(localize({ sv: 'Konfidentialitet' }, 'en')).toBe('Konfidentialitet');
    expect(localize(null, 'sv')).toBe('');
    expect(localize(undefined, 'en')).toBe('');
  });
});
