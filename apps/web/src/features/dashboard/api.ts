import { useQuery } from '@tanstack/react-query';
import { api, queryKeys } from '../../api';

export function useDashboard() {
  return useQuery({ queryKey: queryKeys.dashboard, queryFn: api.dashboard.get });
}
