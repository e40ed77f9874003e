import settings from './settings.json' with { type: 'json' };

/**
 * Rules of action plans (handlingsplaner), pure so the browser and the server agree and they can be
 * unit-tested: what changed between a plan and the one it replaces, which answers carry over, and a
 * plan's progress.
 */

export const assessmentStatuses = ['met', 'partly_met', 'not_met', 'not_applicable'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** A requirement as a plan sees it: its stable key and a fingerprint of what the asset is asked to meet. */
export interface PlanRequirementRef {
  key: string;
  /** Equal fingerprints mean the requirement asks the same thing (text and applicability unchanged). */
  fingerprint: string;
}

export type RequirementChange = 'added' | 'changed' | 'unchanged';

export interface PlanDiff {
  /** Per key of the new plan: how it compares to the previous plan. */
  changes: Map<string, RequirementChange>;
  /** Keys of the previous plan that the new one no longer has. */
  removed: string[];
}

/**
 * Compares the requirements of a new plan with those of the plan it replaces. An unchanged
 * requirement keeps its answer; a changed one is asked again with the old answer beside it; an
 * added one is asked for the first time.
 */
export function diffPlans(previous: readonly PlanRequirementRef[], next: readonly PlanRequirementRef[]): PlanDiff {
  const before = new Map(previous.map((r) => [r.key, r.fingerprint]));
  const changes = new Map<string, RequirementChange>();
  for (const r of next) {
    const old = before.get(r.key);
    changes.set(r.key, old === undefined ? 'added' : old === r.fingerprint ? 'unchanged' : 'changed');
  }
  const nextKeys = new Set(next.map((r) => r.key));
  return { changes, removed: previous.filter((r) => !nextKeys.has(r.key)).map((r) => r.key) };
}

export interface PlanProgress {
  total: number;
  /** Requirements with an answer (any status). */
  assessed: number;
  met: number;
  partlyMet: number;
  notMet: number;
  notApplicable: number;
  /** Shares of the applicable requirements (total − not applicable), 0–100, rounded; 0 when none apply. */
  metShare: number;
  partlyMetShare: number;
  notMetShare: number;
  unassessedShare: number;
}

/** Progress of one plan (or of many plans' requirements together) from the statuses of its requirements. */
export function planProgress(statuses: readonly (AssessmentStatus | null)[]): PlanProgress {
  const count = (s: AssessmentStatus) => statuses.filter((x) => x === s).length;
  return progressFromCounts({
    total: statuses.length,
    met: count('met'),
    partlyMet: count('partly_met'),
    notMet: count('not_met'),
    notApplicable: count('not_applicable'),
  });
}

/** The same from counts (as SQL returns them for a unit or the organisation). */
export function progressFromCounts(c: {
  total: number;
  met: number;
  partlyMet: number;
  notMet: number;
  notApplicable: number;
}): PlanProgress {
  const applicable = c.total - c.notApplicable;
  const share = (n: number) => (applicable > 0 ? Math.round((100 * n) / applicable) : 0);
  const unassessed = applicable - c.met - c.partlyMet - c.notMet;
  return {
    ...c,
    assessed: c.met + c.partlyMet + c.notMet + c.notApplicable,
    metShare: share(c.met),
    partlyMetShare: share(c.partlyMet),
    notMetShare: share(c.notMet),
    unassessedShare: share(unassessed),
  };
}

/** Is an answer older than the organisation's review interval (in months) at `now`? Unanswered is not stale, it is open. */
export function isStale(assessedAt: Date | null, now: Date, months: number): boolean {
  if (!assessedAt) return false;
  const limit = new Date(assessedAt);
  limit.setUTCMonth(limit.getUTCMonth() + months);
  return limit.getTime() <= now.getTime();
}

/** Settings of action plans as data (data/action-plan-settings.json). */
export const actionPlanSettings: { staleAfterMonths: number } = settings;
