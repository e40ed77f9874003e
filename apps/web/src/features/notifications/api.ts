import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationKeys, notificationsApi, queryKeys } from '../../api';

/** The bell asks once a minute; the producers run hourly or daily, so that is fresh enough. */
export function useUnreadCount() {
  return useQuery({ queryKey: notificationKeys.unread, queryFn: notificationsApi.unreadCount, refetchInterval: 60_000 });
}

export function useNotifications(query: { page: number; unread: boolean }) {
  return useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: () => notificationsApi.list({ ...query, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: notificationKeys.preferences, queryFn: notificationsApi.preferences });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
  };
}

export function useMarkRead() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: notificationsApi.markRead, onSuccess: invalidate });
}

export function useMarkAllRead() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: notificationsApi.markAllRead, onSuccess: invalidate });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: notificationsApi.updatePreferences,
    onSuccess: (prefs) => {
      queryClient.setQueryData(notificationKeys.preferences, prefs);
      invalidate();
    },
  });
}
