import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, type MoveUnitBody, type UpdateUnitBody } from '../../api';

export function useUnits(includeClosed = false, enabled = true) {
  return useQuery({ queryKey: queryKeys.units.list(includeClosed), queryFn: () => api.units.list({ includeClosed }), enabled });
}

export function useOrganization() {
  return useQuery({ queryKey: queryKeys.organization, queryFn: api.organization.get });
}

/** Anything that changes units also changes the start page's figures and the audit log. */
function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.units.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
    ]);
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  const invalidateUnits = useInvalidateUnits();
  return useMutation({
    mutationFn: api.organization.update,
    onSuccess: (org) => {
      queryClient.setQueryData(queryKeys.organization, org);
      // The organisation's name is also its root unit's name and shown in the header.
      void queryClient.invalidateQueries({ queryKey: queryKeys.session });
      void invalidateUnits();
    },
  });
}

export function useCreateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: api.units.create, onSuccess: invalidate });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateUnitBody; version: number }) => api.units.update(id, body, version),
    onSuccess: invalidate,
  });
}

export function useMoveUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: MoveUnitBody }) => api.units.move(id, body), onSuccess: invalidate });
}

export function useSetUnitClosed() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: ({ id, closed }: { id: string; closed: boolean }) => (closed ? api.units.close(id) : api.units.reopen(id)),
    onSuccess: invalidate,
  });
}

export function useDeleteUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: api.units.remove, onSuccess: invalidate });
}
