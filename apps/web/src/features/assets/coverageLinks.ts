import type { AssetFilters, CoverageCounts } from '../../api';
import { assetListLink } from './filters';

const NOT_RETIRED = 'planned,in_use,phasing_out';
const IN_USE = 'in_use,phasing_out';

/** The inventory filters behind each coverage figure, so every number opens the assets it counts. */
export const coverageFilters: Record<keyof CoverageCounts, AssetFilters> = {
  systemsInUse: { kind: 'system', lifecycle: IN_USE },
  systemsValid: { kind: 'system', lifecycle: IN_USE, reviewState: 'valid,due_soon' },
  systemsMissing: { kind: 'system', lifecycle: IN_USE, reviewState: 'missing' },
  setsTotal: { kind: 'information_set', lifecycle: NOT_RETIRED },
  setsClassified: { kind: 'information_set', lifecycle: NOT_RETIRED, reviewState: 'valid,due_soon' },
  awaitingApproval: { workStatus: 'submitted' },
  drafts: { workStatus: 'draft,returned' },
  dueWithin30Days: { lifecycle: NOT_RETIRED, reviewState: 'due_soon' },
  overdue: { lifecycle: NOT_RETIRED, reviewState: 'overdue' },
  specialAnalysis: { specialAnalysis: 'true' },
};

export function coverageLink(key: keyof CoverageCounts, unitId: string | null | undefined): string {
  return assetListLink({ ...coverageFilters[key], ...(unitId ? { unitId } : {}) });
}

/** A share as a whole percentage; null when there is nothing to count. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}
