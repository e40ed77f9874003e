import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Page } from '@tillit/core';
import type {
  CreateMeasureBody,
  MeasureDetailView,
  MeasureView,
  measureBoard,
  measureBoardQuery,
  measureStatusBody,
  verifyMeasureBody,
} from '@tillit/core/modules/measures/schemas';
import { queryKeys, request } from '../../api';

export type MeasureListParams = Record<string, string | number | undefined>;
export type MeasureBoard = z.infer<typeof measureBoard>;
type BoardQuery = z.input<typeof measureBoardQuery>;

const keys = {
  all: ['measures'] as const,
  list: (q: MeasureListParams) => ['measures', 'list', q] as const,
  board: (q: BoardQuery) => ['measures', 'board', q] as const,
  detail: (id: string) => ['measures', 'detail', id] as const,
};

const path = (id: string) => `/measures/${encodeURIComponent(id)}`;

export const measuresApi = {
  list: (query: MeasureListParams) => request<Page<MeasureView>>('GET', '/measures', { query }),
  board: (query: BoardQuery) => request<MeasureBoard>('GET', '/measures/board', { query: { ...query } as Record<string, string> }),
  get: (id: string) => request<MeasureDetailView>('GET', path(id)),
  create: (body: CreateMeasureBody) => request<MeasureDetailView>('POST', '/measures', { body }),
  setStatus: (id: string, body: z.input<typeof measureStatusBody>) => request<MeasureDetailView>('POST', `${path(id)}/status`, { body }),
  verify: (id: string, body: z.input<typeof verifyMeasureBody>) =>
    request<MeasureDetailView>('POST', `${path(id)}/verifications`, { body }),
};

export function useMeasures(query: MeasureListParams) {
  return useQuery({ queryKey: keys.list(query), queryFn: () => measuresApi.list(query), placeholderData: keepPreviousData });
}

export function useMeasureBoard(query: BoardQuery) {
  return useQuery({ queryKey: keys.board(query), queryFn: () => measuresApi.board(query), placeholderData: keepPreviousData });
}

export function useMeasure(id: string) {
  return useQuery({ queryKey: keys.detail(id), queryFn: () => measuresApi.get(id), enabled: Boolean(id) });
}

/** A change to a measure moves the lists, the start page's figures and the audit log. */
function useChanged() {
  const queryClient = useQueryClient();
  return (m: MeasureDetailView) => {
    queryClient.setQueryData(keys.detail(m.id), m);
    void queryClient.invalidateQueries({ queryKey: keys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
  };
}

export function useCreateMeasure() {
  const changed = useChanged();
  return useMutation({ mutationFn: measuresApi.create, onSuccess: changed });
}

export function useSetMeasureStatus() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof measureStatusBody> }) => measuresApi.setStatus(id, body),
    onSuccess: changed,
  });
}

export function useVerifyMeasure() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof verifyMeasureBody> }) => measuresApi.verify(id, body),
    onSuccess: changed,
  });
}
