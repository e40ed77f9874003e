import type { Answer } from './classification.js';
import { describe, expect, it } from 'vitest';
import { klassaPresetModel as model, informationTypePreset } from '../data/presets.js';
import { classificationModelDefinition, type ClassificationModelDefinition } from '../schemas/classification-model.js';
import {
  applicableMinimums,
  defaultReviewDue,
  derive,
  formatProfile,
  formatReference,
  inheritProfile,
  NOT_RELEVANT,
  unassessedCategories,
  levelIssues,
  maxLevel,
  raiseIssues,
  reviewStateOf,
  submissionIssues,
} from './classification.js';

/** Every category of the aspect assessed: the given levels, the rest marked "ej relevant". */
const all = (levels: Record<string, number>): Record<string, Answer> =>
  Object.fromEntries(model.categories.map((c) => [c.key, levels[c.key] ?? NOT_RELEVANT]));

const withoutTraceability: ClassificationModelDefinition = {
  ...model,
  aspects: model.aspects.map((a) => (a.key === 'T' ? { ...a, enabled: false } : a)),
};

describe('max rule', () => {
  it('takes the worst consequence over the categories and ignores unanswered ones', () => {
    expect(maxLevel([1, null, 3, undefined, 2])).toBe(3);
    expect(maxLevel([])).toBeNull();
    const d = derive(model, { answers: { C: { life_health: 1, privacy: 3, economy: null }, I: { operations: 2 } } });
    expect(d.aspects.C).toMatchObject({ answered: 3, final: 3, sources: ['answers'] });
    expect(d.aspects.I.final).toBe(2);
    expect(d.aspects.A.final).toBeNull();
  });

  it('flags level 4 as needing a separate analysis', () => {
    const d = derive(model, { securityProtection: true, answers: { A: { life_health: 4 } } });
    expect(d.aspects.A.specialAnalysis).toBe(true);
    expect(d.specialAnalysis).toBe(true);
  });
});

describe('level 4 is for säkerhetsskydd only', () => {
  it('refuses level 4 answers and raises for information not marked säkerhetsskydd', () => {
    const input = { answers: { A: { life_health: 4 } }, raises: { C: { level: 4, reason: 'Aggregering' } } };
    expect(levelIssues(model, input)).toEqual([
      { path: ['raises', 'C', 'level'], code: 'level_requires_security_protection', params: { level: 4 } },
      { path: ['answers', 'A', 'life_health'], code: 'level_requires_security_protection', params: { level: 4 } },
    ]);
    expect(levelIssues(model, { ...input, securityProtection: true })).toEqual([]);
    expect(levelIssues(model, { answers: { A: { life_health: 3 } } })).toEqual([]);
  });

  it('reaches 4 through the säkerhetsskydd fact, with the prompt for a separate analysis', () => {
    const d = derive(model, { securityProtection: true, answers: { C: all({ privacy: 2 }) } });
    expect(d.aspects.C).toMatchObject({ answered: 2, minimum: 4, final: 4, specialAnalysis: true, sources: ['minimum'] });
    expect(d.aspects.C.minimumReasons[0]!.reason.sv).toMatch(/säkerhetsskyddsanalys/);
    expect(formatReference(d.aspects.C.minimumReasons[0]!.references[0]!)).toBe('Säkerhetsskyddslagen (2018:585) 2 kap. 1 §');
  });

  it('puts no example answer at 4 other than säkerhetsskydd, and no information type at 4', () => {
    for (const q of model.questions)
      for (const e of q.examples.filter((x) => x.level >= 4)) expect(e.text.sv, `${q.aspect}/${q.category}`).toMatch(/säkerhetsskydd/);
    for (const t of informationTypePreset.types) for (const l of Object.values(t.recommended)) expect(l ?? 0, t.key).toBeLessThan(4);
    expect(model.levels[3]!.description?.sv).toMatch(/dödsfall/);
  });
});

