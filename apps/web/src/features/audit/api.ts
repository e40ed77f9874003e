import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, queryKeys, type AuditListQuery } from '../../api';

export function useAuditEvents(query: AuditListQuery) {
  return useQuery({ queryKey: queryKeys.audit.list(query), queryFn: () => api.audit.list(query), placeholderData: keepPreviousData });
}

/** Verification reads the whole chain, so it runs when asked for, not on every visit. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: (full: boolean) => api.audit.verify(full) });
}
