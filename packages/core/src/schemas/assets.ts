import { z } from 'zod';
import { aspectKeys } from '../rules/aspects.js';
import { optionalText, pageOf, text, rowVersion } from './common.js';
import { defineList, listFilters, listQuery } from './list.js';

/** Information assets (informationstillgångar): information sets, systems (it-stöd) and processes/services. */
export const assetKind = z.enum(['information_set', 'system', 'process']);
export type AssetKind = z.infer<typeof assetKind>;

export const hosting = z.enum(['own_datacenter', 'external_operation', 'cloud', 'saas']);
export const thirdCountryTransfer = z.enum(['yes', 'no', 'unknown']);
/** `sensitive` = special categories (GDPR art. 9); `patient` = patient data (patientdatalagen). */
/** Asset fact: needed for a service covered by cybersäkerhetslagen (2025:1506) — a law trigger of the requirement catalogue. */
export const essentialService = z.enum(['yes', 'no']);
export const personalDataKind = z.enum(['none', 'ordinary', 'sensitive', 'patient']);
export type PersonalDataKind = z.infer<typeof personalDataKind>;
export const lifecycle = z.enum(['planned', 'in_use', 'phasing_out', 'retired']);
/**
 * The chapter of offentlighets- och sekretesslagen (2009:400) whose secrecy covers the information
 * (e.g. 25 for health and medical care); null = not secrecy-protected. Secrecy, protected identity,
 * criminal-offence data and säkerhetsskydd are facts of their own, not kinds of personal data.
 */
export const secrecyChapter = z.number().int().min(1).max(50);

export { aspectKeys, type AspectKey } from '../rules/aspects.js';
export const aspectKey = z.enum(aspectKeys);

export const level = z.number().int().min(0).max(9);
/** A classification profile (K3 R2 T2 S2); null = not classified / aspect switched off. */
export const profile = z.object({ C: level.nullable(), I: level.nullable(), A: level.nullable(), T: level.nullable() });
export type Profile = z.infer<typeof profile>;

/** Validity of an asset's approved classification: `due_soon` = review date within 30 days. */
export const reviewState = z.enum(['missing', 'valid', 'due_soon', 'overdue']);
export type ReviewState = z.infer<typeof reviewState>;
/** Work in progress on a new version, if any. */
export const workStatus = z.enum(['draft', 'submitted', 'returned']);

export const reviewReasonKeys = [
  'personalData',
  'hosting',
  'supplier',
  'thirdCountryTransfer',
  'lifecycle',
  'secrecyChapter',
  'protectedIdentity',
  'criminalOffenceData',
  'securityProtection',
  'integration',
] as const;