describe('every consequence category is assessed', () => {
  it('lists what remains and refuses a submit with one question answered', () => {
    const answers = { C: { privacy: 3 } };
    expect(unassessedCategories(model, answers, 'C')).toEqual(model.categories.map((c) => c.key).filter((k) => k !== 'privacy'));
    const issues = submissionIssues(model, { answers, justifications: { C: 'x' } });
    expect(issues.filter((i) => i.code === 'category_unassessed' && i.path[1] === 'C')).toHaveLength(model.categories.length - 1);
  });

  it('counts "ej relevant" as assessed, and all of them as no harm', () => {
    expect(unassessedCategories(model, { C: all({}) }, 'C')).toEqual([]);
    expect(derive(model, { answers: { C: all({}) } }).aspects.C.final).toBe(0);
    expect(derive(model, { answers: { C: all({ trust: 2 }) } }).aspects.C.final).toBe(2);
  });
});

describe('legal minimums', () => {
  it('lifts patient data to at least K3 and S3, with the reasons', () => {
    const d = derive(model, { personalData: 'patient', answers: { C: { privacy: 1 }, T: { legal: 1 } } });
    expect(d.aspects.C).toMatchObject({ answered: 1, minimum: 3, final: 3, sources: ['minimum'] });
    expect(d.aspects.C.minimumReasons.map((r) => r.ruleId)).toEqual(['patient_data_confidentiality']);
    expect(d.aspects.C.minimumReasons[0]!.reason.sv).toMatch(/^Organisationens policy, grundad i lagen: patientuppgifter/);
    expect(d.aspects.C.minimumReasons[0]!.references.map(formatReference)).toEqual([
      'Offentlighets- och sekretesslagen (2009:400) 25 kap. 1 §',
      'Patientdatalagen (2008:355) 4 kap. 1–2 §§',
    ]);
    expect(d.aspects.T.final).toBe(3);
    expect(d.aspects.T.minimumReasons[0]!.references.map(formatReference)).toEqual([
      'Patientdatalagen (2008:355) 4 kap. 3 §',
      'HSLF-FS 2016:40 4 kap. 9–9 a §§',
    ]);
  });

  it('grounds every floor in at least one reference and says it is policy', () => {
    for (const r of model.minimumRules) {
      expect(r.references.length, r.id).toBeGreaterThan(0);
      expect(r.reason.sv, r.id).toMatch(/^Organisationens policy/);
    }
  });

  it('gives the facts of an information set their own floors, apart from the kind of personal data', () => {
    const floors = (facts: Parameters<typeof applicableMinimums>[1]) =>
      applicableMinimums(model, facts).map((m) => `${m.ruleId}:${m.aspect}${m.level}`);
    expect(floors({ secrecyChapter: 39 })).toEqual(['secrecy_confidentiality:C2']);
    expect(floors({ protectedIdentity: true })).toEqual(['protected_identity_confidentiality:C3']);
    expect(floors({ criminalOffenceData: true })).toEqual(['criminal_offence_data_confidentiality:C3']);
    expect(floors({ securityProtection: true })).toEqual(['security_protection_confidentiality:C4']);
    expect(floors({ personalData: 'none' })).toEqual([]);
  });

  it('matches a rule on named OSL chapters only, and refuses a rule without a condition', () => {
    const social = {
      id: 'social_services',
      when: { secrecyChapters: [26] },
      aspect: 'C' as const,
      level: 3,
      reason: { sv: 'Organisationens policy.' },
      references: [{ law: 'Offentlighets- och sekretesslagen', number: '2009:400', chapter: '26', section: '1' }],
    };
    const adapted = classificationModelDefinition.parse({ ...model, minimumRules: [...model.minimumRules, social] });
    const floors = (secrecyChapter: number) => applicableMinimums(adapted, { secrecyChapter }).map((m) => m.ruleId);
    expect(floors(26)).toEqual(['secrecy_confidentiality', 'social_services']);
    expect(floors(25)).toEqual(['secrecy_confidentiality']);
    const empty = classificationModelDefinition.safeParse({ ...model, minimumRules: [...model.minimumRules, { ...social, when: {} }] });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((i) => i.path.join('.'))).toEqual([`minimumRules.${model.minimumRules.length}.when`]);
  });

  it('does not lower a higher answer', () => {
    expect(derive(model, { personalData: 'patient', answers: { C: { life_health: 3 } }, secrecyChapter: 25 }).aspects.C.final).toBe(3);
  });

  it('does not raise confidentiality for a third-country transfer, and skips switched-off aspects', () => {
    expect(
      applicableMinimums(model, { personalData: 'ordinary', thirdCountryTransfer: 'yes' })
        .map((m) => `${m.aspect}${m.level}`)
        .sort(),
    ).toEqual(['C1', 'T2']);
    expect(
      applicableMinimums(model, { personalData: 'ordinary', thirdCountryTransfer: 'no' })
        .map((m) => `${m.aspect}${m.level}`)
        .sort(),
    ).toEqual(['C1', 'T2']);
    expect(applicableMinimums(withoutTraceability, { personalData: 'patient' }).map((m) => m.aspect)).toEqual(['C']);
    const d = derive(withoutTraceability, { personalData: 'patient', answers: { T: { legal: 3 } } });
    expect(d.aspects.T).toMatchObject({ enabled: false, final: null });
    expect(formatProfile(withoutTraceability, d.profile)).toBe('K3');
  });
});

