import type { z } from 'zod';
import { annexAControls, referencedControls } from '@tillit/core';
import type {
  createSoaBody,
  SoaComparison,
  SoaEntryView,
  SoaVersionSummary,
  SoaVersionView,
  UpdateSoaEntryBody,
} from '@tillit/core/modules/soa/schemas';
import { requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkVersion, type ExpectedVersion } from '../../platform/concurrency.js';
import type { AppServices } from '../../platform/module.js';
import type { Db, Trx } from '../../db/database.js';
import { findRootUnit } from '../units/units.service.js';
import { linkMeasureIn, measureSummariesFor } from '../measures/measures.service.js';
import { catalogueVersionFile, latestCatalogueVersion } from '../requirement-catalogues/requirement-catalogues.service.js';
import * as repo from './soa.repository.js';
import { soaDocument, soaWorkbook } from './soa-export.js';

const controlInfo = new Map(annexAControls.controls.map((c) => [c.control, c]));
const compareFields = ['applicable', 'reasons', 'implementation', 'gapSeverity', 'currentState', 'plannedImprovement'] as const;

/**
 * Integration point with the action plans (h10-plans): how many plans contain a requirement that
 * refers to each control. The plans module offers it as `services.plans.controlCoverage(actor)`;
 * until it does, `planCount` is null ("not known"), never a made-up zero.
 */
export interface PlanControlCoverage {
  controlCoverage(actor: Actor): Promise<Map<string, number>>;
}
async function planCoverage(services: AppServices, actor: Actor): Promise<Map<string, number> | null> {
  const plans = (services as unknown as Record<string, unknown>).plans as Partial<PlanControlCoverage> | undefined;
  return typeof plans?.controlCoverage === 'function' ? plans.controlCoverage(actor) : null;
}

function toSummary(v: repo.VersionRow): SoaVersionSummary {
  return {
    rowVersion: v.row_version,
    id: v.id,
    year: v.year,
    note: v.note,
    copiedFromYear: v.copied_from_year,
    counts: {
      controls: v.controls,
      decided: v.decided,
      applicable: v.applicable,
      implemented: v.implemented,
      partly: v.partly,
      notImplemented: v.not_implemented,
    },
    createdAt: v.created_at.toISOString(),
    createdBy: v.created_by ? { id: v.created_by, name: v.created_by_name ?? '' } : null,
  };
}

const auditOf = (
  e: Pick<
    repo.EntryRow,
    'applicable' | 'reasons' | 'reason_text' | 'implementation' | 'gap_severity' | 'current_state' | 'planned_improvement'
  >,
) => ({
  applicable: e.applicable,
  reasons: e.reasons,
  reasonText: e.reason_text,
  implementation: e.implementation,
  gapSeverity: e.gap_severity,
  currentState: e.current_state,
  plannedImprovement: e.planned_improvement,
});

/** Control order 5.1, 5.2, …, 5.10, … 8.34 (numeric, not text). */
const byControl = (a: string, b: string) => {
  const [a1, a2] = a.split('.').map(Number) as [number, number];
  const [b1, b2] = b.split('.').map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
};

