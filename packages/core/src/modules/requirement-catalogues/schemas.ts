import { z } from 'zod';
import { aspectKey, personRef } from '../../schemas/assets.js';
import { localized } from '../../schemas/classification-model.js';
import { catalogueProblem, catalogueRequirement, catalogueTheme, triggerCode } from '../../schemas/requirement-catalogue.js';

/** API of the requirement catalogues: the organisation's catalogue versions and their requirements. */
export const catalogueSource = z.enum(['shipped', 'imported']);

export const catalogueVersionSummary = z.object({
  id: z.uuid(),
  catalogue: z.string(),
  version: z.string(),
  name: localized,
  description: localized.nullable(),
  publishedAt: z.string(),
  source: catalogueSource,
  requirementCount: z.number().int(),
  /** The newest version of its catalogue in the organisation. */
  isLatest: z.boolean(),
  importedAt: z.string(),
  importedBy: personRef.nullable(),
});
export type CatalogueVersionSummary = z.infer<typeof catalogueVersionSummary>;

export const catalogueVersionView = catalogueVersionSummary.extend({
  themes: z.array(catalogueTheme.extend({ requirementCount: z.number().int() })),
});
export type CatalogueVersionView = z.infer<typeof catalogueVersionView>;

export const requirementView = catalogueRequirement.extend({ position: z.number().int(), versionId: z.uuid() });
export type RequirementView = z.infer<typeof requirementView>;

export const requirementListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  theme: z.string().trim().max(20).optional(),
  /** Requirements that the aspect can trigger (a minimum set for it)… */
  aspect: aspectKey.optional(),
  /** …at this level (the aspect's minimum is at most this level). */
  level: z.coerce.number().int().min(0).max(9).optional(),
  trigger: triggerCode.optional(),
  control: z
    .string()
    .regex(/^[5-8]\.[0-9]{1,2}$/)
    .optional(),
});
export type RequirementListQuery = z.infer<typeof requirementListQuery>;

export const requirementList = z.object({ items: z.array(requirementView), total: z.number().int() });

export const versionParams = z.object({ id: z.uuid() });
export const requirementParams = z.object({ id: z.uuid(), requirementId: z.string().min(1).max(40) });

export const importCatalogueQuery = z.object({
  /** Check only: report the problems, store nothing. */
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  fileName: z.string().trim().min(1).max(200).optional(),
});

export const importCatalogueResult = z.object({
  dryRun: z.boolean(),
  ok: z.boolean(),
  catalogue: z.string().nullable(),
  version: z.string().nullable(),
  requirementCount: z.number().int(),
  problems: z.array(catalogueProblem),
  /** The stored version, when the import was not a dry run and had no problems. */
  created: catalogueVersionSummary.nullable(),
});
export type ImportCatalogueResult = z.infer<typeof importCatalogueResult>;
