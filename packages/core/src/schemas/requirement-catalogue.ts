import { z } from 'zod';
import { aspectKeys } from '../rules/aspects.js';
import { localized } from './classification-model.js';

/**
 * The requirement catalogue file format (kravkatalog): one version of one catalogue. The shipped
 * base catalogue and every imported catalogue use this shape; docs/requirement-catalogue-format.md
 * describes it for organisations that bring their own.
 */
export const catalogueKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/);
/** Versions are free text but sortable by convention ("2026.1"); a published version never changes. */
export const catalogueVersionLabel = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,29}$/);
/** Stable requirement id, e.g. TB-ATK-01: kept across versions so answers can be carried over. */
export const requirementId = z.string().regex(/^[A-Z0-9][A-Z0-9_.-]{1,39}$/);
export const themeCode = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{0,19}$/);
export const triggerCode = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/);
export const lawCode = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/);
/** An ISO/IEC 27002:2022 control number such as 5.15; checked against the list of 93 in the validation (`unknown_control`). */
export const controlNumber = z.string().trim().min(1).max(10);

/** Minimum consequence level per aspect from which the requirement applies; null/absent = the aspect does not trigger it. */
export const appliesAt = z.partialRecord(z.enum(aspectKeys), z.number().int().min(0).max(9).nullable());
export type AppliesAt = z.infer<typeof appliesAt>;

const lawPart = z.string().trim().min(1).max(30);
export const requirementReference = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('iso27002'), control: controlNumber }),
  z.object({
    kind: z.literal('law'),
    law: lawCode,
    chapter: lawPart.optional(),
    section: lawPart.optional(),
    article: lawPart.optional(),
  }),
  /** Anything else (an organisation's own policy, a standard we do not list): shown as written. */
  z.object({ kind: z.literal('other'), text: localized }),
]);
export type RequirementReference = z.infer<typeof requirementReference>;

export const catalogueRequirement = z.object({
  id: requirementId,
  theme: themeCode,
  title: localized,
  /** ÄR-text: what holds in our own organisation, present tense. */
  statement: localized,
  /** SKA-text: what a supplier must do, for tenders and contracts. */
  procurement: localized,
  /** Plain words for people who are not security specialists. */
  guidance: localized,
  appliesAt,
  triggers: z.array(triggerCode).max(20),
  references: z.array(requirementReference).max(40),
});
export type CatalogueRequirement = z.infer<typeof catalogueRequirement>;

export const catalogueTheme = z.object({ code: themeCode, label: localized });
export type CatalogueTheme = z.infer<typeof catalogueTheme>;

/** The shape alone; `validateCatalogue` (rules/requirement-catalogue.ts) adds the cross-row checks. */
export const requirementCatalogueFile = z.object({
  catalogue: catalogueKey,
  version: catalogueVersionLabel,
  publishedAt: z.iso.date(),
  name: localized,
  description: localized.optional(),
  themes: z.array(catalogueTheme).min(1).max(50),
  requirements: z.array(catalogueRequirement).min(1).max(2000),
});
export type RequirementCatalogueFile = z.infer<typeof requirementCatalogueFile>;

/** One problem found in a catalogue file, named by the row (1-based) and field it concerns. */
export const catalogueProblem = z.object({
  /** Requirement row (1-based as a spreadsheet shows data rows) or null for the catalogue head. */
  row: z.number().int().nullable(),
  requirementId: z.string().nullable(),
  /** Dotted path of the field, e.g. `references.2.control`. */
  field: z.string(),
  code: z.enum([
    'invalid_value',
    'duplicate_requirement_id',
    'unknown_theme',
    'duplicate_theme',
    'unknown_control',
    'unknown_trigger',
    'unknown_law',
    'level_out_of_range',
  ]),
  message: localized,
  value: z.string().nullable(),
});
export type CatalogueProblem = z.infer<typeof catalogueProblem>;

/** The law-trigger vocabulary and the fact rules that set triggers (data/requirement-triggers.json). */
export const triggerVocabularyFile = z.object({
  triggers: z.array(z.object({ code: triggerCode, label: localized, description: localized })).min(1),
  rules: z.array(
    z
      .object({
        trigger: triggerCode,
        /** A field of the asset's or information set's facts, e.g. `personalData`. */
        fact: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,59}$/),
        /** The values of the fact that set the trigger. */
        anyOf: z
          .array(z.union([z.string(), z.boolean()]))
          .min(1)
          .optional(),
        /** For a list-valued fact (e.g. OSL chapters): set when the list is not empty. */
        nonEmpty: z.literal(true).optional(),
      })
      .refine((r) => (r.anyOf === undefined) !== (r.nonEmpty === undefined), 'give exactly one of anyOf or nonEmpty'),
  ),
});
export type TriggerVocabularyFile = z.infer<typeof triggerVocabularyFile>;

export const annexAControlsFile = z.object({
  edition: z.string(),
  themes: z.array(z.object({ code: z.string(), label: localized })).length(4),
  controls: z.array(z.object({ control: controlNumber, theme: z.string(), title: localized })).length(93),
});
export type AnnexAControlsFile = z.infer<typeof annexAControlsFile>;

export const lawVocabularyFile = z.object({
  laws: z.array(z.object({ code: lawCode, name: localized, short: localized, designation: z.string() })).min(1),
});
export type LawVocabularyFile = z.infer<typeof lawVocabularyFile>;
