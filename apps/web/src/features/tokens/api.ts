import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../api';

export function useTokens() {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: api.tokens.list });
}

function useTokensChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
  };
}

export function useCreateToken() {
  const changed = useTokensChanged();
  return useMutation({ mutationFn: api.tokens.create, onSuccess: changed });
}

export function useRevokeToken() {
  const changed = useTokensChanged();
  return useMutation({ mutationFn: api.tokens.revoke, onSuccess: changed });
}
