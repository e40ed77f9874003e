import { randomUUID } from 'node:crypto';
import { aspectKeys, deriveTriggers, selectRequirements, triggerVocabulary, type TriggerFacts } from '@tillit/core';
import { diffPlans } from '@tillit/core/modules/action-plans/rules';
import type { ClassifiedProfileRow } from '../classification/classification.service.js';
import { fingerprint, type CatalogueVersion } from './action-plans.catalogue.js';
import type { NewPlan, NewRequirement, PlanRow, RequirementRow } from './action-plans.repository.js';

/** The law triggers of a classified asset: its own facts and those of the information sets it handles. */
export function triggersOf(a: ClassifiedProfileRow): string[] {
  const own: TriggerFacts = {
    personalData: a.personal_data,
    thirdCountryTransfer: a.third_country_transfer,
    essentialService: a.essential_service,
  };
  const sets: TriggerFacts[] = a.set_personal_data.map((p, i) => ({
    personalData: p,
    thirdCountryTransfer: a.set_third_country_transfer[i],
    essentialService: a.set_essential_service[i],
  }));
  return deriveTriggers(triggerVocabulary, own, sets);
}

const levelsOf = (a: { level_c: number | null; level_i: number | null; level_a: number | null; level_t: number | null }) => ({
  C: a.level_c,
  I: a.level_i,
  A: a.level_a,
  T: a.level_t,
});
const sameArray = (x: readonly string[], y: readonly string[]) => x.length === y.length && [...x].sort().join() === [...y].sort().join();

/** Was the plan made from the asset's present levels and law triggers? */
export function sameProfile(plan: PlanRow, asset: ClassifiedProfileRow, triggers: readonly string[]): boolean {
  return aspectKeys.every((k) => levelsOf(plan)[k] === levelsOf(asset)[k]) && sameArray(plan.triggers, triggers);
}

/** Would a new plan differ from the current one (catalogue version, levels or triggers)? */
export function planIsCurrent(
  plan: PlanRow,
  asset: ClassifiedProfileRow,
  catalogue: CatalogueVersion,
  triggers: readonly string[],
): boolean {
  return plan.catalogue_version_id === catalogue.id && sameProfile(plan, asset, triggers);
}

export interface Built {
  plan: NewPlan;
  requirements: NewRequirement[];
  counts: { added: number; changed: number; unchanged: number; removed: number };
}

/**
 * The new plan of one asset from the catalogue, compared with its previous plan (if any): unchanged
 * requirements carry their answer (and evidence), changed ones point at the old answer and ask again.
 */
export function buildPlan(
  organizationId: string,
  actorId: string | null,
  asset: ClassifiedProfileRow,
  catalogue: CatalogueVersion,
  previous: { plan: PlanRow; requirements: RequirementRow[]; catalogue: CatalogueVersion } | undefined,
): Built {
  const triggers = triggersOf(asset);
  const selection = selectRequirements(catalogue.file, { levels: levelsOf(asset), triggers });
  const themeOrder = new Map(catalogue.file.themes.map((t, i) => [t.code, i]));
  const chosen = [...selection.requirements].sort(
    (x, y) => (themeOrder.get(x.requirement.theme) ?? 0) - (themeOrder.get(y.requirement.theme) ?? 0),
  );
  const id = randomUUID();
  const prevRefs = (previous?.requirements ?? []).map((r) => {
    const req = previous!.catalogue.byKey.get(r.requirement_key);
    return { key: r.requirement_key, fingerprint: req ? fingerprint(req) : '' };
  });
  const diff = previous
    ? diffPlans(
        prevRefs,
        chosen.map((s) => ({ key: s.requirement.id, fingerprint: fingerprint(s.requirement) })),
      )
    : undefined;
  const prevByKey = new Map((previous?.requirements ?? []).map((r) => [r.requirement_key, r]));
  const counts = { added: 0, changed: 0, unchanged: 0, removed: diff?.removed.length ?? 0 };
  const requirements = chosen.map((s, position): NewRequirement => {
    const change = diff?.changes.get(s.requirement.id) ?? null;
    if (change) counts[change] += 1;
    const old = prevByKey.get(s.requirement.id);
    return {
      plan_id: id,
      requirement_key: s.requirement.id,
      theme: s.requirement.theme,
      position,
      change,
      previous_id: change === 'changed' ? (old?.id ?? null) : null,
      carry_from: change === 'unchanged' ? (old?.id ?? null) : null,
    };
  });
  return {
    plan: {
      id,
      organization_id: organizationId,
      asset_id: asset.id,
      catalogue_version_id: catalogue.id,
      level_c: asset.level_c,
      level_i: asset.level_i,
      level_a: asset.level_a,
      level_t: asset.level_t,
      triggers,
      security_analysis_aspects: selection.specialAnalysisAspects,
      previous_plan_id: previous?.plan.id ?? null,
      generated_by: actorId,
    },
    requirements,
    counts,
  };
}
