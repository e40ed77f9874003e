import {
  linkTypeDef,
  measureDueState,
  measureLinkHref,
  measureWorkflow,
  type MeasureStatus,
  type VerificationResult,
} from '@tillit/core/modules/measures/rules';
import type { MeasureLinkView, MeasureSummary, MeasureView } from '@tillit/core/modules/measures/schemas';
import type { LinkRow, MeasureRow, VerificationRow } from './measures.repository.js';

type Locale = 'sv' | 'en';
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function toLinkView(l: LinkRow, locale: Locale): MeasureLinkView {
  const def = linkTypeDef(l.link_type);
  return {
    id: l.id,
    type: l.link_type,
    typeLabel: def ? def.label[locale] : l.link_type,
    targetId: l.target_id,
    contextId: l.context_id,
    label: l.label,
    href: measureLinkHref(l.link_type, l.target_id, l.context_id),
  };
}

export function toMeasureView(r: MeasureRow, links: LinkRow[], locale: Locale, today: string): MeasureView {
  return {
    rowVersion: r.row_version,
    id: r.id,
    title: r.title,
    description: r.description,
    unitId: r.unit_id,
    unitName: r.unit_name,
    owner: person(r.owner_id, r.owner_name),
    startDate: r.start_date,
    dueDate: r.due_date,
    priority: r.priority as MeasureView['priority'],
    estimatedCost: r.estimated_cost,
    estimatedHours: r.estimated_hours,
    status: r.status as MeasureStatus,
    cancelReason: r.cancel_reason,
    dueState: measureDueState(r.status as MeasureStatus, r.due_date, today),
    lastResult: r.last_result as VerificationResult | null,
    completedAt: r.completed_at?.toISOString() ?? null,
    verifiedAt: r.verified_at?.toISOString() ?? null,
    links: links.map((l) => toLinkView(l, locale)),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toSummary(r: MeasureRow, today: string): MeasureSummary {
  return {
    id: r.id,
    title: r.title,
    status: r.status as MeasureStatus,
    dueDate: r.due_date,
    dueState: measureDueState(r.status as MeasureStatus, r.due_date, today),
    owner: person(r.owner_id, r.owner_name),
    lastResult: r.last_result as VerificationResult | null,
  };
}

export function toVerificationView(v: VerificationRow, locale: Locale) {
  const result = v.result as VerificationResult;
  return {
    id: v.id,
    verifiedBy: { id: v.verified_by, name: v.verifier_name },
    verifiedOn: v.verified_on,
    method: v.method,
    result,
    resultLabel: measureWorkflow.results[result][locale],
    comment: v.comment,
    recordedAt: v.created_at.toISOString(),
  };
}

/** The fields an audit event of a measure records (names as in the audit vocabulary). */
export function auditFields(r: MeasureRow) {
  return {
    title: r.title,
    description: r.description,
    unitId: r.unit_id,
    ownerId: r.owner_id,
    startDate: r.start_date,
    dueDate: r.due_date,
    priority: r.priority,
    estimatedCost: r.estimated_cost,
    estimatedHours: r.estimated_hours,
    status: r.status,
    cancelReason: r.cancel_reason,
  };
}
