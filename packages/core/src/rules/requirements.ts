import { aspectKeys, type AspectKey } from './aspects.js';
import type { Profile } from '../schemas/assets.js';
import type { CatalogueRequirement, TriggerVocabularyFile } from '../schemas/requirement-catalogue.js';

/**
 * Which requirements of a catalogue apply to an asset: the rule KLASSA users rely on (an approved
 * profile produces its requirements), plus law triggers. Pure, so the server (action plans,
 * procurement sets) and the web app (a live preview) select the same way.
 *
 * A requirement applies when
 *   (its appliesAt is empty, or some aspect's level ≥ that aspect's minimum and the aspect is not
 *    at the special-analysis level)
 *   and (its triggers are empty, or at least one of them holds).
 * An aspect at the special-analysis level (4, säkerhetsskydd) produces no requirements; the
 * result flags it so the user is asked for a separate security-protection analysis instead.
 */
export type TriggerCode = string;

/** The aspect levels of a profile; null/absent = not classified or switched off. */
export type SelectionLevels = Partial<Record<AspectKey, number | null | undefined>>;

export interface SelectionInput {
  levels: SelectionLevels | Profile;
  triggers: Iterable<TriggerCode>;
  /** The model's `specialAnalysisFromLevel` (4 in the shipped model); null = never. */
  specialAnalysisFromLevel?: number | null;
}

export interface SelectedRequirement<R extends CatalogueRequirement = CatalogueRequirement> {
  requirement: R;
  /** The aspects whose level reached the requirement's minimum (empty when appliesAt is empty). */
  aspects: AspectKey[];
  /** The requirement's triggers that hold (empty when it has none). */
  triggers: TriggerCode[];
}

export interface Selection<R extends CatalogueRequirement = CatalogueRequirement> {
  /** In catalogue order. */
  requirements: SelectedRequirement<R>[];
  /** Aspects at the special-analysis level: they generated nothing. */
  specialAnalysisAspects: AspectKey[];
  /** True when any aspect is at that level: show the prompt for a separate security-protection analysis. */
  needsSpecialAnalysis: boolean;
}

export const DEFAULT_SPECIAL_ANALYSIS_LEVEL = 4;

/** The aspects named in appliesAt with a minimum (null entries do not count). */
export function aspectMinimums(req: Pick<CatalogueRequirement, 'appliesAt'>): [AspectKey, number][] {
  const out: [AspectKey, number][] = [];
  for (const a of aspectKeys) {
    const min = req.appliesAt[a];
    if (typeof min === 'number') out.push([a, min]);
  }
  return out;
}

export function selectRequirements<R extends CatalogueRequirement>(
  catalogue: { requirements: readonly R[] },
  input: SelectionInput,
): Selection<R> {
  const special = input.specialAnalysisFromLevel === undefined ? DEFAULT_SPECIAL_ANALYSIS_LEVEL : input.specialAnalysisFromLevel;
  const held = new Set(input.triggers);
  const levels = input.levels as SelectionLevels;
  const isSpecial = (level: number | null | undefined) => special !== null && typeof level === 'number' && level >= special;
  const specialAnalysisAspects = aspectKeys.filter((a) => isSpecial(levels[a]));

  const requirements: SelectedRequirement<R>[] = [];
  for (const requirement of catalogue.requirements) {
    const minimums = aspectMinimums(requirement);
    const aspects = minimums
      .filter(([a, min]) => {
        const level = levels[a];
        return typeof level === 'number' && level >= min && !isSpecial(level);
      })
      .map(([a]) => a);
    if (minimums.length > 0 && aspects.length === 0) continue;
    const triggers = requirement.triggers.filter((t) => held.has(t));
    if (requirement.triggers.length > 0 && triggers.length === 0) continue;
    requirements.push({ requirement, aspects, triggers });
  }
  return { requirements, specialAnalysisAspects, needsSpecialAnalysis: specialAnalysisAspects.length > 0 };
}

/** Selected requirements grouped by theme, themes in the catalogue's order (empty themes left out). */
export function groupByTheme<R extends CatalogueRequirement>(
  themes: readonly { code: string }[],
  selected: readonly SelectedRequirement<R>[],
): { theme: string; requirements: SelectedRequirement<R>[] }[] {
  return themes
    .map((t) => ({ theme: t.code, requirements: selected.filter((s) => s.requirement.theme === t.code) }))
    .filter((g) => g.requirements.length > 0);
}

/** A fact of an asset or information set as the trigger rules read it. */
export type FactValue = string | boolean | number | null | undefined | readonly string[];
export type TriggerFacts = Readonly<Record<string, FactValue>>;

function ruleHolds(rule: TriggerVocabularyFile['rules'][number], facts: TriggerFacts): boolean {
  const value = facts[rule.fact];
  if (rule.nonEmpty)
    return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && value !== '' && value !== false;
  const wanted = rule.anyOf ?? [];
  if (Array.isArray(value)) return value.some((v) => wanted.includes(v));
  return wanted.includes(value as string | boolean);
}

/**
 * The law triggers that hold for an asset: from its own facts and the facts of the information
 * sets it processes (a system that processes patient data is triggered by it). Table-driven:
 * `vocabulary.rules` says which fact values set which trigger. Result in vocabulary order.
 */
export function deriveTriggers(
  vocabulary: TriggerVocabularyFile,
  own: TriggerFacts,
  informationSets: readonly TriggerFacts[] = [],
): TriggerCode[] {
  const all = [own, ...informationSets];
  const held = new Set(vocabulary.rules.filter((r) => all.some((f) => ruleHolds(r, f))).map((r) => r.trigger));
  return vocabulary.triggers.map((t) => t.code).filter((c) => held.has(c));
}
