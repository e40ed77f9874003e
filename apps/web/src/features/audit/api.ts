import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, queryKeys, type AuditListQuery } from '../../api';

/** Events with their display values in the interface language (the request says which). */
export function useAuditEvents(query: AuditListQuery) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: queryKeys.audit.list(query, i18n.language),
    queryFn: () => api.audit.list(query),
    placeholderData: keepPreviousData,
  });
}

/** Verification reads the whole chain, so it runs when asked for, not on every visit. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: (full: boolean) => api.audit.verify(full) });
}
