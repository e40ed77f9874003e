import type { AspectKey, Localized } from '@tillit/core';
import type { ClassificationModelDefinition } from '../../../api';

type Def = ClassificationModelDefinition;
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 7;

/** Optional English: an empty string means "no English text", so it falls back to Swedish. */
export function setLocalized(current: Localized | undefined, lang: 'sv' | 'en', value: string): Localized {
  const next: Localized = { sv: current?.sv ?? '', ...(current?.en ? { en: current.en } : {}) };
  if (lang === 'sv') next.sv = value;
  else if (value.trim()) next.en = value;
  else delete next.en;
  return next;
}

export function addLevel(def: Def, name: string): Def {
  if (def.levels.length >= MAX_LEVELS) return def;
  return { ...def, levels: [...def.levels, { value: def.levels.length, name: { sv: name } }] };
}

/** Removing the top level also removes its examples and lowers rules and thresholds that pointed above the new top. */
export function removeTopLevel(def: Def): Def {
  if (def.levels.length <= MIN_LEVELS) return def;
  const max = def.levels.length - 2;
  return {
    ...def,
    levels: def.levels.slice(0, -1),
    questions: def.questions.map((q) => ({ ...q, examples: q.examples.filter((e) => e.level <= max) })),
    minimumRules: def.minimumRules.map((r) => (r.level > max ? { ...r, level: max } : r)),
    justificationFromLevel: Math.min(def.justificationFromLevel, max),
    specialAnalysisFromLevel:
      def.specialAnalysisFromLevel !== null && def.specialAnalysisFromLevel > max ? max : def.specialAnalysisFromLevel,
  };
}

/** A key for a new category, made from its name (the model's keys are lower-case letters, digits and _). */
export function categoryKey(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[åä]/g, 'a')
      .replace(/ö/g, 'o')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^[^a-z]+/, '')
      .slice(0, 50) || 'kategori';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  return key;
}

export function addCategory(def: Def, name: string): Def {
  const key = categoryKey(name, new Set(def.categories.map((c) => c.key)));
  const questions = def.aspects.map((a) => ({ aspect: a.key, category: key, text: { sv: '' }, examples: [] }));
  return { ...def, categories: [...def.categories, { key, name: { sv: name } }], questions: [...def.questions, ...questions] };
}

export function removeCategory(def: Def, key: string): Def {
  return { ...def, categories: def.categories.filter((c) => c.key !== key), questions: def.questions.filter((q) => q.category !== key) };
}

export function updateQuestion(
  def: Def,
  aspect: AspectKey,
  category: string,
  change: (q: Def['questions'][number]) => Def['questions'][number],
): Def {
  const exists = def.questions.some((q) => q.aspect === aspect && q.category === category);
  const questions = exists
    ? def.questions.map((q) => (q.aspect === aspect && q.category === category ? change(q) : q))
    : [...def.questions, change({ aspect, category, text: { sv: '' }, examples: [] })];
  return { ...def, questions };
}

export function setExample(q: Def['questions'][number], level: number, lang: 'sv' | 'en', value: string): Def['questions'][number] {
  const current = q.examples.find((e) => e.level === level);
  if (!current && !value.trim()) return q;
  const text = setLocalized(current?.text, lang, value);
  const examples = current
    ? q.examples.map((e) => (e.level === level ? { ...e, text } : e))
    : [...q.examples, { level, text }].sort((a, b) => a.level - b.level);
  // An example without Swedish text is dropped rather than sent empty.
  return { ...q, examples: examples.filter((e) => e.text.sv.trim() || e.text.en?.trim()) };
}

