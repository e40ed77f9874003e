import { aspectKeys, type AspectKey } from './aspects.js';
import type { PersonalDataKind, Profile, ReviewState } from '../schemas/assets.js';
import type { ClassificationModelDefinition, LegalReference, Localized } from '../schemas/classification-model.js';

/**
 * The derivation rules of a classification, shared by the server (what is stored) and the web app
 * (what the user sees live while answering). Pure functions over the model as data.
 *
 * Per aspect:  base     = worst assessed consequence (max rule; every category answered or "ej relevant"),
 *                         else the information type's recommendation
 *              proposed = max(base, legal minimum, inherited from processed information sets)
 *              final    = max(proposed, raise)  — a raise needs a reason and may never go below proposed
 */
/** A category explicitly judged not relevant for the aspect: assessed, with no consequence. */
export const NOT_RELEVANT = 'not_relevant';
export type Answer = number | typeof NOT_RELEVANT | null | undefined;
export type Answers = Partial<Record<AspectKey, Record<string, Answer> | null>>;
export type Raises = Partial<Record<AspectKey, { level: number; reason: string } | null>>;
export type Justifications = Partial<Record<AspectKey, string | null>>;

export interface AssetFacts {
  personalData?: PersonalDataKind;
  thirdCountryTransfer?: 'yes' | 'no' | 'unknown';
  /** OSL chapter when secrecy-protected, else null. */
  secrecyChapter?: number | null;
  protectedIdentity?: boolean;
  criminalOffenceData?: boolean;
  /** Säkerhetsskydd: the only fact that makes the special-analysis level (4) reachable. */
  securityProtection?: boolean;
}

export interface DerivationInput extends AssetFacts {
  answers?: Answers | null;
  /** The information type's recommended profile, when the information set starts from a type. */
  typeRecommended?: Profile | null;
  /** Systems and processes: the maximum of the information sets they process. */
  inherited?: Profile | null;
  raises?: Raises | null;
}

export type LevelSourceKind = 'answers' | 'type' | 'minimum' | 'inherited' | 'raise';

export interface AppliedMinimum {
  ruleId: string;
  level: number;
  reason: Localized;
  references: LegalReference[];
}

export interface AspectResult {
  aspect: AspectKey;
  enabled: boolean;
  answered: number | null;
  fromType: number | null;
  minimum: number | null;
  minimumReasons: AppliedMinimum[];
  inherited: number | null;
  /** What the rules propose before any raise. */
  proposed: number | null;
  raised: number | null;
  final: number | null;
  /** Which inputs reach the final level (several when they tie). */
  sources: LevelSourceKind[];
  requiresJustification: boolean;
  specialAnalysis: boolean;
  deviatesFromType: boolean;
}

export interface Derivation {
  aspects: Record<AspectKey, AspectResult>;
  profile: Profile;
  specialAnalysis: boolean;
  deviatesFromType: boolean;
}

export type ClassificationIssueCode =
  | 'level_out_of_range'
  | 'unknown_category'
  | 'level_below_derived'
  | 'raise_reason_required'
  | 'aspect_unclassified'
  | 'justification_required'
  | 'type_deviation_reason_required'
  | 'category_unassessed'
  | 'level_requires_security_protection';

export interface ClassificationIssue {
  path: (string | number)[];
  code: ClassificationIssueCode;
  params?: Record<string, number | string>;
}

export const emptyProfile = (): Profile => ({ C: null, I: null, A: null, T: null });

/** The worst consequence decides; nulls (unanswered) are ignored. */
export function maxLevel(levels: Iterable<number | null | undefined>): number | null {
  let max: number | null = null;
  for (const l of levels) if (typeof l === 'number' && (max === null || l > max)) max = l;
  return max;
}

export function maxLevelOf(model: ClassificationModelDefinition): number {
  return model.levels.length - 1;
}

export function isAspectEnabled(model: ClassificationModelDefinition, aspect: AspectKey): boolean {
  return model.aspects.find((a) => a.key === aspect)?.enabled ?? false;
}

/** The legal/policy minimums that apply to an asset with these facts (rules on switched-off aspects skipped). */
export function applicableMinimums(model: ClassificationModelDefinition, facts: AssetFacts): (AppliedMinimum & { aspect: AspectKey })[] {
  return [...minimumsByAspect(model, facts)].flatMap(([aspect, list]) => list.map((m) => ({ ...m, aspect })));
}

function minimumsByAspect(model: ClassificationModelDefinition, facts: AssetFacts) {
  const out = new Map<AspectKey, AppliedMinimum[]>();
  for (const r of model.minimumRules) {
    if (!isAspectEnabled(model, r.aspect)) continue;
    if (r.when.personalData && (facts.personalData === undefined || !r.when.personalData.includes(facts.personalData))) continue;
    if (
      r.when.thirdCountryTransfer &&
      (facts.thirdCountryTransfer === undefined || !r.when.thirdCountryTransfer.includes(facts.thirdCountryTransfer))
    )
      continue;
    if (r.when.secrecy && !facts.secrecyChapter) continue;
    if (r.when.secrecyChapters && (!facts.secrecyChapter || !r.when.secrecyChapters.includes(facts.secrecyChapter))) continue;
    if (r.when.protectedIdentity && !facts.protectedIdentity) continue;
    if (r.when.criminalOffenceData && !facts.criminalOffenceData) continue;
    if (r.when.securityProtection && !facts.securityProtection) continue;
    out.set(r.aspect, [...(out.get(r.aspect) ?? []), { ruleId: r.id, level: r.level, reason: r.reason, references: r.references ?? [] }]);
  }
  return out;
}

