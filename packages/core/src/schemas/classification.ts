import { z } from 'zod';
import {
  assetKind,
  aspectKey,
  level,
  personalDataKind,
  personRef,
  profile,
  reviewState,
  secrecyChapter,
  thirdCountryTransfer,
} from './assets.js';
import { legalReference, localized } from './classification-model.js';
import { optionalText, pageOf, text, rowVersion } from './common.js';
import { defineList, listQuery } from './list.js';

export const classificationStatus = z.enum(['draft', 'submitted', 'returned', 'approved']);
export type ClassificationStatus = z.infer<typeof classificationStatus>;

/** Per aspect, per consequence category key: the chosen level, "not_relevant" (assessed, no consequence), or null = not answered. */
export const answerValue = z.union([level, z.literal('not_relevant')]).nullable();
export const answers = z.partialRecord(aspectKey, z.record(z.string().max(60), answerValue).nullable());
export const justifications = z.partialRecord(aspectKey, z.string().trim().max(4000).nullable());
/** Raise with a reason (ackumulering/aggregering, integrations); null removes it. */
export const raises = z.partialRecord(aspectKey, z.object({ level, reason: text(4000) }).nullable());

export const saveClassificationBody = z.object({
  answers: answers.optional(),
  justifications: justifications.optional(),
  raises: raises.optional(),
  /** Why the information set deviates from its information type's recommended profile. */
  typeDeviationReason: optionalText(4000),
  notes: optionalText(4000),
});

export const approveClassificationBody = z.object({
  comment: optionalText(4000),
  /** Defaults to the model's review interval (12 months in the preset). */
  reviewDueAt: z.iso.date().optional(),
});
export const returnClassificationBody = z.object({ comment: text(4000) });
/** The coordinator's quality check ("granskad"): advice to the owner, not a decision. */
export const reviewClassificationBody = z.object({ comment: optionalText(4000) });
/** The owner names (or removes, with null) the person who may decide on her behalf. */
export const decisionDelegateBody = z.object({ delegateId: z.uuid().nullable() });
export const decisionDelegateView = z.object({ delegate: personRef.nullable() });

const aspectResult = z.object({
  aspect: aspectKey,
  enabled: z.boolean(),
  answered: level.nullable(),
  fromType: level.nullable(),
  minimum: level.nullable(),
  minimumReasons: z.array(z.object({ ruleId: z.string(), level, reason: localized, references: z.array(legalReference) })),
  inherited: level.nullable(),
  proposed: level.nullable(),
  raised: level.nullable(),
  final: level.nullable(),
  sources: z.array(z.enum(['answers', 'type', 'minimum', 'inherited', 'raise'])),
  requiresJustification: z.boolean(),
  specialAnalysis: z.boolean(),
  deviatesFromType: z.boolean(),
});

export const derivationView = z.object({
  aspects: z.record(aspectKey, aspectResult),
  profile,
  specialAnalysis: z.boolean(),
  deviatesFromType: z.boolean(),
});

export const classificationIssueView = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});

export const classificationVersionView = z.object({
  rowVersion,
  id: z.uuid(),
  assetId: z.uuid(),
  assetName: z.string(),
  assetKind,
  unitId: z.uuid(),
  versionNo: z.number().int(),
  modelId: z.uuid(),
  modelVersion: z.number().int(),
  status: classificationStatus,
  /** Approved versions only: replaced by a later approved version. */
  superseded: z.boolean(),
  reviewState: reviewState.nullable(),
  answers,
  justifications,
  raises,
  typeDeviationReason: z.string().nullable(),
  notes: z.string().nullable(),
  /** The facts the rules used (snapshotted when the version is submitted/approved). */
  facts: z.object({
    personalData: personalDataKind,
    thirdCountryTransfer,
    secrecyChapter: secrecyChapter.nullable(),
    protectedIdentity: z.boolean(),
    criminalOffenceData: z.boolean(),
    securityProtection: z.boolean(),
    informationTypeId: z.uuid().nullable(),
    informationTypeName: z.string().nullable(),
    typeRecommended: profile.nullable(),
  }),
  /** Systems/processes: the processed information sets and their approved levels. */
  inherited: z.object({ levels: profile, sets: z.array(z.object({ id: z.uuid(), name: z.string(), levels: profile })) }).nullable(),
  derivation: derivationView,
  profile,
  profileLabel: z.string(),
  specialAnalysis: z.boolean(),
  /** What still stops a submit (empty when complete). */
  issues: z.array(classificationIssueView),
  author: personRef.nullable(),
  contributors: z.array(personRef),
  submittedBy: personRef.nullable(),
  submittedAt: z.string().nullable(),
  decidedBy: personRef.nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** The coordinator's quality check of the submitted version (granskad), if done. */
  checkedBy: personRef.nullable(),
  checkedAt: z.string().nullable(),
  checkComment: z.string().nullable(),
  /** The asset's information owner, who decides (fastställer); null = none named, cannot be approved. */
  informationOwner: personRef.nullable(),
  /** A recorded delegate of the owner's decision, if any. */
  decisionDelegate: personRef.nullable(),
  reviewDueAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * For the signed-in user: may approve/return this version — the asset's named owner (or recorded
   * delegate) with the permission, unless she prepared the version alone.
   */
  canDecide: z.boolean(),
  /** Why the user may not decide a submitted version, when she may not. */
  decisionBlock: z.enum(['no_owner', 'not_owner', 'prepared_alone', 'no_permission']).nullable(),
  /** May record the quality check (granskad): holds the approve permission on the unit, did not prepare it alone, is not the decider. */
  canCheck: z.boolean(),
  canEdit: z.boolean(),
});
export type ClassificationVersionView = z.infer<typeof classificationVersionView>;

