import { z } from 'zod';
import { aspectKey, aspectKeys, personalDataKind, secrecyChapter, thirdCountryTransfer } from './assets.js';

/** Text in the organisation's language(s): Swedish required, English optional (falls back to Swedish). */
export const localized = z.object({
  sv: z.string().trim().min(1).max(4000),
  en: z.string().trim().min(1).max(4000).optional(),
});
export type Localized = z.infer<typeof localized>;

const key = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/);

export const modelAspect = z.object({
  key: aspectKey,
  /** Short code shown in a profile: K R T S in Swedish, C I A T in English. */
  code: z.object({ sv: z.string().trim().min(1).max(3), en: z.string().trim().min(1).max(3).optional() }),
  name: localized,
  /** The guiding question for the whole aspect ("Vad händer om …"). */
  question: localized,
  enabled: z.boolean(),
});

export const modelLevel = z.object({
  value: z.number().int().min(0).max(9),
  name: localized,
  description: localized.optional(),
});

export const modelCategory = z.object({ key, name: localized, description: localized.optional() });

export const modelQuestion = z.object({
  aspect: aspectKey,
  category: key,
  text: localized,
  examples: z.array(z.object({ level: z.number().int().min(0).max(9), text: localized })).max(10),
});

/**
 * Where a rule is grounded: a law or regulation and the place in it, e.g. offentlighets- och
 * sekretesslagen (2009:400) 25 kap. 1 §, HSLF-FS 2016:40 4 kap. 9–9 a §§, GDPR art. 10.
 */
export const legalReference = z.object({
  /** The name of the law or regulation as it is cited, e.g. "Patientdatalagen". */
  law: z.string().trim().min(1).max(200),
  /** SFS number or the regulation's own number, e.g. "2008:355", "(EU) 2016/679". */
  number: z.string().trim().min(1).max(40).optional(),
  chapter: z.string().trim().min(1).max(10).optional(),
  /** Paragraph(s): "1", "1–2", "9–9 a". */
  section: z.string().trim().min(1).max(20).optional(),
  /** Article(s) of an EU regulation: "10", "5.2". */
  article: z.string().trim().min(1).max(20).optional(),
});
export type LegalReference = z.infer<typeof legalReference>;

/**
 * A legal floor: the organisation's policy, grounded in the law, that when every condition in
 * `when` matches the asset's facts the aspect's level is at least `level`. The law sets duties
 * (secrecy, logging); the level is the organisation's reading of them, so `reason` says so and
 * `references` name the paragraphs it rests on.
 */
export const minimumRule = z.object({
  id: key,
  when: z.object({
    personalData: z.array(personalDataKind).min(1).optional(),
    thirdCountryTransfer: z.array(thirdCountryTransfer).min(1).optional(),
    /** Secrecy-protected under OSL (any chapter). */
    secrecy: z.literal(true).optional(),
    /** Secrecy-protected under one of these OSL chapters (e.g. 25 hälso- och sjukvård, 26 socialtjänst). */
    secrecyChapters: z.array(secrecyChapter).min(1).max(50).optional(),
    protectedIdentity: z.literal(true).optional(),
    criminalOffenceData: z.literal(true).optional(),
    securityProtection: z.literal(true).optional(),
  }),
  aspect: aspectKey,
  level: z.number().int().min(0).max(9),
  reason: localized,
  /** Older model versions were saved without references: they read as none. */
  references: z.array(legalReference).max(10).default([]),
});
export type MinimumRule = z.infer<typeof minimumRule>;

/** A classification model as data. Each organisation has versions of one; a classification records the version it used. */
export const classificationModelDefinition = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,79}$/),
    name: localized,
    description: localized.optional(),
    aspects: z.array(modelAspect).length(4),
    levels: z.array(modelLevel).min(2).max(7),
    categories: z.array(modelCategory).min(1).max(20),
    questions: z.array(modelQuestion).max(200),
    minimumRules: z.array(minimumRule).max(100),
    /** A written justification per aspect is required from this level up. */
    justificationFromLevel: z.number().int().min(0).max(9),
    /**
     * From this level up the aspect is flagged "kräver särskild analys" and gets no generated
     * requirements; null = never. Such levels are for säkerhetsskydd only: they can be chosen only
     * when the information set is marked as säkerhetsskyddsklassificerad.
     */
    specialAnalysisFromLevel: z.number().int().min(0).max(9).nullable(),
    /** Default validity of an approved classification, in months. */
    reviewMonths: z.number().int().min(1).max(60),
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    m.aspects.forEach((a, i) => {
      if (a.key !== aspectKeys[i]) issue(['aspects', i, 'key'], `aspects must be ${aspectKeys.join(', ')} in this order`);
      if (a.key !== 'T' && !a.enabled) issue(['aspects', i, 'enabled'], 'only T (spårbarhet) can be switched off');
    });
    m.levels.forEach((l, i) => {
      if (l.value !== i) issue(['levels', i, 'value'], 'levels must be numbered 0, 1, 2, … without gaps');
    });
    const max = m.levels.length - 1;
    const categories = new Set(m.categories.map((c) => c.key));
    if (categories.size !== m.categories.length) issue(['categories'], 'category keys must be unique');
    const seen = new Set<string>();
    m.questions.forEach((q, i) => {
      if (!categories.has(q.category)) issue(['questions', i, 'category'], `unknown category ${q.category}`);
      if (seen.has(`${q.aspect}/${q.category}`)) issue(['questions', i], 'one question per aspect and category');
      seen.add(`${q.aspect}/${q.category}`);
      q.examples.forEach((e, j) => {
        if (e.level > max) issue(['questions', i, 'examples', j, 'level'], `level must be 0–${max}`);
      });
    });
    const ruleIds = new Set<string>();
    m.minimumRules.forEach((r, i) => {
      if (r.level > max) issue(['minimumRules', i, 'level'], `level must be 0–${max}`);
      if (ruleIds.has(r.id)) issue(['minimumRules', i, 'id'], 'rule ids must be unique');
      // A floor without a condition would hold for every asset: that is a level, not a rule.
      if (!Object.values(r.when).some((v) => v !== undefined)) issue(['minimumRules', i, 'when'], 'a rule needs at least one condition');
      ruleIds.add(r.id);
    });
    if (m.justificationFromLevel > max) issue(['justificationFromLevel'], `level must be 0–${max}`);
    if (m.specialAnalysisFromLevel !== null && m.specialAnalysisFromLevel > max)
      issue(['specialAnalysisFromLevel'], `level must be 0–${max}`);
  });
export type ClassificationModelDefinition = z.infer<typeof classificationModelDefinition>;

export const classificationModelView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  note: z.string().nullable(),
  definition: classificationModelDefinition,
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Classification versions recorded with this model version. */
  usageCount: z.number().int(),
});
export type ClassificationModelView = z.infer<typeof classificationModelView>;

export const classificationModelSummary = classificationModelView.omit({ definition: true });

export const createModelVersionBody = z.object({
  definition: classificationModelDefinition,
  note: z.string().trim().max(1000).nullish(),
});
