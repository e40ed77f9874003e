import { triggerVocabulary } from '@tillit/core';
import {
  actionPlanSettings,
  isStale,
  planProgress,
  progressFromCounts,
  type AssessmentStatus,
} from '@tillit/core/modules/action-plans/rules';
import type { EvidenceView, PlanRequirementView, PlanView } from '@tillit/core/modules/action-plans/schemas';
import { inLocale, type CatalogueVersion } from './action-plans.catalogue.js';
import type { EvidenceRow, PlanRow, RequirementRow } from './action-plans.repository.js';

type Locale = 'sv' | 'en';
const settings = actionPlanSettings;

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const answerOf = (r: RequirementRow, now: Date) => ({
  status: r.status as AssessmentStatus | null,
  how: r.how,
  comment: r.comment,
  naReason: r.na_reason,
  assessedBy: person(r.assessed_by, r.assessed_by_name),
  assessedAt: r.assessed_at?.toISOString() ?? null,
  stale: isStale(r.assessed_at, now, settings.staleAfterMonths),
});

export const triggerLabel = (code: string, locale: Locale) => {
  const t = triggerVocabulary.triggers.find((x) => x.code === code);
  return t ? inLocale(t.label, locale) : code;
};

export function toEvidenceView(e: EvidenceRow): EvidenceView {
  return {
    id: e.id,
    kind: e.kind as EvidenceView['kind'],
    title: e.title,
    url: e.url,
    fileName: e.file_name,
    mediaType: e.media_type,
    sizeBytes: e.size_bytes,
    createdBy: person(e.created_by, e.created_by_name),
    createdAt: e.created_at.toISOString(),
  };
}

export interface PlanParts {
  plan: PlanRow;
  catalogue: CatalogueVersion;
  requirements: RequirementRow[];
  previous: Map<string, { row: RequirementRow; text: string | null }>;
  removed: PlanView['removed'];
  evidence: EvidenceRow[];
  coveredBy: Map<string, PlanRequirementView['coveredBy']>;
  measures: Map<string, PlanRequirementView['measures']>;
  outdated: PlanView['outdated'];
  history: PlanView['history'];
}

export function toRequirementView(
  r: RequirementRow,
  p: Omit<PlanParts, 'requirements' | 'removed' | 'outdated' | 'history'>,
  locale: Locale,
  now: Date,
): PlanRequirementView {
  const req = p.catalogue.byKey.get(r.requirement_key);
  const prev = p.previous.get(r.id);
  const references = (req?.references ?? []).map((ref) =>
    ref.kind === 'iso27002'
      ? `ISO/IEC 27002:2022 ${ref.control}`
      : ref.kind === 'law'
        ? [ref.law, ref.chapter && `${ref.chapter} kap.`, ref.section && `${ref.section} §`, ref.article && `art. ${ref.article}`]
            .filter(Boolean)
            .join(' ')
        : inLocale(ref.text, locale),
  );
  return {
    ...answerOf(r, now),
    id: r.id,
    rowVersion: r.row_version,
    planId: r.plan_id,
    key: r.requirement_key,
    title: req ? inLocale(req.title, locale) : r.requirement_key,
    text: req ? inLocale(req.statement, locale) : '',
    guidance: req ? inLocale(req.guidance, locale) : null,
    references,
    theme: r.theme,
    position: r.position,
    change: r.change as PlanRequirementView['change'],
    previous: prev ? { ...answerOf(prev.row, now), text: prev.text } : null,
    evidence: p.evidence.filter((e) => e.plan_requirement_id === r.id).map(toEvidenceView),
    coveredBy: p.coveredBy.get(r.requirement_key) ?? [],
    measures: p.measures.get(r.id) ?? [],
  };
}

export function toPlanView(p: PlanParts, locale: Locale, now = new Date()): PlanView {
  const reqs = p.requirements.map((r) => toRequirementView(r, p, locale, now));
  const themes = p.catalogue.file.themes
    .map((t) => {
      const list = reqs.filter((r) => r.theme === t.code);
      return { theme: t.code, label: inLocale(t.label, locale), progress: planProgress(list.map((r) => r.status)), requirements: list };
    })
    .filter((t) => t.requirements.length > 0);
  return {
    id: p.plan.id,
    rowVersion: p.plan.row_version,
    assetId: p.plan.asset_id,
    assetName: p.plan.asset_name,
    assetKind: p.plan.asset_kind,
    unitId: p.plan.unit_id,
    unitName: p.plan.unit_name,
    catalogueVersionId: p.catalogue.id,
    catalogueLabel: p.catalogue.label,
    levels: { C: p.plan.level_c, I: p.plan.level_i, A: p.plan.level_a, T: p.plan.level_t },
    triggers: p.plan.triggers.map((code) => ({ code, label: triggerLabel(code, locale) })),
    securityAnalysisAspects: p.plan.security_analysis_aspects as PlanView['securityAnalysisAspects'],
    current: p.plan.superseded_at === null,
    supersededAt: p.plan.superseded_at?.toISOString() ?? null,
    previousPlanId: p.plan.previous_plan_id,
    createdAt: p.plan.created_at.toISOString(),
    progress: planProgress(reqs.map((r) => r.status)),
    themes,
    removed: p.removed,
    outdated: p.outdated,
    history: p.history,
  };
}

export { progressFromCounts };