export const classificationListItem = z.object({
  id: z.uuid(),
  assetId: z.uuid(),
  assetName: z.string(),
  assetKind,
  unitId: z.uuid(),
  unitName: z.string(),
  versionNo: z.number().int(),
  status: classificationStatus,
  superseded: z.boolean(),
  profile,
  profileLabel: z.string(),
  specialAnalysis: z.boolean(),
  author: personRef.nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reviewDueAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const classificationPage = pageOf(classificationListItem);

/** The worklist: latest change first; search looks in the asset's name. */
export const classificationList = defineList({
  name: 'classifications',
  path: '/api/v1/classifications',
  sorts: { updatedAt: 'time' },
  defaultSort: '-updatedAt',
  idType: 'uuid',
  search: true,
  filters: {
    status: classificationStatus.optional(),
    unitId: z.uuid().optional(),
    assetKind: assetKind.optional(),
    /** Only versions the signed-in user may decide: she is the asset's owner or delegate (four eyes applied). */
    awaitingMyDecision: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** Open versions of assets with no named information owner: they cannot be approved until one is named. */
    ownerMissing: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /**
     * Approved, current versions at the säkerhetsskydd level of assets not marked säkerhetsskydd:
     * classified at 4 before level 4 was reserved, to be reviewed (not rewritten).
     */
    levelReview: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** Current approved versions whose asset has reasons to review (facts changed after the decision, a new integration). */
    reviewReasons: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  },
});
export const classificationListQuery = listQuery(classificationList);

export const compareQuery = z.object({ a: z.uuid(), b: z.uuid() });
export const classificationComparison = z.object({
  a: classificationVersionView,
  b: classificationVersionView,
  /** Dotted paths that differ, e.g. `profile.C`, `answers.C.life_health`, `justifications.I`. */
  differences: z.array(z.object({ path: z.string(), a: z.unknown(), b: z.unknown() })),
});

export const coverageQuery = z.object({
  /** Scope; defaults to the organisation root. Rows are the scope's direct sub-units (förvaltningar at the root). */
  unitId: z.uuid().optional(),
});

export const coverageCounts = z.object({
  systemsInUse: z.number().int(),
  systemsValid: z.number().int(),
  systemsMissing: z.number().int(),
  setsTotal: z.number().int(),
  setsClassified: z.number().int(),
  awaitingApproval: z.number().int(),
  drafts: z.number().int(),
  dueWithin30Days: z.number().int(),
  overdue: z.number().int(),
  specialAnalysis: z.number().int(),
});
export type CoverageCounts = z.infer<typeof coverageCounts>;

export const coverageView = z.object({
  asOf: z.string(),
  scope: z.object({ unitId: z.uuid(), unitName: z.string() }),
  total: coverageCounts,
  rows: z.array(coverageCounts.extend({ unitId: z.uuid(), unitName: z.string() })),
});

/** KPIs for the reporting issue (share values 0–1, null when nothing to count). */
export const classificationKpis = z.object({
  asOf: z.string(),
  systemsInUse: z.number().int(),
  systemsWithValidClassification: z.number().int(),
  systemClassificationRate: z.number().nullable(),
  setsTotal: z.number().int(),
  setsClassified: z.number().int(),
  setClassificationRate: z.number().nullable(),
  awaitingApproval: z.number().int(),
  dueWithin30Days: z.number().int(),
  overdue: z.number().int(),
  missing: z.number().int(),
});
