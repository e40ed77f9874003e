import { z } from 'zod';
import { aspectKey, personRef, profile } from '../../schemas/assets.js';
import { optionalText, text } from '../../schemas/common.js';
import { assessmentStatuses } from './rules.js';

/** The API contract of action plans (handlingsplaner): docs/api-requirements.md. */

export const assessmentStatus = z.enum(assessmentStatuses);
export const requirementChange = z.enum(['added', 'changed', 'unchanged']);

const progress = z.object({
  total: z.number().int(),
  assessed: z.number().int(),
  met: z.number().int(),
  partlyMet: z.number().int(),
  notMet: z.number().int(),
  notApplicable: z.number().int(),
  metShare: z.number().int(),
  partlyMetShare: z.number().int(),
  notMetShare: z.number().int(),
  unassessedShare: z.number().int(),
});
export const planProgressView = progress;

export const evidenceView = z.object({
  id: z.uuid(),
  kind: z.enum(['link', 'file']),
  title: z.string(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  mediaType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  createdBy: personRef.nullable(),
  createdAt: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

const answer = z.object({
  status: assessmentStatus.nullable(),
  how: z.string().nullable(),
  comment: z.string().nullable(),
  naReason: z.string().nullable(),
  assessedBy: personRef.nullable(),
  assessedAt: z.string().nullable(),
  /** Older than the organisation's interval for self-assessments. */
  stale: z.boolean(),
});

export const planRequirementView = answer.extend({
  id: z.uuid(),
  rowVersion: z.number().int(),
  planId: z.uuid(),
  key: z.string(),
  title: z.string(),
  /** The ÄR text: what the organisation does, present tense. */
  text: z.string(),
  guidance: z.string().nullable(),
  references: z.array(z.string()),
  theme: z.string(),
  position: z.number().int(),
  /** Against the plan this one replaced; null in a first plan. */
  change: requirementChange.nullable(),
  /** The answer a changed requirement had in the previous plan. */
  previous: answer.extend({ text: z.string().nullable() }).nullable(),
  evidence: z.array(evidenceView),
  /** Information sets processed by this system whose current plans have the same requirement, and their status there. */
  coveredBy: z.array(z.object({ assetId: z.uuid(), assetName: z.string(), status: assessmentStatus.nullable() })),
  measures: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string(), dueDate: z.string().nullable() })),
});
export type PlanRequirementView = z.infer<typeof planRequirementView>;

export const planThemeView = z.object({ theme: z.string(), label: z.string(), progress, requirements: z.array(planRequirementView) });

export const planView = z.object({
  id: z.uuid(),
  rowVersion: z.number().int(),
  assetId: z.uuid(),
  assetName: z.string(),
  assetKind: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  catalogueVersionId: z.uuid(),
  catalogueLabel: z.string(),
  levels: profile,
  triggers: z.array(z.object({ code: z.string(), label: z.string() })),
  /** Aspects at level 4 (säkerhetsskydd): no requirements; a separate security-protection analysis is needed. */
  securityAnalysisAspects: z.array(aspectKey),
  current: z.boolean(),
  supersededAt: z.string().nullable(),
  previousPlanId: z.uuid().nullable(),
  createdAt: z.string(),
  progress,
  themes: z.array(planThemeView),
  /** Requirements the previous plan had and this one does not (with their last answer). */
  removed: z.array(z.object({ key: z.string(), title: z.string(), status: assessmentStatus.nullable() })),
  /** Whether a newer catalogue version or the asset's current profile/facts would change the plan. */
  outdated: z.object({ catalogue: z.boolean(), profile: z.boolean() }),
  history: z.array(z.object({ id: z.uuid(), catalogueLabel: z.string(), levels: profile, createdAt: z.string(), current: z.boolean() })),
});
export type PlanView = z.infer<typeof planView>;

export const planListItem = z.object({
  id: z.uuid(),
  assetId: z.uuid(),
  assetName: z.string(),
  assetKind: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  catalogueLabel: z.string(),
  levels: profile,
  progress,
  createdAt: z.string(),
});
export type PlanListItem = z.infer<typeof planListItem>;

export const planListQuery = z.object({
  unitId: z.uuid().optional(),
  assetId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const generatePlansBody = z.object({
  /** Without asset ids: every classified asset the caller may write plans for. */
  assetIds: z.array(z.uuid()).max(5000).optional(),
});
export const generatePlansResult = z.object({
  created: z.number().int(),
  refreshed: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
});

export const migrationPreview = z.object({
  fromVersions: z.array(z.object({ catalogueVersionId: z.uuid(), label: z.string(), plans: z.number().int() })),
  toVersion: z.object({ catalogueVersionId: z.uuid(), label: z.string() }),
  plans: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
  carried: z.number().int(),
  /** Requirement keys most affected, with how many plans each touches. */
  requirements: z.array(
    z.object({ key: z.string(), title: z.string(), change: z.enum(['added', 'changed', 'removed']), plans: z.number().int() }),
  ),
});
export type MigrationPreview = z.infer<typeof migrationPreview>;

export const assessRequirementBody = z.object({
  status: assessmentStatus.nullable(),
  how: optionalText(4000),
  comment: optionalText(4000),
  /** Required when the status is "ej tillämpligt". */
  naReason: optionalText(2000),
});
export type AssessRequirementBody = z.infer<typeof assessRequirementBody>;

export const addEvidenceLinkBody = z.object({
  title: text(300),
  url: z.url({ protocol: /^https?$/ }).max(2000),
});
export const uploadEvidenceQuery = z.object({ fileName: text(200), title: text(300).optional() });

export const createGapMeasureBody = z.object({
  title: text(300),
  description: optionalText(4000),
  ownerId: z.uuid(),
  dueDate: z.iso.date(),
  startDate: z.iso.date().optional(),
  priority: z.enum(['low', 'medium', 'high', 'critical']),
});

export const unitProgressView = z.array(z.object({ unitId: z.uuid(), unitName: z.string(), plans: z.number().int(), progress }));

export const coordinatorOverview = z.object({
  plans: z.number().int(),
  progress,
  mostUnmet: z.array(
    z.object({ key: z.string(), title: z.string(), notMet: z.number().int(), partlyMet: z.number().int(), plans: z.number().int() }),
  ),
  units: unitProgressView,
});
export type CoordinatorOverview = z.infer<typeof coordinatorOverview>;
