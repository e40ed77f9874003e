import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assetKeys,
  assetsApi,
  classificationKeys,
  queryKeys,
  type AssetDetailView,
  type AssetListQuery,
  type CreateIntegrationBody,
  type UpdateAssetBody,
  type UpdateIntegrationBody,
} from '../../api';

export function useAssets(query: AssetListQuery, enabled = true) {
  // Keep the previous page on screen while the next loads, so the table does not jump.
  return useQuery({ queryKey: assetKeys.list(query), queryFn: () => assetsApi.list(query), placeholderData: keepPreviousData, enabled });
}

export function useAsset(id: string) {
  return useQuery({ queryKey: assetKeys.detail(id), queryFn: () => assetsApi.get(id), enabled: Boolean(id) });
}

export function useAssetFacets(enabled = true) {
  return useQuery({ queryKey: assetKeys.facets, queryFn: assetsApi.facets, staleTime: 60_000, enabled });
}

/**
 * A change to one asset can move levels of others (a set's link lifts a system), the coverage
 * figures and the audit log; the changed asset's own view is set at once.
 */
export function useAssetChanged() {
  const queryClient = useQueryClient();
  return (asset?: AssetDetailView) => {
    if (asset) queryClient.setQueryData(assetKeys.detail(asset.id), asset);
    void queryClient.invalidateQueries({
      queryKey: assetKeys.all,
      predicate: (q) => !asset || q.queryKey[1] !== 'detail' || q.queryKey[2] !== asset.id,
    });
    void queryClient.invalidateQueries({ queryKey: classificationKeys.coverageAll });
    void queryClient.invalidateQueries({ queryKey: classificationKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
  };
}

export function useCreateAsset() {
  const changed = useAssetChanged();
  return useMutation({ mutationFn: assetsApi.create, onSuccess: changed });
}

export function useUpdateAsset() {
  const changed = useAssetChanged();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateAssetBody; version: number }) => assetsApi.update(id, body, version),
    onSuccess: changed,
  });
}

export function useDeleteAsset() {
  const changed = useAssetChanged();
  return useMutation({ mutationFn: assetsApi.remove, onSuccess: () => changed() });
}

export function useLinkSet() {
  const changed = useAssetChanged();
  return useMutation({ mutationFn: ({ id, setId }: { id: string; setId: string }) => assetsApi.linkSet(id, setId), onSuccess: changed });
}

export function useUnlinkSet() {
  const changed = useAssetChanged();
  return useMutation({ mutationFn: ({ id, setId }: { id: string; setId: string }) => assetsApi.unlinkSet(id, setId), onSuccess: changed });
}

export function useAddIntegration() {
  const changed = useAssetChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateIntegrationBody }) => assetsApi.addIntegration(id, body),
    onSuccess: changed,
  });
}

export function useUpdateIntegration() {
  const changed = useAssetChanged();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateIntegrationBody; version: number }) =>
      assetsApi.updateIntegration(id, body, version),
    onSuccess: () => changed(),
  });
}

export function useRemoveIntegration() {
  const changed = useAssetChanged();
  return useMutation({ mutationFn: assetsApi.removeIntegration, onSuccess: () => changed() });
}