/** A system's inherited profile: per aspect the maximum of the information sets it processes. */
export function inheritProfile(profiles: Iterable<Profile | null | undefined>): Profile {
  const list = [...profiles].filter((p): p is Profile => Boolean(p));
  const out = emptyProfile();
  for (const a of aspectKeys) out[a] = maxLevel(list.map((p) => p[a]));
  return out;
}

export function derive(model: ClassificationModelDefinition, input: DerivationInput): Derivation {
  const minimums = minimumsByAspect(model, input);
  const justifyFrom = model.justificationFromLevel;
  const specialFrom = model.specialAnalysisFromLevel;
  const aspects = {} as Record<AspectKey, AspectResult>;
  const profile = emptyProfile();
  for (const aspect of aspectKeys) {
    const enabled = isAspectEnabled(model, aspect);
    const answered = enabled ? answeredLevel(model, input.answers?.[aspect]) : null;
    const fromType = enabled ? (input.typeRecommended?.[aspect] ?? null) : null;
    const reasons = minimums.get(aspect) ?? [];
    const minimum = maxLevel(reasons.map((r) => r.level));
    const inherited = enabled ? (input.inherited?.[aspect] ?? null) : null;
    const base = answered ?? fromType;
    const proposed = enabled ? maxLevel([base, minimum, inherited]) : null;
    const raise = enabled ? input.raises?.[aspect] : null;
    const raised = raise ? raise.level : null;
    const final = enabled ? maxLevel([proposed, raised]) : null;
    const sources: LevelSourceKind[] = [];
    if (final !== null) {
      if (answered !== null && answered === final) sources.push('answers');
      if (answered === null && fromType !== null && fromType === final) sources.push('type');
      if (minimum !== null && minimum === final) sources.push('minimum');
      if (inherited !== null && inherited === final) sources.push('inherited');
      if (raised !== null && raised === final && (proposed === null || raised > proposed)) sources.push('raise');
    }
    aspects[aspect] = {
      aspect,
      enabled,
      answered,
      fromType,
      minimum,
      minimumReasons: reasons,
      inherited,
      proposed,
      raised,
      final,
      sources,
      requiresJustification: final !== null && final >= justifyFrom,
      specialAnalysis: final !== null && specialFrom !== null && final >= specialFrom,
      deviatesFromType: fromType !== null && final !== fromType,
    };
    profile[aspect] = final;
  }
  const all = Object.values(aspects);
  return { aspects, profile, specialAnalysis: all.some((a) => a.specialAnalysis), deviatesFromType: all.some((a) => a.deviatesFromType) };
}

/**
 * The worst assessed consequence of one aspect. "Ej relevant" counts as assessed without harm, so an
 * aspect whose every category is marked so is at level 0; nothing assessed gives null.
 */
function answeredLevel(model: ClassificationModelDefinition, answers: Record<string, Answer> | null | undefined): number | null {
  const values = Object.values(answers ?? {});
  const worst = maxLevel(values.map((v) => (typeof v === 'number' ? v : null)));
  if (worst !== null) return worst;
  return model.categories.length > 0 && model.categories.every((c) => answers?.[c.key] === NOT_RELEVANT) ? 0 : null;
}

/** The consequence categories of an aspect still neither answered nor marked "ej relevant". */
export function unassessedCategories(
  model: ClassificationModelDefinition,
  answers: Answers | null | undefined,
  aspect: AspectKey,
): string[] {
  const given = answers?.[aspect] ?? {};
  return model.categories.map((c) => c.key).filter((k) => given[k] === undefined || given[k] === null);
}

/**
 * Levels the user typed that the model does not have, answers to categories it does not have, and
 * levels reserved for säkerhetsskydd chosen for information that is not marked so.
 */
