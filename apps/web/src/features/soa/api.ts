import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SoaComparison, SoaEntryView, SoaVersionSummary, SoaVersionView, UpdateSoaEntryBody } from '@tillit/core/modules/soa/schemas';
import { apiPath, queryKeys, request } from '../../api';

export const soaKeys = {
  all: ['soa'] as const,
  version: (id: string) => ['soa', id] as const,
  compare: (from: string, to: string) => ['soa', 'compare', from, to] as const,
};

export const soaApi = {
  list: () => request<SoaVersionSummary[]>('GET', '/soa'),
  get: (id: string) => request<SoaVersionView>('GET', `/soa/${encodeURIComponent(id)}`),
  create: (body: { year: number; copyFromId?: string | null; note?: string | null }) => request<SoaVersionView>('POST', '/soa', { body }),
  update: (id: string, control: string, body: UpdateSoaEntryBody, version: number) =>
    request<SoaEntryView>('PATCH', `/soa/${encodeURIComponent(id)}/controls/${encodeURIComponent(control)}`, { body, ifMatch: version }),
  compare: (from: string, to: string) => request<SoaComparison>('GET', '/soa/compare', { query: { from, to } }),
  exportPath: (id: string, format: 'xlsx' | 'docx') => apiPath(`/soa/${encodeURIComponent(id)}/export.${format}`),
};

export const useSoaVersions = () => useQuery({ queryKey: soaKeys.all, queryFn: soaApi.list });
export const useSoaVersion = (id: string) => useQuery({ queryKey: soaKeys.version(id), queryFn: () => soaApi.get(id) });
export const useSoaCompare = (from: string | null, to: string | null) =>
  useQuery({ queryKey: soaKeys.compare(from ?? '', to ?? ''), queryFn: () => soaApi.compare(from!, to!), enabled: !!from && !!to });

function useChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: soaKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
  };
}
export function useCreateSoa() {
  const changed = useChanged();
  return useMutation({ mutationFn: soaApi.create, onSuccess: changed });
}
export function useUpdateSoaEntry() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, control, body, version }: { id: string; control: string; body: UpdateSoaEntryBody; version: number }) =>
      soaApi.update(id, control, body, version),
    onSuccess: changed,
  });
}