describe('inheritance', () => {
  it('gives a system the maximum per aspect of the sets it processes', () => {
    const inherited = inheritProfile([{ C: 3, I: 2, A: 1, T: 3 }, { C: 1, I: 3, A: 2, T: null }, null]);
    expect(inherited).toEqual({ C: 3, I: 3, A: 2, T: 3 });
    expect(inheritProfile([])).toEqual({ C: null, I: null, A: null, T: null });
  });

  it('takes the inherited level when the system has nothing higher of its own', () => {
    const d = derive(model, { inherited: { C: 3, I: 2, A: 2, T: 2 }, answers: { A: { operations: 3 } } });
    expect(d.profile).toEqual({ C: 3, I: 2, A: 3, T: 2 });
    expect(d.aspects.C.sources).toEqual(['inherited']);
    expect(d.aspects.A.sources).toEqual(['answers']);
    expect(formatProfile(model, d.profile)).toBe('K3 R2 T3 S2');
    expect(formatProfile(model, d.profile, 'en')).toBe('C3 I2 A3 T2');
  });
});

describe('raise with reason', () => {
  const inherited = { C: 2, I: 2, A: 2, T: 2 };

  it('raises above the derived level and says so', () => {
    const raises = { A: { level: 3, reason: 'Många verksamheter samlade i ett system (aggregering).' } };
    const d = derive(model, { inherited, raises });
    expect(d.aspects.A).toMatchObject({ proposed: 2, raised: 3, final: 3, sources: ['raise'] });
    expect(raiseIssues(d, raises)).toEqual([]);
  });

  it('never lowers below the derived level', () => {
    const raises = { C: { level: 1, reason: 'Vill sänka' } };
    const d = derive(model, { inherited, raises });
    expect(d.aspects.C.final).toBe(2);
    expect(raiseIssues(d, raises)).toEqual([{ path: ['raises', 'C', 'level'], code: 'level_below_derived', params: { derived: 2 } }]);
  });

  it('needs a reason', () => {
    const raises = { I: { level: 3, reason: '  ' } };
    expect(raiseIssues(derive(model, { inherited, raises }), raises).map((i) => i.code)).toEqual(['raise_reason_required']);
  });
});

