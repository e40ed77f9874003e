import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, type GrantRoleBody, type UpdateUserBody, type UserListQuery, type UserView } from '../../api';

export function useUsers(query: UserListQuery, enabled = true) {
  // Keep the previous page on screen while the next loads, so the table does not jump.
  return useQuery({
    queryKey: queryKeys.users.list(query),
    queryFn: () => api.users.list(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: queryKeys.users.detail(id), queryFn: () => api.users.get(id), enabled: Boolean(id) });
}

/** A changed user updates its own cache entry at once; lists, figures and the log refetch. */
function useUserChanged() {
  const queryClient = useQueryClient();
  return (user?: UserView) => {
    if (user) queryClient.setQueryData(queryKeys.users.detail(user.id), user);
    void queryClient.invalidateQueries({ queryKey: queryKeys.users.all, predicate: (q) => q.queryKey[1] === 'list' });
    void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
  };
}

export function useInviteUser() {
  const changed = useUserChanged();
  return useMutation({ mutationFn: api.users.invite, onSuccess: (r) => changed(r.user) });
}

export function useUpdateUser() {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateUserBody; version: number }) => api.users.update(id, body, version),
    onSuccess: changed,
  });
}

export function useGrantRole() {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: GrantRoleBody }) => api.users.grantRole(id, body),
    onSuccess: changed,
  });
}

export function useRevokeRole() {
  const changed = useUserChanged();
  return useMutation({
    mutationFn: ({ id, assignmentId }: { id: string; assignmentId: string }) => api.users.revokeRole(id, assignmentId),
    onSuccess: changed,
  });
}

export function useResetPassword() {
  const changed = useUserChanged();
  return useMutation({ mutationFn: api.users.resetPassword, onSuccess: (r) => changed(r.user) });
}

export function useUnlockUser() {
  const changed = useUserChanged();
  return useMutation({ mutationFn: api.users.unlock, onSuccess: changed });
}