export const personRef = z.object({ id: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof personRef>;

export const assetRef = z.object({
  id: z.uuid(),
  kind: assetKind,
  name: z.string(),
  unitId: z.uuid(),
  lifecycle,
  levels: profile,
});
export type AssetRef = z.infer<typeof assetRef>;

export const assetClassificationSummary = z.object({
  reviewState,
  reviewDueAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  currentVersionId: z.uuid().nullable(),
  openVersionId: z.uuid().nullable(),
  workStatus: workStatus.nullable(),
  /**
   * Why the approved classification is to be reviewed before its date: a fact it rests on changed
   * after approval (the asset field's name), or `integration` (a new integration: consider a raise).
   */
  reviewReasons: z.array(z.object({ reason: z.enum(reviewReasonKeys), at: z.string() })),
});

export const assetView = z.object({
  rowVersion,
  id: z.uuid(),
  kind: assetKind,
  name: z.string(),
  description: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  informationOwner: personRef.nullable(),
  /** The owner's recorded delegate for deciding classifications (set with PUT /assets/:id/decision-delegate). */
  decisionDelegateId: z.uuid().nullable(),
  systemOwner: personRef.nullable(),
  systemSteward: personRef.nullable(),
  supplier: z.string().nullable(),
  hosting: hosting.nullable(),
  thirdCountryTransfer,
  thirdCountries: z.array(z.string()),
  essentialService,
  personalData: personalDataKind,
  secrecyChapter: secrecyChapter.nullable(),
  /** Skyddade personuppgifter (sekretessmarkering, skyddad folkbokföring). */
  protectedIdentity: z.boolean(),
  /** Personal data about criminal offences (GDPR art. 10). */
  criminalOffenceData: z.boolean(),
  /** Säkerhetsskyddsklassificerade uppgifter (säkerhetsskyddslagen 2018:585): the only way to level 4. */
  securityProtection: z.boolean(),
  lifecycle,
  externalId: z.string().nullable(),
  tags: z.array(z.string()),
  informationTypeId: z.uuid().nullable(),
  informationTypeName: z.string().nullable(),
  /** Effective levels: a set's approved profile; for systems and processes max(derived from sets, own approved). */
  levels: profile,
  specialAnalysis: z.boolean(),
  classification: assetClassificationSummary,
  /** Systems/processes: information sets processed; sets: systems/processes processing it. */
  linkCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssetView = z.infer<typeof assetView>;

export const integrationView = z.object({
  rowVersion,
  id: z.uuid(),
  from: z.object({ id: z.uuid(), name: z.string() }),
  to: z.object({ id: z.uuid(), name: z.string() }),
  description: z.string().nullable(),
  createdAt: z.string(),
});
export type IntegrationView = z.infer<typeof integrationView>;

/** Where one aspect's effective level of a system/process comes from. */
export const levelSource = z.object({
  effective: level.nullable(),
  derived: level.nullable(),
  approved: level.nullable(),
  /** The processed information sets that reach the derived level (the maximum). */
  fromSets: z.array(z.object({ id: z.uuid(), name: z.string(), level })),
  /** True when the derived level now exceeds the system's own approved level: re-classify. */
  inheritedAboveApproved: z.boolean(),
});

export const assetDetailView = assetView.extend({
  approvedLevels: profile.nullable(),
  derivedLevels: profile.nullable(),
  levelSources: z.record(aspectKey, levelSource).nullable(),
  informationSets: z.array(assetRef),
  processedBy: z.array(assetRef),
  integrations: z.array(integrationView),
});
export type AssetDetailView = z.infer<typeof assetDetailView>;

const tags = z.array(z.string().trim().min(1).max(60)).max(30);
const countries = z.array(z.string().trim().min(1).max(60)).max(60);

export const createAssetBody = z.object({
  kind: assetKind,
  name: text(200),
  description: optionalText(4000),
  unitId: z.uuid(),
  informationOwnerId: z.uuid().nullish(),
  systemOwnerId: z.uuid().nullish(),
  systemStewardId: z.uuid().nullish(),
  supplier: optionalText(200),
  hosting: hosting.nullish(),
  thirdCountryTransfer: thirdCountryTransfer.default('unknown'),
  thirdCountries: countries.default([]),
  essentialService: essentialService.default('no'),
  personalData: personalDataKind.default('none'),
  secrecyChapter: secrecyChapter.nullish(),
  protectedIdentity: z.boolean().default(false),
  criminalOffenceData: z.boolean().default(false),
  securityProtection: z.boolean().default(false),
  lifecycle: lifecycle.default('in_use'),
  externalId: optionalText(100),
  tags: tags.default([]),
  /** Only for information sets: the information type it starts from. */
  informationTypeId: z.uuid().nullish(),
});

export const updateAssetBody = z.object({
  name: text(200).optional(),
  description: optionalText(4000),
  unitId: z.uuid().optional(),
  informationOwnerId: z.uuid().nullish(),
  systemOwnerId: z.uuid().nullish(),
  systemStewardId: z.uuid().nullish(),
  supplier: optionalText(200),
  hosting: hosting.nullish(),
  thirdCountryTransfer: thirdCountryTransfer.optional(),
  thirdCountries: countries.optional(),
  essentialService: essentialService.optional(),
  personalData: personalDataKind.optional(),
  secrecyChapter: secrecyChapter.nullish(),
  protectedIdentity: z.boolean().optional(),
  criminalOffenceData: z.boolean().optional(),
  securityProtection: z.boolean().optional(),
  lifecycle: lifecycle.optional(),
  externalId: optionalText(100),
  tags: tags.optional(),
  informationTypeId: z.uuid().nullish(),
});

/** `a,b,c` in the URL → a list of enum values (filters are kept in the URL, so they are strings). */
const listOf = <T extends Readonly<Record<string, string>>>(e: z.ZodEnum<T>) =>
  z
    .string()
    .max(200)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(e).min(1));

export const assetList = defineList({
  name: 'assets',
  path: '/api/v1/assets',
  sorts: {
    name: 'text',
    kind: 'text',
    unit: 'text',
    lifecycle: 'text',
    supplier: 'text',
    externalId: 'text',
    updatedAt: 'time',
    reviewDueAt: 'time',
    levelC: 'int',
    levelI: 'int',
    levelA: 'int',
    levelT: 'int',
  },
  defaultSort: 'name',
  idType: 'uuid',
  search: true,
  filters: {
    kind: listOf(assetKind).optional(),
    /** The unit and its sub-units. */
    unitId: z.uuid().optional(),
    lifecycle: listOf(lifecycle).optional(),
    hosting: listOf(hosting).optional(),
    personalData: listOf(personalDataKind).optional(),
    thirdCountryTransfer: listOf(thirdCountryTransfer).optional(),
    reviewState: listOf(reviewState).optional(),
    workStatus: listOf(workStatus).optional(),
    informationOwnerId: z.uuid().optional(),
    systemOwnerId: z.uuid().optional(),
    systemStewardId: z.uuid().optional(),
    /** Anyone of the three people fields. */
    personId: z.uuid().optional(),
    supplier: z.string().trim().max(200).optional(),
    tag: z.string().trim().max(60).optional(),
    informationTypeId: z.uuid().optional(),
    /** Systems/processes that process this information set. */
    processesSetId: z.uuid().optional(),
    /** Information sets processed by this system/process. */
    processedById: z.uuid().optional(),
    /** With minLevel: assets whose effective level on this aspect is at least minLevel. */
    aspect: aspectKey.optional(),
    minLevel: z.coerce.number().int().min(0).max(9).optional(),
    specialAnalysis: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    /** Classified assets with reasons to review: facts changed after the decision, or a new integration. */
    reviewReasons: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  },
});
export const assetSorts = Object.keys(assetList.sorts) as (keyof typeof assetList.sorts)[];
export const assetListQuery = listQuery(assetList);
export type AssetListQuery = z.infer<typeof assetListQuery>;
export const assetPage = pageOf(assetView);

/** The export takes the same filters as the list, without paging. */
export const assetExportQuery = listFilters(assetList);

export const assetFacets = z.object({
  suppliers: z.array(z.string()),
  tags: z.array(z.string()),
  thirdCountries: z.array(z.string()),
});

export const linkInformationSetBody = z.object({ informationSetId: z.uuid() });
export const linkParams = z.object({ id: z.uuid(), setId: z.uuid() });

export const createIntegrationBody = z.object({
  toAssetId: z.uuid(),
  /** What flows between the systems. */
  description: optionalText(1000),
});
export const updateIntegrationBody = z.object({ description: optionalText(1000) });
