// Information assets and inventory import (docs/api-assets.md). Types only from core's schemas,
// so zod stays out of the browser bundle.
import type { z } from 'zod';
import type {
  assetDetailView,
  assetFacets,
  assetImportView,
  assetKind,
  assetRef,
  assetView,
  createAssetBody,
  createIntegrationBody,
  hosting,
  importMappingBody,
  importProblem,
  importReport,
  importWordBody,
  importWordView,
  integrationView,
  lifecycle,
  personalDataKind,
  reviewState,
  thirdCountryTransfer,
  updateAssetBody,
  updateIntegrationBody,
  workStatus,
} from '@tillit/core';
import type { ImportField as CoreImportField, Page } from '@tillit/core';
import { request, type QueryValue } from './client';

export type AssetKind = z.infer<typeof assetKind>;
export type Hosting = z.infer<typeof hosting>;
export type ThirdCountryTransfer = z.infer<typeof thirdCountryTransfer>;
export type PersonalDataKind = z.infer<typeof personalDataKind>;
export type Lifecycle = z.infer<typeof lifecycle>;
export type ReviewState = z.infer<typeof reviewState>;
export type WorkStatus = z.infer<typeof workStatus>;
export type AssetView = z.infer<typeof assetView>;
export type AssetRefView = z.infer<typeof assetRef>;
export type AssetDetailView = z.infer<typeof assetDetailView>;
export type IntegrationView = z.infer<typeof integrationView>;
export type AssetFacets = z.infer<typeof assetFacets>;
export type CreateAssetBody = z.input<typeof createAssetBody>;
export type UpdateAssetBody = z.input<typeof updateAssetBody>;
export type CreateIntegrationBody = z.input<typeof createIntegrationBody>;
export type UpdateIntegrationBody = z.input<typeof updateIntegrationBody>;
export type AssetImportView = z.infer<typeof assetImportView>;
export type ImportMapping = z.input<typeof importMappingBody>;
export type ImportProblem = z.infer<typeof importProblem>;
export type ImportReport = z.infer<typeof importReport>;
export type ImportWordView = z.infer<typeof importWordView>;
export type ImportWordBody = z.input<typeof importWordBody>;

export type ImportField = (typeof importFields)[number];
/** The inventory fields a column can feed, in the order the mapping table shows them (core's list, without zod). */
export const importFields = [
  'name',
  'kind',
  'unit',
  'description',
  'externalId',
  'informationOwner',
  'systemOwner',
  'systemSteward',
  'supplier',
  'hosting',
  'lifecycle',
  'personalData',
  'thirdCountryTransfer',
  'thirdCountries',
  'tags',
  'informationType',
  'processedBy',
  'tillitId',
] as const satisfies readonly CoreImportField[];
// Fails to compile when core adds a field that this list lacks.
export const importFieldsComplete: Exclude<CoreImportField, ImportField> extends never ? true : never = true;

export const assetKinds: AssetKind[] = ['information_set', 'system', 'process'];
export const hostings: Hosting[] = ['own_datacenter', 'external_operation', 'cloud', 'saas'];
export const thirdCountryTransfers: ThirdCountryTransfer[] = ['yes', 'no', 'unknown'];
export const personalDataKinds: PersonalDataKind[] = ['none', 'ordinary', 'sensitive', 'patient'];
export const lifecycles: Lifecycle[] = ['planned', 'in_use', 'phasing_out', 'retired'];
export const reviewStates: ReviewState[] = ['valid', 'due_soon', 'overdue', 'missing'];
export const workStatuses: WorkStatus[] = ['draft', 'submitted', 'returned'];

/**
 * The list's filters exactly as the URL and the API spell them (`kind=system,process`), so a
 * filtered view is a link and the same object is sent to the list and to the Excel export.
 */
export const assetFilterKeys = [
  'q',
  'kind',
  'unitId',
  'lifecycle',
  'hosting',
  'personalData',
  'thirdCountryTransfer',
  'reviewState',
  'workStatus',
  'informationOwnerId',
  'systemOwnerId',
  'systemStewardId',
  'personId',
  'supplier',
  'tag',
  'informationTypeId',
  'processesSetId',
  'processedById',
  'aspect',
  'minLevel',
  'specialAnalysis',
  'reviewReasons',
] as const;
export type AssetFilterKey = (typeof assetFilterKeys)[number];
export type AssetFilters = Partial<Record<AssetFilterKey, string>>;
export type AssetListQuery = AssetFilters & { sort?: string; page?: number; pageSize?: number; cursor?: string };