/** Empty Swedish texts the server would refuse, as paths for the issue list. */
export function emptyTexts(def: Def): string[] {
  const out: string[] = [];
  if (!def.name.sv.trim()) out.push('name');
  def.aspects.forEach((a, i) => {
    if (!a.name.sv.trim()) out.push(`aspects.${i}.name`);
    if (!a.question.sv.trim()) out.push(`aspects.${i}.question`);
    if (!a.code.sv.trim()) out.push(`aspects.${i}.code`);
  });
  def.levels.forEach((l, i) => {
    if (!l.name.sv.trim()) out.push(`levels.${i}.name`);
    if (l.description && !l.description.sv.trim()) out.push(`levels.${i}.description`);
  });
  def.categories.forEach((c, i) => {
    if (!c.name.sv.trim()) out.push(`categories.${i}.name`);
    if (c.description && !c.description.sv.trim()) out.push(`categories.${i}.description`);
  });
  // Questions on a switched-off aspect are not asked; they are dropped when saving instead.
  const enabled = new Set(def.aspects.filter((a) => a.enabled).map((a) => a.key));
  def.questions.forEach((q, i) => enabled.has(q.aspect) && !q.text.sv.trim() && out.push(`questions.${i}.text`));
  def.minimumRules.forEach((r, i) => {
    if (!r.reason.sv.trim()) out.push(`minimumRules.${i}.reason`);
    r.references.forEach((ref, j) => !ref.law.trim() && out.push(`minimumRules.${i}.references.${j}.law`));
  });
  return out;
}

/** The definition as the server wants it: trimmed texts, examples with Swedish text only. */
export function cleanDefinition(def: Def): Def {
  return {
    ...def,
    questions: def.questions.filter((q) => q.text.sv.trim()).map((q) => ({ ...q, examples: q.examples.filter((e) => e.text.sv.trim()) })),
  };
}

type Rule = Def['minimumRules'][number];
type Reference = Rule['references'][number];
export const REFERENCE_FIELDS = ['law', 'number', 'chapter', 'section', 'article'] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

function setRuleAt(def: Def, i: number, change: (r: Rule) => Rule): Def {
  return { ...def, minimumRules: def.minimumRules.map((r, j) => (j === i ? change(r) : r)) };
}

/** A new, empty reference on a rule: the law is asked for before saving (see emptyTexts). */
export const addReference = (def: Def, rule: number): Def =>
  setRuleAt(def, rule, (r) => ({ ...r, references: [...r.references, { law: '' }] }));

export const removeReference = (def: Def, rule: number, ref: number): Def =>
  setRuleAt(def, rule, (r) => ({ ...r, references: r.references.filter((_, k) => k !== ref) }));

/** An optional place (number, chapter, paragraph, article) left blank is left out, not sent empty. */
export function setReference(def: Def, rule: number, ref: number, field: ReferenceField, value: string): Def {
  return setRuleAt(def, rule, (r) => ({
    ...r,
    references: r.references.map((x, k) => {
      if (k !== ref) return x;
      const next: Reference = { ...x };
      if (field === 'law') next.law = value;
      else if (value.trim()) next[field] = value;
      else delete next[field];
      return next;
    }),
  }));
}

/** What the "new rule" form holds: the facts the rule matches on. */
export interface RuleForm {
  personalData: string[];
  thirdCountryTransfer: string[];
  /** No condition on secrecy, any OSL chapter, or the chapters listed in `chapters`. */
  secrecy: 'none' | 'any' | 'chapters';
  chapters: string;
  protectedIdentity: boolean;
  criminalOffenceData: boolean;
  securityProtection: boolean;
}

/** "25, 26" → [25, 26]; null when a chapter is not a whole number 1–50 (the form names the field). */
export function parseChapters(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.length) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,2}$/.test(p) || Number(p) < 1 || Number(p) > 50) return null;
    if (!out.includes(Number(p))) out.push(Number(p));
  }
  return out.sort((a, b) => a - b);
}

/** The rule's `when` from the form; null when the form names no condition or the chapters are not valid. */
export function ruleWhen(f: RuleForm): Rule['when'] | null {
  const chapters = f.secrecy === 'chapters' ? parseChapters(f.chapters) : null;
  if (f.secrecy === 'chapters' && !chapters) return null;
  const when: Rule['when'] = {
    ...(f.personalData.length ? { personalData: f.personalData as NonNullable<Rule['when']['personalData']> } : {}),
    ...(f.thirdCountryTransfer.length
      ? { thirdCountryTransfer: f.thirdCountryTransfer as NonNullable<Rule['when']['thirdCountryTransfer']> }
      : {}),
    ...(f.secrecy === 'any' ? { secrecy: true as const } : {}),
    ...(chapters ? { secrecyChapters: chapters } : {}),
    ...(f.protectedIdentity ? { protectedIdentity: true as const } : {}),
    ...(f.criminalOffenceData ? { criminalOffenceData: true as const } : {}),
    ...(f.securityProtection ? { securityProtection: true as const } : {}),
  };
  return Object.keys(when).length ? when : null;
}
