import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aspectKeys, type AspectKey } from './aspects.js';
import { deriveTriggers, groupByTheme, selectRequirements, type SelectionLevels } from './requirements.js';
import { baseCatalogue, triggerVocabulary } from '../data/requirement-catalogues.js';
import type { CatalogueRequirement } from '../schemas/requirement-catalogue.js';

const text = { sv: 'x', en: 'x' };
const req = (id: string, appliesAt: CatalogueRequirement['appliesAt'], triggers: string[] = []): CatalogueRequirement => ({
  id,
  theme: 'T1',
  title: text,
  statement: text,
  procurement: text,
  guidance: text,
  appliesAt,
  triggers,
  references: [],
});
const ids = (s: { requirements: { requirement: { id: string } }[] }) => s.requirements.map((r) => r.requirement.id);

describe('selectRequirements: levels', () => {
  const catalogue = {
    requirements: [req('ALWAYS', {}), req('C2', { C: 2 }), req('C3-OR-A1', { C: 3, A: 1 }), req('NULL-ONLY', { C: null, I: null })],
  };

  it('applies a requirement from its minimum level up, on any of its aspects', () => {
    expect(ids(selectRequirements(catalogue, { levels: { C: 1, I: 0, A: 0, T: 0 }, triggers: [] }))).toEqual(['ALWAYS', 'NULL-ONLY']);
    expect(ids(selectRequirements(catalogue, { levels: { C: 2, I: 0, A: 0, T: 0 }, triggers: [] }))).toEqual(['ALWAYS', 'C2', 'NULL-ONLY']);
    expect(ids(selectRequirements(catalogue, { levels: { C: 0, I: 0, A: 1, T: 0 }, triggers: [] }))).toEqual([
      'ALWAYS',
      'C3-OR-A1',
      'NULL-ONLY',
    ]);
  });

  it('says which aspects made a requirement apply', () => {
    const s = selectRequirements(catalogue, { levels: { C: 3, I: 0, A: 2, T: null }, triggers: [] });
    expect(s.requirements.find((r) => r.requirement.id === 'C3-OR-A1')?.aspects).toEqual(['C', 'A']);
    expect(s.requirements.find((r) => r.requirement.id === 'ALWAYS')?.aspects).toEqual([]);
  });

  it('treats an unclassified or switched-off aspect as not reaching any minimum', () => {
    expect(ids(selectRequirements(catalogue, { levels: { C: null, I: null, A: null, T: null }, triggers: [] }))).toEqual([
      'ALWAYS',
      'NULL-ONLY',
    ]);
    expect(ids(selectRequirements(catalogue, { levels: {}, triggers: [] }))).toEqual(['ALWAYS', 'NULL-ONLY']);
  });

  it('generates nothing from an aspect at level 4 and flags the security-protection analysis', () => {
    const s = selectRequirements(catalogue, { levels: { C: 4, I: 0, A: 0, T: 0 }, triggers: [] });
    expect(ids(s)).toEqual(['ALWAYS', 'NULL-ONLY']);
    expect(s.specialAnalysisAspects).toEqual(['C']);
    expect(s.needsSpecialAnalysis).toBe(true);
    // Another aspect still generates its own requirements.
    expect(ids(selectRequirements(catalogue, { levels: { C: 4, I: 0, A: 1, T: 0 }, triggers: [] }))).toContain('C3-OR-A1');
    expect(selectRequirements(catalogue, { levels: { C: 3, I: 3, A: 3, T: 3 }, triggers: [] }).needsSpecialAnalysis).toBe(false);
  });

  it('follows the model: no special level means level 4 is an ordinary level', () => {
    const s = selectRequirements(catalogue, { levels: { C: 4 }, triggers: [], specialAnalysisFromLevel: null });
    expect(ids(s)).toContain('C2');
    expect(s.needsSpecialAnalysis).toBe(false);
    expect(selectRequirements(catalogue, { levels: { C: 3 }, triggers: [], specialAnalysisFromLevel: 3 }).specialAnalysisAspects).toEqual([
      'C',
    ]);
  });
});

describe('selectRequirements: law triggers', () => {
  const catalogue = {
    requirements: [
      req('PATIENT', {}, ['patient_data']),
      req('EITHER', {}, ['personal_data', 'secrecy']),
      req('PD-C2', { C: 2 }, ['personal_data']),
    ],
  };

  it('applies a triggered requirement when any of its triggers holds', () => {
    expect(ids(selectRequirements(catalogue, { levels: {}, triggers: [] }))).toEqual([]);
    expect(ids(selectRequirements(catalogue, { levels: {}, triggers: ['secrecy'] }))).toEqual(['EITHER']);
    const s = selectRequirements(catalogue, { levels: {}, triggers: ['patient_data', 'personal_data'] });
    expect(ids(s)).toEqual(['PATIENT', 'EITHER']);
    expect(s.requirements[1]?.triggers).toEqual(['personal_data']);
  });

  it('needs both the level and the trigger when a requirement has both', () => {
    expect(ids(selectRequirements(catalogue, { levels: { C: 1 }, triggers: ['personal_data'] }))).not.toContain('PD-C2');
    expect(ids(selectRequirements(catalogue, { levels: { C: 2 }, triggers: [] }))).not.toContain('PD-C2');
    expect(ids(selectRequirements(catalogue, { levels: { C: 2 }, triggers: ['personal_data'] }))).toContain('PD-C2');
  });
});

