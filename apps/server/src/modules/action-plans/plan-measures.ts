import type { z } from 'zod';
import type { createGapMeasureBody, PlanRequirementView } from '@tillit/core/modules/action-plans/schemas';
import type { Actor } from '../../platform/access.js';
import type { Db, Trx } from '../../db/database.js';
import { createMeasureIn, measureSummariesFor } from '../measures/measures.service.js';

/** Measures answer plan requirements through the one measures table: link type `plan_requirement`, target = the requirement row, context = the plan. */
export const LINK_TYPE = 'plan_requirement';

export interface PlanMeasures {
  forRequirements(q: Db | Trx, actor: Actor, requirementIds: string[]): Promise<Map<string, PlanRequirementView['measures']>>;
  createForGap(
    trx: Trx,
    actor: Actor,
    target: { id: string; planId: string; unitId: string; label: string },
    input: z.output<typeof createGapMeasureBody>,
  ): Promise<{ id: string; title: string }>;
}

export const planMeasures: PlanMeasures = {
  async forRequirements(q, actor, requirementIds) {
    const found = await measureSummariesFor(q, actor, LINK_TYPE, { targetIds: requirementIds });
    return new Map(
      [...found.entries()].map(([k, list]) => [
        k,
        list.map((m) => ({ id: m.id, title: m.title, status: m.status, dueDate: m.dueDate ?? null })),
      ]),
    );
  },
  async createForGap(trx, actor, target, input) {
    const m = await createMeasureIn(trx, actor, {
      title: input.title,
      description: input.description ?? null,
      unitId: target.unitId,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      ...(input.startDate ? { startDate: input.startDate } : {}),
      priority: input.priority,
      links: [{ type: LINK_TYPE, targetId: target.id, contextId: target.planId, label: target.label }],
    });
    return { id: m.id, title: m.title };
  },
};
