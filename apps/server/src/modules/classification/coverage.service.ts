import type { z } from 'zod';
import type { CoverageCounts, coverageQuery } from '@tillit/core';
import { requireAccess, type Actor } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../db/database.js';
import { visibleScope } from '../assets/assets.service.js';
import { findRootUnit, findUnit, openChildUnits } from '../units/units.service.js';
import * as repo from './coverage.repository.js';

const zero = (): CoverageCounts => ({
  systemsInUse: 0,
  systemsValid: 0,
  systemsMissing: 0,
  setsTotal: 0,
  setsClassified: 0,
  awaitingApproval: 0,
  drafts: 0,
  dueWithin30Days: 0,
  overdue: 0,
  specialAnalysis: 0,
});

function counts(r: repo.CoverageRow): CoverageCounts {
  return {
    systemsInUse: r.systems_in_use,
    systemsValid: r.systems_valid,
    systemsMissing: r.systems_missing,
    setsTotal: r.sets_total,
    setsClassified: r.sets_classified,
    awaitingApproval: r.awaiting_approval,
    drafts: r.drafts,
    dueWithin30Days: r.due_within_30_days,
    overdue: r.overdue,
    specialAnalysis: r.special_analysis,
  };
}

function add(a: CoverageCounts, b: CoverageCounts): CoverageCounts {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof CoverageCounts)[]) out[k] += b[k];
  return out;
}

export function createCoverageService(db: Db) {
  async function compute(actor: Actor, unitId?: string) {
    requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
    const scope = unitId ? await findUnit(db, actor.organizationId, unitId) : await findRootUnit(db, actor.organizationId);
    if (!scope) throw new AppError('not_found');
    const children = await openChildUnits(db, scope.id);
    const rows = await repo.coverage(db, actor.organizationId, scope.id, visibleScope(actor, 'classification.read'));
    const byGroup = new Map(rows.map((r) => [r.group_id, counts(r)]));
    const total = rows.map(counts).reduce(add, zero());
    return {
      asOf: new Date().toISOString(),
      scope: { unitId: scope.id, unitName: scope.name },
      total,
      rows: children.map((c) => ({ unitId: c.id, unitName: c.name, ...(byGroup.get(c.id) ?? zero()) })),
    };
  }

  return {
    coverage: (actor: Actor, query: z.output<typeof coverageQuery>) => compute(actor, query.unitId),

    /** The organisation-wide figures the reporting issue will show as KPIs. */
    async kpis(actor: Actor) {
      const { asOf, total: t } = await compute(actor);
      const rate = (n: number, of: number) => (of ? n / of : null);
      return {
        asOf,
        systemsInUse: t.systemsInUse,
        systemsWithValidClassification: t.systemsValid,
        systemClassificationRate: rate(t.systemsValid, t.systemsInUse),
        setsTotal: t.setsTotal,
        setsClassified: t.setsClassified,
        setClassificationRate: rate(t.setsClassified, t.setsTotal),
        awaitingApproval: t.awaitingApproval,
        dueWithin30Days: t.dueWithin30Days,
        overdue: t.overdue,
        missing: t.systemsMissing,
      };
    },
  };
}
