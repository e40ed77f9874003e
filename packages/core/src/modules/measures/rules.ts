import workflow from './workflow.json' with { type: 'json' };
import linkTypeData from './link-types.json' with { type: 'json' };

/** The measure's rules, from data (workflow.json, link-types.json): statuses, transitions, verification results, link types. */
export const measureStatuses = ['planned', 'in_progress', 'done', 'verified', 'cancelled'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];
export const measurePriorities = ['low', 'medium', 'high', 'critical'] as const;
export type MeasurePriority = (typeof measurePriorities)[number];
export const verificationResults = ['effective', 'partly', 'not_effective'] as const;
export type VerificationResult = (typeof verificationResults)[number];

export interface LinkTypeDef {
  key: string;
  module: string;
  planned?: boolean;
  label: { sv: string; en: string };
  /** Web path template; null while the owning module has no page for it. */
  href: string | null;
}
export const measureLinkTypes: readonly LinkTypeDef[] = linkTypeData.types;
export const measureLinkTypeKeys = measureLinkTypes.map((t) => t.key);
export const measureWorkflow = workflow;

export function linkTypeDef(key: string): LinkTypeDef | undefined {
  return measureLinkTypes.find((t) => t.key === key);
}

/** Where a link leads in the web app, from the link type's href template. */
export function measureLinkHref(type: string, targetId: string, contextId: string | null): string | null {
  const def = linkTypeDef(type);
  if (!def?.href) return null;
  if (def.href.includes('{context}') && !contextId) return null;
  return def.href.replace('{target}', encodeURIComponent(targetId)).replace('{context}', encodeURIComponent(contextId ?? ''));
}

/** Statuses a person may move a measure to by hand (verified is reached only through a verification). */
export function allowedTransitions(from: MeasureStatus): MeasureStatus[] {
  return ((workflow.transitions as Record<string, string[]>)[from] ?? []) as MeasureStatus[];
}

export function canTransition(from: MeasureStatus, to: MeasureStatus): boolean {
  return allowedTransitions(from).includes(to);
}

export function isOpenStatus(status: MeasureStatus): boolean {
  return workflow.statuses[status].open;
}

export function canVerify(status: MeasureStatus): boolean {
  return (workflow.verifiableFrom as string[]).includes(status);
}

/** The status a verification result leads to: effective → verified; partly or not effective → reopened. */
export function statusAfterVerification(result: VerificationResult): MeasureStatus {
  return workflow.results[result].leadsTo as MeasureStatus;
}

export type DueState = 'overdue' | 'due_soon' | 'on_track' | 'closed';

/**
 * Due state of a measure on a Swedish calendar day (`today` = YYYY-MM-DD in Europe/Stockholm): open
 * measures whose due date has passed are overdue; due within `dueSoonDays` days, due soon.
 */
export function measureDueState(status: MeasureStatus, dueDate: string, today: string): DueState {
  if (!isOpenStatus(status)) return 'closed';
  if (dueDate < today) return 'overdue';
  return dueDate <= addDays(today, workflow.dueSoonDays) ? 'due_soon' : 'on_track';
}

/** YYYY-MM-DD plus n calendar days (dates are civil dates, so UTC arithmetic is exact). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Today's date in Europe/Stockholm as YYYY-MM-DD. */
export function stockholmToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
