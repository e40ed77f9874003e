import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assetKeys,
  classificationApi,
  classificationKeys,
  queryKeys,
  type ApproveClassificationBody,
  type ClassificationListQuery,
  type ClassificationVersionView,
  type SaveClassificationBody,
} from '../../api';

// The model changes rarely; every page that shows a profile needs it.
const MODEL_STALE = 5 * 60_000;

export function useCurrentModel(enabled = true) {
  return useQuery({ queryKey: classificationKeys.currentModel, queryFn: classificationApi.currentModel, staleTime: MODEL_STALE, enabled });
}

export function useModel(modelId: string | null | undefined) {
  return useQuery({
    queryKey: classificationKeys.model(modelId ?? ''),
    queryFn: () => classificationApi.model(modelId!),
    staleTime: Infinity,
    enabled: Boolean(modelId),
  });
}

export function useModelVersions() {
  return useQuery({ queryKey: classificationKeys.models, queryFn: classificationApi.models });
}

export function useCreateModelVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: classificationApi.createModelVersion,
    onSuccess: (model) => {
      queryClient.setQueryData(classificationKeys.currentModel, model);
      void queryClient.invalidateQueries({ queryKey: classificationKeys.modelAll });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
    },
  });
}

export function useAssetClassifications(assetId: string, enabled = true) {
  return useQuery({
    queryKey: classificationKeys.forAsset(assetId),
    queryFn: () => classificationApi.forAsset(assetId),
    enabled: enabled && Boolean(assetId),
  });
}

export function useClassifications(query: ClassificationListQuery, enabled = true) {
  return useQuery({
    queryKey: classificationKeys.list(query),
    queryFn: () => classificationApi.list(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useClassification(id: string) {
  return useQuery({ queryKey: classificationKeys.detail(id), queryFn: () => classificationApi.get(id), enabled: Boolean(id) });
}

export function useComparison(a: string | null, b: string | null) {
  return useQuery({
    queryKey: classificationKeys.compare(a ?? '', b ?? ''),
    queryFn: () => classificationApi.compare(a!, b!),
    enabled: Boolean(a && b),
  });
}

export function useCoverage(unitId: string | null, enabled = true) {
  return useQuery({
    queryKey: classificationKeys.coverage(unitId),
    queryFn: () => classificationApi.coverage(unitId ?? undefined),
    enabled,
  });
}

/** A version changed: its own view is set; lists, the asset (levels, work status), coverage and the log refetch. */
function useVersionChanged() {
  const queryClient = useQueryClient();
  return (view?: ClassificationVersionView) => {
    if (view) queryClient.setQueryData(classificationKeys.detail(view.id), view);
    void queryClient.invalidateQueries({
      queryKey: classificationKeys.all,
      predicate: (q) => !view || q.queryKey[1] !== 'detail' || q.queryKey[2] !== view.id,
    });
    void queryClient.invalidateQueries({ queryKey: assetKeys.all });
    void queryClient.invalidateQueries({ queryKey: classificationKeys.coverageAll });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
  };
}

export function useStartClassification() {
  const changed = useVersionChanged();
  return useMutation({ mutationFn: classificationApi.start, onSuccess: changed });
}

/** Saving while answering: only the version's own view is updated, so typing is not interrupted by refetches. */
export function useSaveClassification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: SaveClassificationBody; version: number }) =>
      classificationApi.save(id, body, version),
    onSuccess: (view) => {
      queryClient.setQueryData(classificationKeys.detail(view.id), view);
      void queryClient.invalidateQueries({
        queryKey: classificationKeys.all,
        predicate: (q) => q.queryKey[1] === 'list' || q.queryKey[1] === 'asset',
      });
    },
  });
}

export function useSubmitClassification() {
  const changed = useVersionChanged();
  return useMutation({ mutationFn: classificationApi.submit, onSuccess: changed });
}

export function useWithdrawClassification() {
  const changed = useVersionChanged();
  return useMutation({ mutationFn: classificationApi.withdraw, onSuccess: changed });
}

export function useApproveClassification() {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApproveClassificationBody }) => classificationApi.approve(id, body),
    onSuccess: changed,
  });
}

export function useReturnClassification() {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment: string }) => classificationApi.returnVersion(id, { comment }),
    onSuccess: changed,
  });
}

export function useSetDecisionDelegate() {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: ({ assetId, delegateId }: { assetId: string; delegateId: string | null }) =>
      classificationApi.setDecisionDelegate(assetId, delegateId),
    onSuccess: () => changed(),
  });
}

export function useCheckClassification() {
  const changed = useVersionChanged();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment: string | null }) => classificationApi.check(id, comment),
    onSuccess: changed,
  });
}

/** The discarded version's own query is left alone (it would answer 404); the asset's view is dropped so it reloads fresh. */
export function useDiscardClassification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string; assetId: string }) => classificationApi.discard(id),
    onSuccess: (_, { id, assetId }) => {
      queryClient.removeQueries({ queryKey: assetKeys.detail(assetId) });
      void queryClient.invalidateQueries({
        queryKey: classificationKeys.all,
        predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === id),
      });
      void queryClient.invalidateQueries({ queryKey: assetKeys.all });
      void queryClient.invalidateQueries({ queryKey: classificationKeys.coverageAll });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
    },
  });
}
