import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, queryKeys } from '../api';

/**
 * When the server says the session is gone (expired, signed out elsewhere), the cached session is
 * cleared and the route guard sends the person to the sign-in page, wherever they were.
 */
function onError(error: unknown) {
  if (isApiError(error, 'unauthenticated')) queryClient.setQueryData(queryKeys.session, null);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; network failures and 5xx may.
      retry: (failureCount, error) => (isApiError(error) && error.status >= 400 && error.status < 500 ? false : failureCount < 2),
    },
    mutations: { retry: false },
  },
});
