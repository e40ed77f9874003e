import { z } from 'zod';
import { assetKind } from './assets.js';
import { roles } from '../permissions.js';

/** The inventory fields a spreadsheet column can be mapped to. */
export const importFields = [
  'kind',
  'name',
  'description',
  'unit',
  'informationOwner',
  'systemOwner',
  'systemSteward',
  'supplier',
  'hosting',
  'thirdCountryTransfer',
  'thirdCountries',
  'personalData',
  'lifecycle',
  'externalId',
  'tags',
  'informationType',
  'processedBy',
  /** Tillit's own id of the asset, as the export writes it: the row updates that asset. */
  'tillitId',
] as const;
export const importField = z.enum(importFields);
export type ImportField = z.infer<typeof importField>;

export const uploadImportQuery = z.object({ fileName: z.string().trim().min(1).max(200) });

/** Which column (by its header text) feeds which field. Unmapped fields are left as they are on update. */
export const importMappingBody = z.object({
  sheet: z.string().max(100).optional(),
  mapping: z.partialRecord(importField, z.string().trim().min(1).max(200)),
  /** Used when no `kind` column is mapped. */
  defaultKind: assetKind.optional(),
  /** Used when no `unit` column is mapped, or the cell is empty. */
  defaultUnitId: z.uuid().optional(),
  /**
   * Unknown people the user confirmed (issue 9 item 7): each `value` as the file writes it (a name or
   * an address) becomes an invited user with this address, name and role on the unit, in the apply's
   * transaction, and is assigned where the file names her.
   */
  invite: z
    .array(
      z.object({
        value: z.string().trim().min(1).max(200),
        email: z.string().trim().toLowerCase().email().max(254),
        name: z.string().trim().min(1).max(200),
        role: z.enum(roles),
        unitId: z.uuid(),
      }),
    )
    .max(500)
    .optional(),
});
export type ImportMapping = z.infer<typeof importMappingBody>;

export const importProblem = z.object({
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  field: importField.nullable(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  value: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importReport = z.object({
  rows: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  byKind: z.object({ information_set: z.number().int(), system: z.number().int(), process: z.number().int() }),
  links: z.number().int(),
  /** The first 1,000 problems; `problemCount` has them all. */
  problems: z.array(importProblem),
  problemCount: z.number().int(),
  /** Rows that match an asset (by Tillit id, external id, or the same kind, unit and name) and would change nothing. */
  unchanged: z.number().int(),
  /** Rows with no problem that the apply writes (new, changed); with `onlyValid` the others are left out. */
  validRows: z.number().int(),
  /** Rows without an id matched to an existing asset by kind, unit and name (first 1,000): the apply updates it instead of creating a duplicate. */
  matches: z.array(z.object({ row: z.number().int(), assetId: z.uuid(), name: z.string(), unitName: z.string() })),
  /** People the file names that no user matches (first 500): each can be invited with the apply. `unitId` is the unit of her first row. */
  unknownPeople: z
    .array(z.object({ value: z.string(), field: importField, rows: z.array(z.number().int()), unitId: z.uuid().nullable() }))
    .optional(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importStatus = z.enum(['uploaded', 'checked', 'applying', 'applied', 'failed', 'undone']);

export const assetImportView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: importStatus,
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  /** Header → field guesses from the header texts (Swedish and English synonyms). */
  suggestedMapping: z.partialRecord(importField, z.string()),
  mapping: importMappingBody.nullable(),
  report: importReport.nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Applied, not undone, and recorded what it did: the undo may be tried (it is refused if the assets changed since). */
  undoable: z.boolean(),
  undoneAt: z.string().nullable(),
});
export type AssetImportView = z.infer<typeof assetImportView>;

export const applyImportQuery = z.object({
  /** Wait for the apply to finish instead of answering 202 at once (scripts and tests). */
  wait: z
    .enum(['true', 'false'])
    .prefault('false')
    .transform((v) => v === 'true'),
  /** Write only the rows without problems and leave the others for a later import (the report keeps them). */
  onlyValid: z
    .enum(['true', 'false'])
    .prefault('false')
    .transform((v) => v === 'true'),
});

/** The fields whose values the import reads through the vocabulary, to which an organisation may add its own words. */
export const importWordFields = ['kind', 'hosting', 'thirdCountryTransfer', 'personalData', 'lifecycle'] as const;
export const importWordField = z.enum(importWordFields);

/** An organisation's own word for one of the import's values, e.g. "Regionens datacenter" → hosting `own_datacenter`. */
export const importWordBody = z.object({
  field: importWordField,
  code: z.string().trim().min(1).max(40),
  word: z.string().trim().min(1).max(100),
});
export type ImportWordInput = z.infer<typeof importWordBody>;

export const importWordView = z.object({
  id: z.uuid(),
  field: importWordField,
  code: z.string(),
  word: z.string(),
  createdAt: z.string(),
});
export type ImportWordView = z.infer<typeof importWordView>;
export const importWordList = z.object({ items: z.array(importWordView) });
