import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assessRequirementBody,
  CoordinatorOverview,
  createGapMeasureBody,
  MigrationPreview,
  PlanListItem,
  PlanRequirementView,
  PlanView,
} from '@tillit/core/modules/action-plans/schemas';
import { request } from '../../api/client';

type AssessBody = z.input<typeof assessRequirementBody>;
type GapMeasureBody = z.input<typeof createGapMeasureBody>;
const id = (v: string) => encodeURIComponent(v);

export const plansApi = {
  list: () => request<PlanListItem[]>('GET', '/action-plans', { query: { limit: 500 } }),
  overview: () => request<CoordinatorOverview>('GET', '/action-plans/overview'),
  get: (planId: string) => request<PlanView>('GET', `/action-plans/${id(planId)}`),
  generate: () =>
    request<{ created: number; refreshed: number; unchanged: number; skipped: number }>('POST', '/action-plans/generate', { body: {} }),
  preview: () => request<MigrationPreview>('GET', '/action-plans/migration'),
  migrate: () => request<{ created: number; refreshed: number; unchanged: number }>('POST', '/action-plans/migration'),
  assess: (requirementId: string, body: AssessBody, version: number) =>
    request<PlanRequirementView>('PATCH', `/plan-requirements/${id(requirementId)}`, { body, ifMatch: version }),
  addLink: (requirementId: string, body: { title: string; url: string }) =>
    request<PlanRequirementView>('POST', `/plan-requirements/${id(requirementId)}/evidence/link`, { body }),
  createMeasure: (requirementId: string, body: GapMeasureBody) =>
    request<PlanRequirementView>('POST', `/plan-requirements/${id(requirementId)}/measures`, { body }),
  fileUrl: (evidenceId: string) => `/api/v1/plan-evidence/${id(evidenceId)}/file`,
};

const keys = { all: ['action-plans'] as const, plan: (planId: string) => ['action-plans', 'plan', planId] as const };

export const usePlans = () => useQuery({ queryKey: [...keys.all, 'list'], queryFn: plansApi.list });
export const useOverview = (enabled: boolean) => useQuery({ queryKey: [...keys.all, 'overview'], queryFn: plansApi.overview, enabled });
export const usePlan = (planId: string) => useQuery({ queryKey: keys.plan(planId), queryFn: () => plansApi.get(planId) });
export const usePreview = (enabled: boolean) => useQuery({ queryKey: [...keys.all, 'preview'], queryFn: plansApi.preview, enabled });

function useChanged() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: keys.all });
}

export function useGenerate() {
  const changed = useChanged();
  return useMutation({ mutationFn: plansApi.generate, onSuccess: changed });
}

export function useMigrate() {
  const changed = useChanged();
  return useMutation({ mutationFn: plansApi.migrate, onSuccess: changed });
}

export function useAssess() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ requirementId, body, version }: { requirementId: string; body: AssessBody; version: number }) =>
      plansApi.assess(requirementId, body, version),
    onSuccess: changed,
  });
}

export function useAddLink() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ requirementId, body }: { requirementId: string; body: { title: string; url: string } }) =>
      plansApi.addLink(requirementId, body),
    onSuccess: changed,
  });
}

export function useCreateMeasure() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ requirementId, body }: { requirementId: string; body: GapMeasureBody }) => plansApi.createMeasure(requirementId, body),
    onSuccess: changed,
  });
}
