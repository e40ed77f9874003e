// Classification model, classification versions, coverage and information types (docs/api-assets.md).
import type { z } from 'zod';
import type {
  approveClassificationBody,
  classificationComparison,
  classificationKpis,
  classificationListItem,
  classificationModelDefinition,
  classificationModelSummary,
  classificationModelView,
  classificationStatus,
  classificationVersionView,
  coverageCounts,
  coverageView,
  createModelVersionBody,
  returnClassificationBody,
  saveClassificationBody,
} from '@tillit/core';
import type {
  createInformationTypeBody,
  importInformationTypesResult,
  informationTypeLibraryFile,
  informationTypeView,
  updateInformationTypeBody,
} from '@tillit/core/modules/information-types/schemas';
import type { Page } from '@tillit/core';
import { request } from './client';
import { apiPath, type AssetKind } from './assets';

export type ClassificationModelDefinition = z.infer<typeof classificationModelDefinition>;
export type ClassificationModelView = z.infer<typeof classificationModelView>;
export type ClassificationModelSummary = z.infer<typeof classificationModelSummary>;
export type CreateModelVersionBody = z.input<typeof createModelVersionBody>;
export type ClassificationStatus = z.infer<typeof classificationStatus>;
export type ClassificationVersionView = z.infer<typeof classificationVersionView>;
export type ClassificationListItem = z.infer<typeof classificationListItem>;
export type ClassificationComparison = z.infer<typeof classificationComparison>;
export type SaveClassificationBody = z.input<typeof saveClassificationBody>;
export type ApproveClassificationBody = z.input<typeof approveClassificationBody>;
export type ReturnClassificationBody = z.input<typeof returnClassificationBody>;
export type CoverageView = z.infer<typeof coverageView>;
export type CoverageCounts = z.infer<typeof coverageCounts>;
export type ClassificationKpis = z.infer<typeof classificationKpis>;
export type InformationTypeView = z.infer<typeof informationTypeView>;
export type CreateInformationTypeBody = z.input<typeof createInformationTypeBody>;
export type UpdateInformationTypeBody = z.input<typeof updateInformationTypeBody>;
export type InformationTypeLibraryFile = z.input<typeof informationTypeLibraryFile>;
export type ImportInformationTypesResult = z.infer<typeof importInformationTypesResult>;

export const classificationStatuses: ClassificationStatus[] = ['draft', 'submitted', 'returned', 'approved'];

export interface ClassificationListQuery {
  status?: ClassificationStatus;
  unitId?: string;
  assetKind?: AssetKind;
  awaitingMyDecision?: 'true';
  q?: string;
  page?: number;
  pageSize?: number;
  cursor?: string;
}

const id = (value: string) => encodeURIComponent(value);

export const classificationApi = {
  currentModel: () => request<ClassificationModelView>('GET', '/classification-model'),
  models: () => request<ClassificationModelSummary[]>('GET', '/classification-models'),
  presetModel: () => request<ClassificationModelDefinition>('GET', '/classification-models/preset'),
  model: (modelId: string) => request<ClassificationModelView>('GET', `/classification-models/${id(modelId)}`),
  createModelVersion: (body: CreateModelVersionBody) => request<ClassificationModelView>('POST', '/classification-models', { body }),

  forAsset: (assetId: string) => request<ClassificationListItem[]>('GET', `/assets/${id(assetId)}/classifications`),
  start: (assetId: string) => request<ClassificationVersionView>('POST', `/assets/${id(assetId)}/classifications`),
  list: (query: ClassificationListQuery = {}) => request<Page<ClassificationListItem>>('GET', '/classifications', { query: { ...query } }),
  compare: (a: string, b: string) => request<ClassificationComparison>('GET', '/classifications/compare', { query: { a, b } }),
  get: (versionId: string) => request<ClassificationVersionView>('GET', `/classifications/${id(versionId)}`),
  save: (versionId: string, body: SaveClassificationBody, version: number) =>
    request<ClassificationVersionView>('PATCH', `/classifications/${id(versionId)}`, { body, ifMatch: version }),
  discard: (versionId: string) => request<void>('DELETE', `/classifications/${id(versionId)}`),
  submit: (versionId: string) => request<ClassificationVersionView>('POST', `/classifications/${id(versionId)}/submit`),
  withdraw: (versionId: string) => request<ClassificationVersionView>('POST', `/classifications/${id(versionId)}/withdraw`),
  approve: (versionId: string, body: ApproveClassificationBody) =>
    request<ClassificationVersionView>('POST', `/classifications/${id(versionId)}/approve`, { body }),
  returnVersion: (versionId: string, body: ReturnClassificationBody) =>
    request<ClassificationVersionView>('POST', `/classifications/${id(versionId)}/return`, { body }),
  /** The owner's recorded delegate for her classification decisions on the asset; null removes it. */
  setDecisionDelegate: (assetId: string, delegateId: string | null) =>
    request<{ delegate: { id: string; name: string } | null }>('PUT', `/assets/${id(assetId)}/decision-delegate`, { body: { delegateId } }),
  /** The coordinator's quality check (granskad): advice, not a decision. */
  check: (versionId: string, comment: string | null) =>
    request<ClassificationVersionView>('POST', `/classifications/${id(versionId)}/check`, { body: { comment } }),

  coverage: (unitId?: string) => request<CoverageView>('GET', '/classification/coverage', { query: { unitId } }),
  kpis: () => request<ClassificationKpis>('GET', '/classification/kpis'),
};

export const informationTypesApi = {
  list: () => request<InformationTypeView[]>('GET', '/information-types'),
  get: (typeId: string) => request<InformationTypeView>('GET', `/information-types/${id(typeId)}`),
  create: (body: CreateInformationTypeBody) => request<InformationTypeView>('POST', '/information-types', { body }),
  update: (typeId: string, body: UpdateInformationTypeBody, version: number) =>
    request<InformationTypeView>('PATCH', `/information-types/${id(typeId)}`, { body, ifMatch: version }),
  remove: (typeId: string) => request<void>('DELETE', `/information-types/${id(typeId)}`),
  importFile: (file: InformationTypeLibraryFile, dryRun: boolean) =>
    request<ImportInformationTypesResult>('POST', '/information-types/import', {
      query: { dryRun: dryRun ? 'true' : 'false' },
      body: file,
    }),
  importPreset: () => request<ImportInformationTypesResult>('POST', '/information-types/preset'),
  exportPath: () => apiPath('/information-types/export'),
};

export const classificationKeys = {
  all: ['classifications'] as const,
  currentModel: ['classification-model', 'current'] as const,
  models: ['classification-model', 'versions'] as const,
  model: (modelId: string) => ['classification-model', 'version', modelId] as const,
  modelAll: ['classification-model'] as const,
  list: (query: ClassificationListQuery) => ['classifications', 'list', query] as const,
  forAsset: (assetId: string) => ['classifications', 'asset', assetId] as const,
  detail: (versionId: string) => ['classifications', 'detail', versionId] as const,
  compare: (a: string, b: string) => ['classifications', 'compare', a, b] as const,
  coverage: (unitId: string | null) => ['classification-coverage', unitId] as const,
  coverageAll: ['classification-coverage'] as const,
  informationTypes: ['information-types'] as const,
};