export const assetSorts = [
  'name',
  'kind',
  'unit',
  'lifecycle',
  'supplier',
  'externalId',
  'updatedAt',
  'reviewDueAt',
  'levelC',
  'levelI',
  'levelA',
  'levelT',
] as const;
export type AssetSort = (typeof assetSorts)[number];

const id = (value: string) => encodeURIComponent(value);

export const assetsApi = {
  list: (query: AssetListQuery = {}) => request<Page<AssetView>>('GET', '/assets', { query: { ...query } }),
  facets: () => request<AssetFacets>('GET', '/assets/facets'),
  get: (assetId: string) => request<AssetDetailView>('GET', `/assets/${id(assetId)}`),
  create: (body: CreateAssetBody) => request<AssetDetailView>('POST', '/assets', { body }),
  update: (assetId: string, body: UpdateAssetBody, version: number) =>
    request<AssetDetailView>('PATCH', `/assets/${id(assetId)}`, { body, ifMatch: version }),
  remove: (assetId: string) => request<void>('DELETE', `/assets/${id(assetId)}`),
  linkSet: (assetId: string, informationSetId: string) =>
    request<AssetDetailView>('POST', `/assets/${id(assetId)}/information-sets`, { body: { informationSetId } }),
  unlinkSet: (assetId: string, setId: string) => request<AssetDetailView>('DELETE', `/assets/${id(assetId)}/information-sets/${id(setId)}`),
  addIntegration: (assetId: string, body: CreateIntegrationBody) =>
    request<AssetDetailView>('POST', `/assets/${id(assetId)}/integrations`, { body }),
  updateIntegration: (integrationId: string, body: UpdateIntegrationBody, version: number) =>
    request<IntegrationView>('PATCH', `/asset-integrations/${id(integrationId)}`, { body, ifMatch: version }),
  removeIntegration: (integrationId: string) => request<void>('DELETE', `/asset-integrations/${id(integrationId)}`),
  /** The Excel export with the list's filters (no paging). */
  exportPath: (filters: AssetFilters & { sort?: string }) => apiPath('/assets/export.xlsx', filters),
};

export const assetImportApi = {
  /** The file goes as the raw request body; the server reads .xlsx and .csv. */
  upload: (file: File) =>
    request<AssetImportView>('POST', '/asset-imports', {
      query: { fileName: file.name },
      body: new Blob([file], { type: importContentType(file.name) }),
    }),
  get: (importId: string) => request<AssetImportView>('GET', `/asset-imports/${id(importId)}`),
  check: (importId: string, body: ImportMapping) => request<AssetImportView>('POST', `/asset-imports/${id(importId)}/check`, { body }),
  /** `onlyValid`: write the rows without problems and leave the others (the user chose so). */
  apply: (importId: string, body: ImportMapping, onlyValid = false) =>
    request<AssetImportView>('POST', `/asset-imports/${id(importId)}/apply`, {
      body,
      ...(onlyValid ? { query: { onlyValid: 'true' } } : {}),
    }),
  /** Undoes an applied import as a whole; 409 `import_changed_since` names the assets changed since. */
  undo: (importId: string) => request<AssetImportView>('POST', `/asset-imports/${id(importId)}/undo`),
  words: () => request<{ items: ImportWordView[] }>('GET', '/asset-import-words'),
  addWord: (body: ImportWordBody) => request<ImportWordView>('POST', '/asset-import-words', { body }),
  removeWord: (wordId: string) => request<void>('DELETE', `/asset-import-words/${id(wordId)}`),
  problemsPath: (importId: string) => apiPath(`/asset-imports/${id(importId)}/problems.xlsx`),
  templatePath: () => apiPath('/asset-imports/template.xlsx'),
};

// Browsers label CSV files differently (Windows says application/vnd.ms-excel); the server accepts these three.
function importContentType(fileName: string): string {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (name.endsWith('.csv')) return 'text/csv';
  return 'application/octet-stream';
}

/** The address of a GET endpoint, for downloads. */
export function apiPath(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

export const assetKeys = {
  all: ['assets'] as const,
  list: (query: AssetListQuery) => ['assets', 'list', query] as const,
  detail: (assetId: string) => ['assets', 'detail', assetId] as const,
  facets: ['assets', 'facets'] as const,
  imports: (importId: string) => ['asset-imports', importId] as const,
  importWords: ['asset-import-words'] as const,
};
