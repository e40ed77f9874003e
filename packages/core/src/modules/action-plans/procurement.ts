import { z } from 'zod';
import { level, personRef, profile } from '../../schemas/assets.js';
import { optionalText, text } from '../../schemas/common.js';
import { assessmentStatus } from './schemas.js';

/** The API contract of procurement requirements (upphandlingskrav) and contract follow-up: docs/api-requirements.md. */

const levels = z.object({ C: level.nullable(), I: level.nullable(), A: level.nullable(), T: level.nullable() });

export const createProcurementBody = z
  .object({
    name: text(200),
    referenceNumber: optionalText(60),
    procurementDate: z.iso.date(),
    /** An existing asset: its current levels and law triggers. */
    assetId: z.uuid().optional(),
    /** A planned asset: the profile and law triggers it will have (unit required). */
    unitId: z.uuid().optional(),
    levels: levels.optional(),
    triggers: z
      .array(z.string().regex(/^[a-z][a-z0-9_]{0,59}$/))
      .max(20)
      .optional(),
  })
  .refine((b) => b.assetId !== undefined || (b.unitId !== undefined && b.levels !== undefined), {
    message: 'assetId, or unitId and levels',
    path: ['assetId'],
  });

export const updateProcurementBody = z.object({
  name: text(200).optional(),
  referenceNumber: optionalText(60),
  supplier: optionalText(200),
});

export const awardProcurementBody = z.object({
  supplier: text(200),
  awardedOn: z.iso.date(),
  goLiveOn: z.iso.date().nullish(),
  /** Re-verification interval of the contract follow-up, in months. */
  recheckMonths: z.number().int().min(1).max(60),
});

export const contractCheckBody = z.object({
  kind: z.enum(['go_live', 'periodic']),
  checkedOn: z.iso.date(),
  note: optionalText(2000),
  results: z
    .array(z.object({ requirementId: z.uuid(), result: assessmentStatus, comment: optionalText(2000) }))
    .min(1)
    .max(2000),
  /** Findings (not or partly met) that become measures, each with owner and due date. */
  measures: z
    .array(
      z.object({
        requirementId: z.uuid(),
        title: text(300),
        ownerId: z.uuid(),
        dueDate: z.iso.date(),
        priority: z.enum(['low', 'medium', 'high', 'critical']),
      }),
    )
    .max(500)
    .default([]),
});

export const procurementRequirementView = z.object({
  id: z.uuid(),
  number: z.string(),
  key: z.string(),
  theme: z.string(),
  themeLabel: z.string(),
  title: z.string(),
  /** The SKA text for the tender. */
  text: z.string(),
  lastResult: assessmentStatus.nullable(),
  measures: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string(), dueDate: z.string().nullable() })),
});

export const contractCheckView = z.object({
  id: z.uuid(),
  kind: z.enum(['go_live', 'periodic']),
  checkedOn: z.string(),
  checkedBy: personRef.nullable(),
  note: z.string().nullable(),
  counts: z.object({ met: z.number().int(), partlyMet: z.number().int(), notMet: z.number().int(), notApplicable: z.number().int() }),
});

export const procurementView = z.object({
  id: z.uuid(),
  rowVersion: z.number().int(),
  name: z.string(),
  referenceNumber: z.string().nullable(),
  procurementDate: z.string(),
  supplier: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  assetId: z.uuid().nullable(),
  assetName: z.string().nullable(),
  catalogueLabel: z.string(),
  levels: profile,
  triggers: z.array(z.object({ code: z.string(), label: z.string() })),
  status: z.enum(['preparing', 'awarded']),
  awardedOn: z.string().nullable(),
  goLiveOn: z.string().nullable(),
  recheckMonths: z.number().int().nullable(),
  /** When the next contract check is due (go-live first, then the interval after the latest check). */
  nextCheckDue: z.string().nullable(),
  requirements: z.array(procurementRequirementView),
  checks: z.array(contractCheckView),
});
export type ProcurementView = z.infer<typeof procurementView>;

export const procurementListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  referenceNumber: z.string().nullable(),
  procurementDate: z.string(),
  supplier: z.string().nullable(),
  status: z.enum(['preparing', 'awarded']),
  requirements: z.number().int(),
  nextCheckDue: z.string().nullable(),
});
