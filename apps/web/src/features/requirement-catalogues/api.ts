import { useQuery } from '@tanstack/react-query';
import type {
  CatalogueVersionSummary,
  CatalogueVersionView,
  RequirementListQuery,
  RequirementView,
} from '@tillit/core/modules/requirement-catalogues/schemas';
import { apiPath, request } from '../../api';

export const catalogueKeys = {
  versions: ['requirement-catalogues'] as const,
  version: (id: string) => ['requirement-catalogues', id] as const,
  requirements: (id: string, q: RequirementListQuery) => ['requirement-catalogues', id, 'requirements', q] as const,
};

export const cataloguesApi = {
  versions: () => request<CatalogueVersionSummary[]>('GET', '/requirement-catalogues'),
  version: (id: string) => request<CatalogueVersionView>('GET', `/requirement-catalogues/${encodeURIComponent(id)}`),
  requirements: (id: string, q: RequirementListQuery) =>
    request<{ items: RequirementView[]; total: number }>('GET', `/requirement-catalogues/${encodeURIComponent(id)}/requirements`, {
      query: { ...q },
    }),
  exportPath: (id: string, format: 'json' | 'xlsx') => apiPath(`/requirement-catalogues/${encodeURIComponent(id)}/export.${format}`),
};

export const useCatalogueVersions = () =>
  useQuery({ queryKey: catalogueKeys.versions, queryFn: cataloguesApi.versions, staleTime: 60_000 });
export const useCatalogueVersion = (id: string | null) =>
  useQuery({ queryKey: catalogueKeys.version(id ?? ''), queryFn: () => cataloguesApi.version(id!), enabled: !!id, staleTime: 60_000 });
export const useRequirements = (id: string | null, q: RequirementListQuery) =>
  useQuery({
    queryKey: catalogueKeys.requirements(id ?? '', q),
    queryFn: () => cataloguesApi.requirements(id!, q),
    enabled: !!id,
    staleTime: 60_000,
    placeholderData: (prev) => prev,
  });
