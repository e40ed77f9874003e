import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '@tillit/core';
import { api, queryKeys, setCsrfToken } from '../../api';

/** A new session replaces whatever the cache held for somebody else. */
function useStartSession() {
  const queryClient = useQueryClient();
  return (session: SessionView) => {
    setCsrfToken(session.csrfToken);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.session[0] });
    queryClient.setQueryData(queryKeys.session, session);
  };
}

export function useLogin() {
  const startSession = useStartSession();
  return useMutation({ mutationFn: api.auth.login, onSuccess: startSession });
}

export function useLinkInfo(token: string) {
  return useQuery({ queryKey: queryKeys.link(token), queryFn: () => api.auth.linkInfo(token), retry: false, staleTime: Infinity });
}

export function useAcceptLink() {
  const startSession = useStartSession();
  return useMutation({ mutationFn: api.auth.acceptLink, onSuccess: startSession });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.auth.changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  });
}