describe('what a submission needs', () => {
  it('asks for every enabled aspect and a justification from level 2', () => {
    const issues = submissionIssues(model, {
      answers: { C: all({ privacy: 2 }), I: all({ operations: 1 }), A: all({ operations: 0 }) },
      justifications: {},
    });
    expect(issues.filter((i) => i.code !== 'category_unassessed').map((i) => `${i.code}:${i.path.join('.')}`)).toEqual([
      'justification_required:justifications.C',
      'aspect_unclassified:answers.T',
    ]);
    const ok = submissionIssues(model, {
      answers: { C: all({ privacy: 2 }), I: all({ operations: 1 }), A: all({ operations: 0 }), T: all({ legal: 1 }) },
      justifications: { C: 'Uppgifter om många personer.' },
    });
    expect(ok).toEqual([]);
  });

  it('asks for a reason when the result deviates from the information type', () => {
    const typeRecommended = { C: 2, I: 2, A: 1, T: 2 };
    const justifications = { C: 'x', I: 'x', T: 'x' };
    const same = { C: all({ privacy: 2 }), I: all({ operations: 2 }), A: all({ operations: 1 }), T: all({ legal: 2 }) };
    expect(submissionIssues(model, { typeRecommended, justifications, answers: same })).toEqual([]);
    const deviating = { typeRecommended, justifications, answers: { ...same, A: all({ operations: 2 }) } };
    expect(submissionIssues(model, { ...deviating, justifications: { ...justifications, A: 'x' } }).map((i) => i.code)).toEqual([
      'type_deviation_reason_required',
    ]);
    expect(
      submissionIssues(model, {
        ...deviating,
        justifications: { ...justifications, A: 'x' },
        typeDeviationReason: 'Längre avbrott stoppar mottagningen.',
      }),
    ).toEqual([]);
  });

  it('refuses levels outside the model and unknown categories', () => {
    const small = classificationModelDefinition.parse({
      ...model,
      levels: model.levels.slice(0, 3),
      questions: model.questions.map((q) => ({ ...q, examples: q.examples.slice(0, 3) })),
      minimumRules: model.minimumRules.map((r) => ({ ...r, level: Math.min(r.level, 2) })),
      specialAnalysisFromLevel: null,
    });
    expect(levelIssues(small, { answers: { C: { privacy: 3, nonsense: 1 } }, raises: { I: { level: 5, reason: 'x' } } })).toEqual([
      { path: ['answers', 'C', 'privacy'], code: 'level_out_of_range', params: { min: 0, max: 2 } },
      { path: ['answers', 'C', 'nonsense'], code: 'unknown_category' },
      { path: ['raises', 'I', 'level'], code: 'level_out_of_range', params: { min: 0, max: 2 } },
    ]);
  });
});

describe('review dates', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it('is valid, due within 30 days, overdue or missing', () => {
    expect(reviewStateOf(null, now)).toBe('missing');
    expect(reviewStateOf('2026-12-01T00:00:00Z', now)).toBe('valid');
    expect(reviewStateOf('2026-06-20T00:00:00Z', now)).toBe('due_soon');
    expect(reviewStateOf('2026-05-31T00:00:00Z', now)).toBe('overdue');
    expect(defaultReviewDue(now, 12).toISOString()).toBe('2027-06-01T00:00:00.000Z');
  });
});

describe('shipped data', () => {
  it('has a question with an example per ordinary level for every aspect and category', () => {
    expect(model.questions).toHaveLength(model.aspects.length * model.categories.length);
    for (const q of model.questions)
      expect(q.examples.map((e) => e.level)).toEqual(q.category === 'society' ? [0, 1, 2, 3, 4] : [0, 1, 2, 3]);
    expect(model.levels.map((l) => l.name.sv)).toEqual([
      'Ingen eller försumbar skada',
      'Måttlig skada',
      'Betydande skada',
      'Allvarlig skada',
      'Synnerligen allvarlig skada',
    ]);
  });

  it('refuses a model with gaps in its levels or without confidentiality', () => {
    const gap = classificationModelDefinition.safeParse({ ...model, levels: [model.levels[0], model.levels[2]] });
    expect(gap.success).toBe(false);
    const noC = classificationModelDefinition.safeParse({
      ...model,
      aspects: model.aspects.map((a) => ({ ...a, enabled: a.key !== 'C' })),
    });
    expect(noC.success).toBe(false);
  });

  it('recommends profiles for information types that already meet the legal minimums', () => {
    expect(informationTypePreset.types.length).toBeGreaterThanOrEqual(10);
    for (const t of informationTypePreset.types) {
      const d = derive(model, { personalData: t.personalData, typeRecommended: t.recommended });
      expect(d.profile, t.key).toEqual(t.recommended);
    }
  });
});
