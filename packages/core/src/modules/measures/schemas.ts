import { z } from 'zod';
import { measurePriorities, measureStatuses, verificationResults, measureLinkTypeKeys } from './rules.js';
import { optionalText, pageOf, rowVersion, text } from '../../schemas/common.js';
import { defineList, listQuery } from '../../schemas/list.js';
import { personRef } from '../../schemas/assets.js';

/** Measures (åtgärder): one concept for all of Tillit; see docs/api-measures.md. */
export const measureStatus = z.enum(measureStatuses);
export const measurePriority = z.enum(measurePriorities);
export const verificationResult = z.enum(verificationResults);
// An enum (not a refine) so that the OpenAPI document and the generated tests know the link types.
export const measureLinkType = z.enum(measureLinkTypeKeys as [string, ...string[]]);
export const measureDueState = z.enum(['overdue', 'due_soon', 'on_track', 'closed']);
const isoDate = z.iso.date();

/** What a measure answers: a link to an object of another module, in words, with where it leads. */
export const measureLinkInput = z.object({
  type: measureLinkType,
  targetId: z.uuid(),
  /** The object holding the target (e.g. the action plan of a requirement assessment), for the link. */
  contextId: z.uuid().nullish(),
  /** What the measure answers, in words (e.g. "IS-12 Behörighetsstyrning – Journalsystemet"). */
  label: text(300),
});
export type MeasureLinkInput = z.infer<typeof measureLinkInput>;

export const measureLinkView = z.object({
  id: z.uuid(),
  type: z.string(),
  typeLabel: z.string(),
  targetId: z.uuid(),
  contextId: z.uuid().nullable(),
  label: z.string(),
  /** Web path of the linked object; null when its module offers no page. */
  href: z.string().nullable(),
});
export type MeasureLinkView = z.infer<typeof measureLinkView>;

const measureFields = {
  title: text(300),
  description: optionalText(4000),
  unitId: z.uuid(),
  ownerId: z.uuid().nullish(),
  startDate: isoDate.nullish(),
  dueDate: isoDate,
  priority: measurePriority.default('medium'),
  /** Estimated cost in whole kronor. */
  estimatedCost: z.number().int().min(0).max(1_000_000_000).nullish(),
  /** Estimated effort in hours. */
  estimatedHours: z.number().int().min(0).max(1_000_000).nullish(),
};

export const createMeasureBody = z.object({ ...measureFields, links: z.array(measureLinkInput).max(50).default([]) });
export type CreateMeasureBody = z.input<typeof createMeasureBody>;

export const updateMeasureBody = z.object({
  title: measureFields.title.optional(),
  description: measureFields.description,
  unitId: measureFields.unitId.optional(),
  ownerId: measureFields.ownerId,
  startDate: measureFields.startDate,
  dueDate: measureFields.dueDate.optional(),
  priority: measurePriority.optional(),
  estimatedCost: measureFields.estimatedCost,
  estimatedHours: measureFields.estimatedHours,
});

export const measureStatusBody = z.object({
  status: measureStatus,
  /** Required when cancelling. */
  reason: optionalText(2000),
});

export const verifyMeasureBody = z.object({
  /** How the effect was checked (required). */
  method: optionalText(2000),
  verifiedOn: isoDate,
  result: verificationResult,
  comment: optionalText(2000),
});

export const addMeasureLinkBody = measureLinkInput;
export const measureLinkParams = z.object({ id: z.uuid(), linkId: z.uuid() });

export const measureVerificationView = z.object({
  id: z.uuid(),
  verifiedBy: personRef,
  verifiedOn: z.string(),
  method: z.string(),
  result: verificationResult,
  resultLabel: z.string(),
  comment: z.string().nullable(),
  recordedAt: z.string(),
});

export const measureView = z.object({
  rowVersion,
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  owner: personRef.nullable(),
  startDate: z.string().nullable(),
  dueDate: z.string(),
  priority: measurePriority,
  estimatedCost: z.number().nullable(),
  estimatedHours: z.number().nullable(),
  status: measureStatus,
  cancelReason: z.string().nullable(),
  dueState: measureDueState,
  lastResult: verificationResult.nullable(),
  completedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  links: z.array(measureLinkView),
  updatedAt: z.string(),
});
export type MeasureView = z.infer<typeof measureView>;

export const measureDetailView = measureView.extend({
  verifications: z.array(measureVerificationView),
  /** Statuses this measure may be moved to by hand. */
  allowedStatuses: z.array(measureStatus),
  /** Whether the reader may verify it now (status done, reader not the owner, holds measure.verify). */
  canVerify: z.boolean(),
  canWrite: z.boolean(),
});
export type MeasureDetailView = z.infer<typeof measureDetailView>;

const listOf = <T extends Readonly<Record<string, string>>>(e: z.ZodEnum<T>) =>
  z
    .string()
    .max(200)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(e).min(1));

export const measureListView = z.enum(['open', 'overdue', 'unverified', 'all']);

export const measureList = defineList({
  name: 'measures',
  path: '/api/v1/measures',
  sorts: { dueDate: 'int', title: 'text', updatedAt: 'time' },
  defaultSort: 'dueDate',
  idType: 'uuid',
  search: true,
  filters: {
    /** open = planerad/pågår; overdue = open and past due; unverified = genomförd, not yet verified. */
    view: measureListView.optional(),
    /** The unit and its sub-units. */
    unitId: z.uuid().optional(),
    ownerId: z.uuid().optional(),
    /** `me` = the signed-in user (Mina åtgärder). */
    mine: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    status: listOf(measureStatus).optional(),
    priority: listOf(measurePriority).optional(),
    linkType: measureLinkType.optional(),
    dueFrom: isoDate.optional(),
    dueTo: isoDate.optional(),
  },
});
export const measureListQuery = listQuery(measureList);
export type MeasureListQuery = z.infer<typeof measureListQuery>;
export const measurePage = pageOf(measureView);

/** Counts of a user's or an organisation's measures per group (the grouped list / kanban). */
export const measureBoardQuery = z.object({
  groupBy: z.enum(['owner', 'status']).default('status'),
  unitId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const measureBoard = z.object({
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      count: z.number(),
      overdue: z.number(),
      /** The first measures of the group, due first. */
      items: z.array(measureView),
    }),
  ),
});

/** A summary of the measures linked to each of a set of targets (e.g. the requirements of one plan). */
export const measureSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: measureStatus,
  dueDate: z.string(),
  dueState: measureDueState,
  owner: personRef.nullable(),
  lastResult: verificationResult.nullable(),
});
export type MeasureSummary = z.infer<typeof measureSummary>;