export function createSoaService(db: Db, services: AppServices) {
  async function requireWrite(actor: Actor) {
    const root = await findRootUnit(db, actor.organizationId);
    requireAccess(actor, 'soa.write', { organizationId: actor.organizationId, unitPath: root ? [root.id] : [] });
  }
  function requireRead(actor: Actor) {
    requireAccess(actor, 'soa.read', { organizationId: actor.organizationId });
  }
  async function version(q: Db | Trx, actor: Actor, id: string) {
    const v = await repo.findVersion(q, actor.organizationId, id);
    if (!v) throw new AppError('not_found');
    return v;
  }

  /** Requirement ids of the newest base catalogue per control, to show which requirements put a control into practice. */
  async function requirementsByControl(actor: Actor): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const latest = await latestCatalogueVersion(db, actor.organizationId);
    if (!latest) return out;
    const file = await catalogueVersionFile(db, actor.organizationId, latest.id);
    for (const r of file.requirements) {
      for (const c of referencedControls({ requirements: [r] })) out.set(c, [...(out.get(c) ?? []), r.id]);
    }
    return out;
  }

  async function entriesView(actor: Actor, v: repo.VersionRow): Promise<SoaEntryView[]> {
    const [entries, measures, coverage, requirements] = await Promise.all([
      repo.entriesOf(db, v.id),
      measureSummariesFor(db, actor, 'soa_control', { contextId: v.id }),
      planCoverage(services, actor),
      requirementsByControl(actor),
    ]);
    return entries
      .sort((a, b) => byControl(a.control, b.control))
      .map((e) => {
        const info = controlInfo.get(e.control)!;
        return {
          rowVersion: e.row_version,
          id: e.id,
          control: e.control,
          theme: info.theme,
          title: info.title,
          applicable: e.applicable,
          reasons: e.reasons as SoaEntryView['reasons'],
          reasonText: e.reason_text,
          implementation: e.implementation,
          gapSeverity: e.gap_severity,
          currentState: e.current_state,
          plannedImprovement: e.planned_improvement,
          measures: (measures.get(e.id) ?? []).map((m) => ({ id: m.id, title: m.title, status: m.status, dueDate: m.dueDate })),
          planCount: coverage ? (coverage.get(e.control) ?? 0) : null,
          requirementIds: requirements.get(e.control) ?? [],
          updatedAt: e.updated_at.toISOString(),
          updatedBy: e.updated_by ? { id: e.updated_by, name: e.updated_by_name ?? '' } : null,
        };
      });
  }

  const service = {
    async list(actor: Actor): Promise<SoaVersionSummary[]> {
      requireRead(actor);
      return (await repo.listVersions(db, actor.organizationId)).map(toSummary);
    },

    async get(actor: Actor, id: string): Promise<SoaVersionView> {
      requireRead(actor);
      const v = await version(db, actor, id);
      return { ...toSummary(v), entries: await entriesView(actor, v) };
    },

    /** A new year's statement: empty, or a copy of another year's answers (linked measures stay with the year they were linked in). */
    async create(actor: Actor, input: z.output<typeof createSoaBody>): Promise<SoaVersionView> {
      await requireWrite(actor);
      const created = await db.transaction().execute(async (trx) => {
        const source = input.copyFromId ? await version(trx, actor, input.copyFromId) : null;
        const inserted = await repo.insertVersion(trx, {
          organization_id: actor.organizationId,
          year: input.year,
          note: input.note ?? null,
          copied_from_id: source?.id ?? null,
          created_by: actor.userId,
        });
        if (!inserted) throw new AppError('soa_year_exists', { field: 'year' });
        const copied = new Map((source ? await repo.entriesOf(trx, source.id) : []).map((e) => [e.control, e]));
        await repo.insertEntries(
          trx,
          annexAControls.controls.map((c) => {
            const e = copied.get(c.control);
            return {
              version_id: inserted.id,
              control: c.control,
              applicable: e?.applicable ?? null,
              reasons: e?.reasons ?? [],
              reason_text: e?.reason_text ?? null,
              implementation: e?.implementation ?? null,
              gap_severity: e?.gap_severity ?? null,
              current_state: e?.current_state ?? null,
              planned_improvement: e?.planned_improvement ?? null,
              updated_by: actor.userId,
            };
          }),
        );
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'soa_version',
          entityId: inserted.id,
          entityLabel: String(input.year),
          after: { year: input.year, copiedFromYear: source?.year ?? null, note: input.note ?? null },
        });
        return inserted.id;
      });
      return service.get(actor, created);
    },

    async updateEntry(
      actor: Actor,
      id: string,
      control: string,
      input: UpdateSoaEntryBody,
      expected: ExpectedVersion,
    ): Promise<SoaEntryView> {
      await requireWrite(actor);
      await db.transaction().execute(async (trx) => {
        const v = await version(trx, actor, id);
        const e = await repo.findEntryForUpdate(trx, v.id, control);
        if (!e) throw new AppError('soa_unknown_control', { field: 'control' });
        await checkVersion(e.row_version, expected, async () => (await entriesView(actor, v)).find((x) => x.control === control));
        const next = {
          applicable: input.applicable === undefined ? e.applicable : input.applicable,
          reasons: input.reasons === undefined ? e.reasons : [...new Set(input.reasons)],
          reason_text: input.reasonText === undefined ? e.reason_text : input.reasonText || null,
          implementation: input.implementation === undefined ? e.implementation : input.implementation,
          gap_severity: input.gapSeverity === undefined ? e.gap_severity : input.gapSeverity,
          current_state: input.currentState === undefined ? e.current_state : input.currentState || null,
          planned_improvement: input.plannedImprovement === undefined ? e.planned_improvement : input.plannedImprovement || null,
        };
        if (next.applicable !== null && next.reasons.length === 0) throw new AppError('soa_reason_required', { field: 'reasons' });
        if (next.reasons.includes('other') && !next.reason_text) throw new AppError('soa_reason_text_required', { field: 'reasonText' });
        const before = auditOf(e);
        const after = auditOf(next);
        if (JSON.stringify(before) === JSON.stringify(after)) return;
        await repo.updateEntry(trx, e.id, { ...next, updated_by: actor.userId });
        const info = controlInfo.get(control)!;
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'soa_entry',
          entityId: e.id,
          entityLabel: `${v.year} ${control} ${info.title.sv}`,
          before,
          after,
        });
      });
      return (await service.get(actor, id)).entries.find((x) => x.control === control)!;
    },

    /** Links an existing measure to a control of one year's statement (the measure's own module checks access to it). */
    async linkMeasure(actor: Actor, id: string, control: string, measureId: string): Promise<SoaEntryView> {
      await requireWrite(actor);
      await db.transaction().execute(async (trx) => {
        const v = await version(trx, actor, id);
        const e = await repo.findEntry(trx, v.id, control);
        if (!e) throw new AppError('soa_unknown_control', { field: 'control' });
        const info = controlInfo.get(control)!;
        await linkMeasureIn(trx, actor, measureId, [
          { type: 'soa_control', targetId: e.id, contextId: v.id, label: `${control} ${info.title.sv} (UoT ${v.year})` },
        ]);
      });
      return (await service.get(actor, id)).entries.find((x) => x.control === control)!;
    },

    async exportFile(actor: Actor, id: string, format: 'xlsx' | 'docx') {
      const v = await service.get(actor, id);
      const locale = actor.locale === 'en' ? 'en' : 'sv';
      return { year: v.year, file: format === 'xlsx' ? await soaWorkbook(v, locale) : await soaDocument(v, locale) };
    },

    /** Two years side by side, with the fields that differ per control. */
    async compare(actor: Actor, fromId: string, toId: string): Promise<SoaComparison> {
      requireRead(actor);
      const [from, to] = await Promise.all([service.get(actor, fromId), service.get(actor, toId)]);
      const pick = (e: SoaEntryView | undefined) =>
        e
          ? {
              applicable: e.applicable,
              reasons: e.reasons,
              implementation: e.implementation,
              gapSeverity: e.gapSeverity,
              currentState: e.currentState,
              plannedImprovement: e.plannedImprovement,
            }
          : null;
      const fromBy = new Map(from.entries.map((e) => [e.control, e]));
      const toBy = new Map(to.entries.map((e) => [e.control, e]));
      const { entries: _f, ...fromSummary } = from;
      const { entries: _t, ...toSummary } = to;
      return {
        from: fromSummary,
        to: toSummary,
        rows: annexAControls.controls.map((c) => {
          const a = pick(fromBy.get(c.control));
          const b = pick(toBy.get(c.control));
          const changed = compareFields.filter((f) => JSON.stringify(a?.[f] ?? null) !== JSON.stringify(b?.[f] ?? null));
          return { control: c.control, title: c.title, from: a, to: b, changed: [...changed] };
        }),
      };
    },
  };
  return service;
}
export type SoaService = ReturnType<typeof createSoaService>;
