import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assetImportApi,
  assetKeys,
  classificationKeys,
  queryKeys,
  type AssetImportView,
  type ImportMapping,
  type ImportWordBody,
} from '../../api';

const POLL_MS = 1000;

/** The import as the server has it; polled while it is being written. */
export function useAssetImport(id: string | null) {
  return useQuery({
    queryKey: assetKeys.imports(id ?? ''),
    queryFn: () => assetImportApi.get(id!),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'applying' ? POLL_MS : false),
  });
}

function useSetImport() {
  const queryClient = useQueryClient();
  return (view: AssetImportView) => queryClient.setQueryData(assetKeys.imports(view.id), view);
}

export function useUploadImport() {
  const set = useSetImport();
  return useMutation({ mutationFn: assetImportApi.upload, onSuccess: set });
}

export function useCheckImport() {
  const set = useSetImport();
  return useMutation({
    mutationFn: ({ id, mapping }: { id: string; mapping: ImportMapping }) => assetImportApi.check(id, mapping),
    onSuccess: set,
  });
}

export function useApplyImport() {
  const set = useSetImport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mapping, onlyValid }: { id: string; mapping: ImportMapping; onlyValid?: boolean }) =>
      assetImportApi.apply(id, mapping, onlyValid),
    onSuccess: (view) => {
      set(view);
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
    },
  });
}

/** Once the import is written, the inventory, coverage and figures are out of date. */
export function useImportFinished() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: assetKeys.all });
    void queryClient.invalidateQueries({ queryKey: classificationKeys.coverageAll });
    void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
  };
}

/** Undo the import as a whole; the inventory and figures are out of date afterwards. */
export function useUndoImport() {
  const set = useSetImport();
  const finished = useImportFinished();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => assetImportApi.undo(id),
    onSuccess: (view) => {
      set(view);
      finished();
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
    },
  });
}

/** The organisation's own words for the import's values. */
export function useImportWords() {
  return useQuery({ queryKey: assetKeys.importWords, queryFn: assetImportApi.words });
}

export function useAddImportWord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportWordBody) => assetImportApi.addWord(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assetKeys.importWords }),
  });
}

export function useRemoveImportWord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => assetImportApi.removeWord(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assetKeys.importWords }),
  });
}
