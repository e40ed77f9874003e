import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  classificationKeys,
  informationTypesApi,
  queryKeys,
  type InformationTypeLibraryFile,
  type UpdateInformationTypeBody,
} from '../../api';

export function useInformationTypes(enabled = true) {
  return useQuery({ queryKey: classificationKeys.informationTypes, queryFn: informationTypesApi.list, staleTime: 60_000, enabled });
}

function useTypesChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: classificationKeys.informationTypes });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
  };
}

export function useCreateInformationType() {
  const changed = useTypesChanged();
  return useMutation({ mutationFn: informationTypesApi.create, onSuccess: changed });
}

export function useUpdateInformationType() {
  const changed = useTypesChanged();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateInformationTypeBody; version: number }) =>
      informationTypesApi.update(id, body, version),
    onSuccess: changed,
  });
}

export function useDeleteInformationType() {
  const changed = useTypesChanged();
  return useMutation({ mutationFn: informationTypesApi.remove, onSuccess: changed });
}

/** A dry run changes nothing; only the real import refreshes the library. */
export function useImportInformationTypes() {
  const changed = useTypesChanged();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: InformationTypeLibraryFile; dryRun: boolean }) => informationTypesApi.importFile(file, dryRun),
    onSuccess: (result) => {
      if (!result.dryRun) changed();
    },
  });
}

export function useImportPresetTypes() {
  const changed = useTypesChanged();
  return useMutation({ mutationFn: informationTypesApi.importPreset, onSuccess: changed });
}
