import { z } from 'zod';
import { personRef } from '../../schemas/assets.js';
import { optionalText, rowVersion } from '../../schemas/common.js';
import { localized } from '../../schemas/classification-model.js';
import vocabulary from './vocabulary.json' with { type: 'json' };

/** The statement of applicability (uttalande om tillämplighet): one version per organisation and year over the 93 Annex A controls. */
export const soaVocabulary = vocabulary;
export const soaReason = z.enum(['organization_analysis', 'risk_analysis', 'environment_analysis', 'legal_requirement', 'other']);
export type SoaReason = z.infer<typeof soaReason>;
export const soaImplementation = z.enum(['yes', 'partly', 'no']);
export const soaGapSeverity = z.enum(['none', 'low', 'medium', 'high']);
export const soaYear = z.coerce.number().int().min(2000).max(2999);

export const soaMeasureSummary = z.object({ id: z.uuid(), title: z.string(), status: z.string(), dueDate: z.string().nullable() });

export const soaEntryView = z.object({
  rowVersion,
  id: z.uuid(),
  control: z.string(),
  theme: z.string(),
  title: localized,
  /** null = not decided yet. */
  applicable: z.boolean().nullable(),
  reasons: z.array(soaReason),
  reasonText: z.string().nullable(),
  implementation: soaImplementation.nullable(),
  gapSeverity: soaGapSeverity.nullable(),
  currentState: z.string().nullable(),
  plannedImprovement: z.string().nullable(),
  measures: z.array(soaMeasureSummary),
  /** Action plans that contain a requirement referring to the control; null when the plans module does not answer. */
  planCount: z.number().int().nullable(),
  /** Requirements of the newest base catalogue that refer to the control. */
  requirementIds: z.array(z.string()),
  updatedAt: z.string(),
  updatedBy: personRef.nullable(),
});
export type SoaEntryView = z.infer<typeof soaEntryView>;

export const soaCounts = z.object({
  controls: z.number().int(),
  decided: z.number().int(),
  applicable: z.number().int(),
  implemented: z.number().int(),
  partly: z.number().int(),
  notImplemented: z.number().int(),
});

export const soaVersionSummary = z.object({
  rowVersion,
  id: z.uuid(),
  year: z.number().int(),
  note: z.string().nullable(),
  copiedFromYear: z.number().int().nullable(),
  counts: soaCounts,
  createdAt: z.string(),
  createdBy: personRef.nullable(),
});
export type SoaVersionSummary = z.infer<typeof soaVersionSummary>;

export const soaVersionView = soaVersionSummary.extend({ entries: z.array(soaEntryView) });
export type SoaVersionView = z.infer<typeof soaVersionView>;

export const createSoaBody = z.object({
  year: soaYear,
  /** Start from this version's answers (last year's); absent = an empty statement. */
  copyFromId: z.uuid().nullish(),
  note: optionalText(1000),
});

export const updateSoaEntryBody = z.object({
  applicable: z.boolean().nullable().optional(),
  reasons: z.array(soaReason).max(5).optional(),
  reasonText: optionalText(2000),
  implementation: soaImplementation.nullable().optional(),
  gapSeverity: soaGapSeverity.nullable().optional(),
  currentState: optionalText(4000),
  plannedImprovement: optionalText(4000),
});
export type UpdateSoaEntryBody = z.infer<typeof updateSoaEntryBody>;

export const soaEntryParams = z.object({ id: z.uuid(), control: z.string().regex(/^[5-8]\.[0-9]{1,2}$/) });
export const soaMeasureParams = soaEntryParams;
export const linkSoaMeasureBody = z.object({ measureId: z.uuid() });

export const soaCompareQuery = z.object({ from: z.uuid(), to: z.uuid() });
const side = soaEntryView
  .pick({ applicable: true, reasons: true, implementation: true, gapSeverity: true, currentState: true, plannedImprovement: true })
  .nullable();
export const soaComparison = z.object({
  from: soaVersionSummary,
  to: soaVersionSummary,
  rows: z.array(
    z.object({
      control: z.string(),
      title: localized,
      from: side,
      to: side,
      /** The fields whose answer differs between the two years. */
      changed: z.array(z.string()),
    }),
  ),
});
export type SoaComparison = z.infer<typeof soaComparison>;