export function levelIssues(
  model: ClassificationModelDefinition,
  input: Pick<DerivationInput, 'answers' | 'raises' | 'securityProtection'>,
): ClassificationIssue[] {
  const max = maxLevelOf(model);
  // The special-analysis level and above are säkerhetsskydd's: ordinary information, however critical, stops below.
  const reserved = model.specialAnalysisFromLevel;
  const blocked = (l: number) => reserved !== null && l >= reserved && !input.securityProtection;
  const categories = new Set(model.categories.map((c) => c.key));
  const issues: ClassificationIssue[] = [];
  for (const aspect of aspectKeys) {
    for (const [category, value] of Object.entries(input.answers?.[aspect] ?? {})) {
      if (!categories.has(category)) issues.push({ path: ['answers', aspect, category], code: 'unknown_category' });
      else if (typeof value === 'number' && (value < 0 || value > max))
        issues.push({ path: ['answers', aspect, category], code: 'level_out_of_range', params: { min: 0, max } });
      else if (typeof value === 'number' && blocked(value))
        issues.push({ path: ['answers', aspect, category], code: 'level_requires_security_protection', params: { level: reserved! } });
    }
    const raise = input.raises?.[aspect];
    if (raise && (raise.level < 0 || raise.level > max))
      issues.push({ path: ['raises', aspect, 'level'], code: 'level_out_of_range', params: { min: 0, max } });
    else if (raise && blocked(raise.level))
      issues.push({ path: ['raises', aspect, 'level'], code: 'level_requires_security_protection', params: { level: reserved! } });
  }
  return issues;
}

/** A raise may only go up: never below what the rules derive (answers, minimums, inheritance). */
export function raiseIssues(derivation: Derivation, raises: Raises | null | undefined): ClassificationIssue[] {
  const issues: ClassificationIssue[] = [];
  for (const aspect of aspectKeys) {
    const raise = raises?.[aspect];
    if (!raise) continue;
    const proposed = derivation.aspects[aspect].proposed;
    if (proposed !== null && raise.level < proposed)
      issues.push({ path: ['raises', aspect, 'level'], code: 'level_below_derived', params: { derived: proposed } });
    if (!raise.reason?.trim()) issues.push({ path: ['raises', aspect, 'reason'], code: 'raise_reason_required' });
  }
  return issues;
}

/** Everything that must be in place before a version can be submitted for approval. */
export function submissionIssues(
  model: ClassificationModelDefinition,
  input: DerivationInput & { justifications?: Justifications | null; typeDeviationReason?: string | null },
): ClassificationIssue[] {
  const derivation = derive(model, input);
  const issues = [...levelIssues(model, input), ...raiseIssues(derivation, input.raises)];
  for (const aspect of aspectKeys) {
    const r = derivation.aspects[aspect];
    if (!r.enabled) continue;
    // Every consequence category is assessed before the worst one decides (one of seven is not a classification).
    for (const category of unassessedCategories(model, input.answers, aspect))
      issues.push({ path: ['answers', aspect, category], code: 'category_unassessed' });
    if (r.final === null) issues.push({ path: ['answers', aspect], code: 'aspect_unclassified' });
    if (r.requiresJustification && !input.justifications?.[aspect]?.trim()) {
      issues.push({
        path: ['justifications', aspect],
        code: 'justification_required',
        params: { fromLevel: model.justificationFromLevel },
      });
    }
  }
  if (derivation.deviatesFromType && !input.typeDeviationReason?.trim())
    issues.push({ path: ['typeDeviationReason'], code: 'type_deviation_reason_required' });
  return issues;
}

/** "K3 R2 T2 S2" (Swedish) or "C3 I2 A2 T2"; switched-off and unclassified aspects are left out. */
export function formatProfile(model: ClassificationModelDefinition, profile: Profile, locale: 'sv' | 'en' = 'sv'): string {
  return model.aspects
    .filter((a) => a.enabled && profile[a.key] !== null)
    .map((a) => `${(locale === 'en' ? a.code.en : undefined) ?? a.code.sv}${profile[a.key]}`)
    .join(' ');
}

/** "Offentlighets- och sekretesslagen (2009:400) 25 kap. 1 §", "HSLF-FS 2016:40 4 kap. 9–9 a §§", "GDPR art. 10". */
export function formatReference(ref: LegalReference): string {
  const several = (s: string) => /[–,-]|och/.test(s);
  return [
    ref.law,
    ref.number ? `(${ref.number})` : null,
    ref.chapter ? `${ref.chapter} kap.` : null,
    ref.section ? `${ref.section} ${several(ref.section) ? '§§' : '§'}` : null,
    ref.article ? `art. ${ref.article}` : null,
  ]
    .filter(Boolean)
    .join(' ');
}

export function localize(text: Localized | undefined | null, locale: 'sv' | 'en'): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text.sv;
}

/**
 * The "due soon" window, once for everything: the review state shown, the inventory filter and the
 * coverage counts in SQL (as a parameter) and the review reminders. `test/rules` checks SQL and core agree.
 */
export const DUE_SOON_DAYS = 30;

/** Validity of an approved classification on a given day. */
export function reviewStateOf(
  reviewDueAt: Date | string | null | undefined,
  now: Date = new Date(),
  soonDays = DUE_SOON_DAYS,
): ReviewState {
  if (!reviewDueAt) return 'missing';
  const due = typeof reviewDueAt === 'string' ? new Date(reviewDueAt) : reviewDueAt;
  if (due.getTime() < now.getTime()) return 'overdue';
  if (due.getTime() <= now.getTime() + soonDays * 86_400_000) return 'due_soon';
  return 'valid';
}

/** Default review date: the model's validity in months after approval. */
export function defaultReviewDue(approvedAt: Date, months: number): Date {
  const d = new Date(approvedAt);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}