describe('selectRequirements: properties', () => {
  const level = fc.option(fc.integer({ min: 0, max: 4 }), { nil: null });
  const levels = fc.record({ C: level, I: level, A: level, T: level }) as fc.Arbitrary<SelectionLevels>;
  const triggerCodes = triggerVocabulary.triggers.map((t) => t.code);
  const triggers = fc.subarray(triggerCodes);

  it('matches the rule written out directly, for the shipped catalogue', () => {
    fc.assert(
      fc.property(levels, triggers, (lv, tr) => {
        const got = new Set(ids(selectRequirements(baseCatalogue, { levels: lv, triggers: tr })));
        for (const r of baseCatalogue.requirements) {
          const mins = aspectKeys.filter((a) => typeof r.appliesAt[a] === 'number');
          const byLevel = mins.length === 0 || mins.some((a) => (lv[a] ?? -1) >= r.appliesAt[a]! && (lv[a] ?? 0) < 4);
          const byTrigger = r.triggers.length === 0 || r.triggers.some((t) => tr.includes(t));
          expect(got.has(r.id)).toBe(byLevel && byTrigger);
        }
      }),
    );
  });

  it('never loses a requirement when a level below 4 rises or a trigger is added', () => {
    fc.assert(
      fc.property(
        levels,
        triggers,
        fc.constantFrom(...aspectKeys),
        fc.constantFrom(...triggerCodes),
        (lv, tr, aspect: AspectKey, extra) => {
          const before = new Set(ids(selectRequirements(baseCatalogue, { levels: lv, triggers: tr })));
          const current = lv[aspect];
          const raised = { ...lv, [aspect]: typeof current === 'number' ? Math.min(current + 1, 3) : 1 };
          if (typeof current === 'number' && current >= 3) return;
          const after = new Set(ids(selectRequirements(baseCatalogue, { levels: raised, triggers: [...tr, extra] })));
          for (const id of before) expect(after.has(id)).toBe(true);
        },
      ),
    );
  });

  it('flags exactly the aspects at level 4, and keeps catalogue order', () => {
    fc.assert(
      fc.property(levels, triggers, (lv, tr) => {
        const s = selectRequirements(baseCatalogue, { levels: lv, triggers: tr });
        expect(s.specialAnalysisAspects).toEqual(aspectKeys.filter((a) => lv[a] === 4));
        const order = baseCatalogue.requirements.map((r) => r.id);
        const positions = ids(s).map((id) => order.indexOf(id));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });
});

describe('groupByTheme', () => {
  it('groups in the catalogue theme order and leaves out empty themes', () => {
    const s = selectRequirements(baseCatalogue, { levels: { C: 3, I: 3, A: 3, T: 3 }, triggers: [] });
    const groups = groupByTheme(baseCatalogue.themes, s.requirements);
    const themeOrder = baseCatalogue.themes.map((t) => t.code);
    expect(groups.map((g) => themeOrder.indexOf(g.theme))).toEqual(groups.map((g) => themeOrder.indexOf(g.theme)).sort((a, b) => a - b));
    expect(groups.every((g) => g.requirements.length > 0 && g.requirements.every((r) => r.requirement.theme === g.theme))).toBe(true);
    expect(groups.reduce((n, g) => n + g.requirements.length, 0)).toBe(s.requirements.length);
  });
});

describe('deriveTriggers', () => {
  it('derives personal, sensitive and patient data and secrecy from the personal-data fact', () => {
    expect(deriveTriggers(triggerVocabulary, { personalData: 'none' })).toEqual([]);
    expect(deriveTriggers(triggerVocabulary, { personalData: 'ordinary' })).toEqual(['personal_data']);
    expect(deriveTriggers(triggerVocabulary, { personalData: 'sensitive' })).toEqual(['personal_data', 'sensitive_personal_data']);
    expect(deriveTriggers(triggerVocabulary, { personalData: 'patient' })).toEqual([
      'personal_data',
      'sensitive_personal_data',
      'patient_data',
      'secrecy',
    ]);
  });

  it('sets the third-country trigger only for a known transfer', () => {
    expect(deriveTriggers(triggerVocabulary, { thirdCountryTransfer: 'yes' })).toEqual(['third_country_transfer']);
    expect(deriveTriggers(triggerVocabulary, { thirdCountryTransfer: 'unknown' })).toEqual([]);
    expect(deriveTriggers(triggerVocabulary, { thirdCountryTransfer: 'no' })).toEqual([]);
  });

  it('takes the information sets a system processes into account', () => {
    expect(
      deriveTriggers(triggerVocabulary, { personalData: 'none', thirdCountryTransfer: 'yes' }, [{ personalData: 'patient' }, {}]),
    ).toEqual(['personal_data', 'sensitive_personal_data', 'patient_data', 'secrecy', 'third_country_transfer']);
  });

  it('reads a new fact from one added rule line, list-valued or boolean', () => {
    const vocabulary = {
      ...triggerVocabulary,
      rules: [
        ...triggerVocabulary.rules,
        { trigger: 'secrecy', fact: 'secrecyChapters', nonEmpty: true as const },
        { trigger: 'nis_service', fact: 'nisService', anyOf: [true] },
      ],
    };
    expect(deriveTriggers(vocabulary, { secrecyChapters: ['26'] })).toEqual(['secrecy']);
    expect(deriveTriggers(vocabulary, { secrecyChapters: [] })).toEqual([]);
    expect(deriveTriggers(vocabulary, { nisService: true })).toEqual(['nis_service']);
    expect(deriveTriggers(vocabulary, { nisService: false })).toEqual([]);
  });
});
