import { z } from 'zod';
import { personalDataKind, profile } from '../../schemas/assets.js';
import { optionalText, text, rowVersion } from '../../schemas/common.js';

/** Organisation-wide library of information types (patientjournal, personaluppgifter, …) with recommended profiles. */
export const informationTypeKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/);

export const informationTypeView = z.object({
  rowVersion,
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  personalData: personalDataKind,
  recommended: profile,
  justification: z.string().nullable(),
  /** Information sets that start from this type. */
  usageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InformationTypeView = z.infer<typeof informationTypeView>;

export const createInformationTypeBody = z.object({
  /** Stable key used when libraries are shared; made from the name when left out. */
  key: informationTypeKey.optional(),
  name: text(200),
  description: optionalText(4000),
  personalData: personalDataKind.default('none'),
  recommended: profile,
  justification: optionalText(4000),
});

export const updateInformationTypeBody = z.object({
  name: text(200).optional(),
  description: optionalText(4000),
  personalData: personalDataKind.optional(),
  recommended: profile.optional(),
  justification: optionalText(4000),
});

/**
 * The shareable library file (documented in docs/api-assets.md). Regions in a sjukvårdsregion
 * exchange it; import updates types by `key` and creates the rest, all or nothing.
 */
export const informationTypeLibraryFile = z.object({
  format: z.literal('tillit.information-types'),
  formatVersion: z.literal(1),
  exportedAt: z.string().max(40).optional(),
  source: z.object({ organization: z.string().max(200).optional(), model: z.string().max(200).optional() }).optional(),
  types: z
    .array(
      z.object({
        key: informationTypeKey,
        name: text(200),
        description: optionalText(4000),
        personalData: personalDataKind.default('none'),
        recommended: profile,
        justification: optionalText(4000),
      }),
    )
    .max(2000),
});
export type InformationTypeLibraryFile = z.infer<typeof informationTypeLibraryFile>;

export const importInformationTypesQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .prefault('false')
    .transform((v) => v === 'true'),
});

export const importInformationTypesResult = z.object({
  dryRun: z.boolean(),
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
});
