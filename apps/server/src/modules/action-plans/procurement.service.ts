import type { z } from 'zod';
import { formatProfile, klassaPresetModel, selectRequirements, triggerVocabulary } from '@tillit/core';
import type {
  awardProcurementBody,
  contractCheckBody,
  createProcurementBody,
  ProcurementView,
  updateProcurementBody,
} from '@tillit/core/modules/action-plans/procurement';
import { grantedUnitIds, requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkVersion, type ExpectedVersion } from '../../platform/concurrency.js';
import type { Db, Trx } from '../../db/database.js';
import { findUnit } from '../units/units.service.js';
import { classifiedProfiles } from '../classification/classification.service.js';
import { createMeasureIn, measureSummariesFor } from '../measures/measures.service.js';
import { catalogueVersion, currentCatalogue, inLocale, type CatalogueVersion } from './action-plans.catalogue.js';
import { triggersOf } from './plan-generation.js';
import { triggerLabel } from './action-plans.views.js';
import { procurementDocx, procurementXlsx, type ProcurementDocument } from './procurement.export.js';
import * as repo from './procurement.repository.js';

const FINDING = 'contract_finding';
const levelsOf = (p: { level_c: number | null; level_i: number | null; level_a: number | null; level_t: number | null }) => ({
  C: p.level_c,
  I: p.level_i,
  A: p.level_a,
  T: p.level_t,
});

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Go-live first (or the award date), then the contract's interval after the latest check. */
export function nextCheckDue(
  p: Pick<repo.ProcurementRow, 'status' | 'go_live_on' | 'awarded_on' | 'recheck_months' | 'last_check_on'>,
): string | null {
  if (p.status !== 'awarded') return null;
  if (!p.last_check_on) return p.go_live_on ?? p.awarded_on;
  return addMonths(p.last_check_on, p.recheck_months ?? 12);
}

const auditFields = (p: {
  name: string;
  reference_number: string | null;
  supplier: string | null;
  status: string;
  awarded_on?: string | null;
  go_live_on?: string | null;
  recheck_months?: number | null;
}) => ({
  name: p.name,
  referenceNumber: p.reference_number,
  supplier: p.supplier,
  status: p.status,
  awardedOn: p.awarded_on ?? null,
  goLiveOn: p.go_live_on ?? null,
  recheckMonths: p.recheck_months ?? null,
});

export function createProcurementService(db: Db) {
  async function load(dbOrTrx: Db | Trx, actor: Actor, id: string, permission: 'plan.read' | 'plan.write', forUpdate = false) {
    const p = await repo.find(dbOrTrx, actor.organizationId, id, forUpdate);
    if (!p) throw new AppError('not_found');
    requireAccess(actor, permission, { organizationId: p.organization_id, unitPath: p.unit_path });
    return p;
  }

  async function versionOf(dbOrTrx: Db | Trx, actor: Actor, id: string): Promise<CatalogueVersion> {
    const v = await catalogueVersion(dbOrTrx, actor.organizationId, id);
    if (!v) throw new AppError('not_found');
    return v;
  }

  /** Requirements numbered per theme: 3.2 is the second requirement of the third theme in the set. */
  function numbered(catalogue: CatalogueVersion, rows: { id: string; requirement_key: string; theme: string }[], locale: 'sv' | 'en') {
    const themes = catalogue.file.themes.filter((th) => rows.some((r) => r.theme === th.code));
    return themes.map((th, ti) => ({
      code: th.code,
      label: inLocale(th.label, locale),
      requirements: rows
        .filter((r) => r.theme === th.code)
        .map((r, ri) => {
          const req = catalogue.byKey.get(r.requirement_key);
          return {
            id: r.id,
            number: `${ti + 1}.${ri + 1}`,
            key: r.requirement_key,
            title: req ? inLocale(req.title, locale) : r.requirement_key,
            text: req ? inLocale(req.procurement, locale) : '',
          };
        }),
    }));
  }

  async function view(dbOrTrx: Db | Trx, actor: Actor, id: string): Promise<ProcurementView> {
    const p = await load(dbOrTrx, actor, id, 'plan.read');
    const catalogue = await versionOf(dbOrTrx, actor, p.catalogue_version_id);
    const rows = await repo.requirements(dbOrTrx, p.id);
    const last = new Map((await repo.lastResults(dbOrTrx, p.id)).map((r) => [r.procurement_requirement_id, r]));
    const measures = await measureSummariesFor(dbOrTrx, actor, FINDING, { contextId: p.id });
    // Findings of every check are linked to their result rows: gather them per requirement.
    const resultIds = new Map<string, string[]>();
    for (const r of await repo.allResults(dbOrTrx, p.id))
      resultIds.set(r.procurement_requirement_id, [...(resultIds.get(r.procurement_requirement_id) ?? []), r.id]);
    const checks = await repo.checks(dbOrTrx, p.id);
    return {
      id: p.id,
      rowVersion: p.row_version,
      name: p.name,
      referenceNumber: p.reference_number,
      procurementDate: p.procurement_date,
      supplier: p.supplier,
      unitId: p.unit_id,
      unitName: p.unit_name,
      assetId: p.asset_id,
      assetName: p.asset_name,
      catalogueLabel: catalogue.label,
      levels: levelsOf(p),
      triggers: p.triggers.map((code) => ({ code, label: triggerLabel(code, actor.locale) })),
      status: p.status as ProcurementView['status'],
      awardedOn: p.awarded_on,
      goLiveOn: p.go_live_on,
      recheckMonths: p.recheck_months,
      nextCheckDue: nextCheckDue(p),
      requirements: numbered(catalogue, rows, actor.locale).flatMap((th) =>
        th.requirements.map((r) => ({
          id: r.id,
          number: r.number,
          key: r.key,
          theme: th.code,
          themeLabel: th.label,
          title: r.title,
          text: r.text,
          lastResult: (last.get(r.id)?.result ?? null) as ProcurementView['requirements'][number]['lastResult'],
          measures: (resultIds.get(r.id) ?? [])
            .flatMap((target) => measures.get(target) ?? [])
            .map((m) => ({ id: m.id, title: m.title, status: m.status, dueDate: m.dueDate ?? null })),
        })),
      ),
      checks: checks.map((c) => ({
        id: c.id,
        kind: c.kind as 'go_live',
        checkedOn: c.checked_on,
        checkedBy: c.checked_by ? { id: c.checked_by, name: c.checked_by_name ?? '' } : null,
        note: c.note,
        counts: { met: c.met, partlyMet: c.partly_met, notMet: c.not_met, notApplicable: c.not_applicable },
      })),
    };
  }

  async function document(actor: Actor, id: string): Promise<{ doc: ProcurementDocument; fileBase: string }> {
    const p = await load(db, actor, id, 'plan.read');
    const catalogue = await versionOf(db, actor, p.catalogue_version_id);
    const themes = numbered(catalogue, await repo.requirements(db, p.id), actor.locale);
    const fileBase = `upphandlingskrav-${(p.reference_number ?? p.name).replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)}`;
    return {
      fileBase,
      doc: {
        name: p.name,
        referenceNumber: p.reference_number,
        procurementDate: p.procurement_date,
        profileLabel: formatProfile(klassaPresetModel, levelsOf(p)),
        triggers: p.triggers.map((c) => triggerLabel(c, actor.locale)),
        catalogueLabel: catalogue.label,
        themes,
      },
    };
  }

  return {
    async list(actor: Actor) {
      requireAccess(actor, 'plan.read', { organizationId: actor.organizationId });
      const rows = await repo.list(db, actor.organizationId, actor.kind === 'system' ? null : grantedUnitIds(actor, 'plan.read'));
      return rows.map((p) => ({
        id: p.id,
        name: p.name,
        referenceNumber: p.reference_number,
        procurementDate: p.procurement_date,
        supplier: p.supplier,
        status: p.status as 'preparing',
        requirements: p.requirement_count,
        nextCheckDue: nextCheckDue(p),
      }));
    },

    get: (actor: Actor, id: string) => view(db, actor, id),

    /** The SKA-requirements for the profile and law triggers of an existing asset, or of a planned one given here. */
    async create(actor: Actor, input: z.output<typeof createProcurementBody>) {
      let unitId: string, unitPath: string[], levels, triggers: string[];
      if (input.assetId) {
        // A unit given with an existing asset must be the asset's own (and exist in the organisation).
        if (input.unitId) {
          const unit = await findUnit(db, actor.organizationId, input.unitId);
          if (!unit || unit.closed_at) throw new AppError('unknown_unit', { field: 'unitId' });
        }
        const [asset] = await classifiedProfiles(db, actor.organizationId, [input.assetId]);
        if (!asset) throw new AppError('asset_not_classified', { field: 'assetId' });
        if (input.unitId && input.unitId !== asset.unit_id) throw new AppError('unknown_unit', { field: 'unitId' });
        unitId = asset.unit_id;
        unitPath = asset.unit_path;
        levels = levelsOf(asset);
        triggers = triggersOf(asset);
      } else {
        const unit = await findUnit(db, actor.organizationId, input.unitId!);
        if (!unit || unit.closed_at) throw new AppError('unknown_unit', { field: 'unitId' });
        unitId = unit.id;
        unitPath = unit.path;
        levels = input.levels!;
        const known = new Set(triggerVocabulary.triggers.map((x) => x.code));
        const bad = (input.triggers ?? []).findIndex((x) => !known.has(x));
        if (bad >= 0)
          throw new AppError('validation_failed', {
            field: `triggers.${bad}`,
            issues: [{ path: ['body', 'triggers', bad], code: 'invalid_value', message: 'unknown trigger' }],
          });
        triggers = [...new Set(input.triggers ?? [])];
      }
      requireAccess(actor, 'plan.write', { organizationId: actor.organizationId, unitPath });
      const catalogue = await currentCatalogue(db, actor.organizationId);
      const selection = selectRequirements(catalogue.file, { levels, triggers });
      const order = new Map(catalogue.file.themes.map((th, i) => [th.code, i]));
      const chosen = [...selection.requirements].sort(
        (x, y) => (order.get(x.requirement.theme) ?? 0) - (order.get(y.requirement.theme) ?? 0),
      );
      const id = await db.transaction().execute(async (trx) => {
        const values = {
          organization_id: actor.organizationId,
          unit_id: unitId,
          asset_id: input.assetId ?? null,
          name: input.name,
          reference_number: input.referenceNumber ?? null,
          procurement_date: input.procurementDate,
          catalogue_version_id: catalogue.id,
          level_c: levels.C,
          level_i: levels.I,
          level_a: levels.A,
          level_t: levels.T,
          triggers,
          created_by: actor.userId,
        };
        const newId = await repo.insert(trx, values);
        await repo.insertRequirements(
          trx,
          chosen.map((s, position) => ({
            organization_id: actor.organizationId,
            procurement_id: newId,
            requirement_key: s.requirement.id,
            theme: s.requirement.theme,
            position,
          })),
        );
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'procurement',
          entityId: newId,
          entityLabel: input.name,
          unitId,
          after: { ...auditFields({ ...values, supplier: null, status: 'preparing' }), requirements: chosen.length },
        });
        return newId;
      });
      return view(db, actor, id);
    },

    async update(actor: Actor, id: string, input: z.output<typeof updateProcurementBody>, expected: ExpectedVersion) {
      await load(db, actor, id, 'plan.write');
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, actor, id, 'plan.write', true);
        await checkVersion(before.row_version, expected, () => view(trx, actor, id));
        const next = {
          name: input.name ?? before.name,
          reference_number: input.referenceNumber === undefined ? before.reference_number : input.referenceNumber,
          supplier: input.supplier === undefined ? before.supplier : input.supplier,
        };
        if (JSON.stringify(auditFields({ ...before, ...next })) === JSON.stringify(auditFields(before))) return;
        await repo.update(trx, id, next);
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'procurement',
          entityId: id,
          entityLabel: next.name,
          unitId: before.unit_id,
          before: auditFields(before),
          after: auditFields({ ...before, ...next }),
        });
      });
      return view(db, actor, id);
    },

    /** After award the set becomes the contract follow-up: checked at go-live and then at the interval. */
    async award(actor: Actor, id: string, input: z.output<typeof awardProcurementBody>, expected?: ExpectedVersion) {
      await load(db, actor, id, 'plan.write');
      if (input.goLiveOn && input.goLiveOn < input.awardedOn)
        throw new AppError('validation_failed', {
          field: 'goLiveOn',
          issues: [{ path: ['body', 'goLiveOn'], code: 'too_small', message: 'go-live before award' }],
        });
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, actor, id, 'plan.write', true);
        await checkVersion(before.row_version, expected, () => view(trx, actor, id));
        const next = {
          supplier: input.supplier,
          status: 'awarded',
          awarded_on: input.awardedOn,
          go_live_on: input.goLiveOn ?? null,
          recheck_months: input.recheckMonths,
        };
        await repo.update(trx, id, next);
        await recordAudit(trx, actor, {
          action: 'award',
          entityType: 'procurement',
          entityId: id,
          entityLabel: before.name,
          unitId: before.unit_id,
          before: auditFields(before),
          after: auditFields({ ...before, ...next }),
        });
      });
      return view(db, actor, id);
    },

    /** One contract check: a result per requirement; findings become measures in the same transaction. */
    async check(actor: Actor, id: string, input: z.output<typeof contractCheckBody>) {
      const p = await load(db, actor, id, 'plan.write');
      if (p.status !== 'awarded') throw new AppError('procurement_not_awarded');
      const reqs = new Map((await repo.requirements(db, p.id)).map((r) => [r.id, r]));
      input.results.forEach((r, i) => {
        if (!reqs.has(r.requirementId)) throw new AppError('unknown_procurement_requirement', { field: `results.${i}.requirementId` });
      });
      const resultOf = new Map(input.results.map((r) => [r.requirementId, r.result]));
      input.measures.forEach((m, i) => {
        const r = resultOf.get(m.requirementId);
        if (r !== 'not_met' && r !== 'partly_met')
          throw new AppError('unknown_procurement_requirement', { field: `measures.${i}.requirementId` });
      });
      await db.transaction().execute(async (trx) => {
        const checkId = await repo.insertCheck(trx, {
          organization_id: actor.organizationId,
          procurement_id: p.id,
          kind: input.kind,
          checked_on: input.checkedOn,
          checked_by: actor.userId,
          note: input.note ?? null,
        });
        const results = await repo.insertResults(
          trx,
          input.results.map((r) => ({
            organization_id: actor.organizationId,
            check_id: checkId,
            procurement_requirement_id: r.requirementId,
            result: r.result,
            comment: r.comment ?? null,
          })),
        );
        const resultId = new Map(results.map((r) => [r.procurement_requirement_id, r.id]));
        const counts = (s: string) => input.results.filter((r) => r.result === s).length;
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'contract_check',
          entityId: checkId,
          entityLabel: p.name,
          unitId: p.unit_id,
          after: {
            kind: input.kind,
            checkedOn: input.checkedOn,
            met: counts('met'),
            partlyMet: counts('partly_met'),
            notMet: counts('not_met'),
          },
        });
        for (const m of input.measures) {
          await createMeasureIn(trx, actor, {
            title: m.title,
            unitId: p.unit_id,
            ownerId: m.ownerId,
            dueDate: m.dueDate,
            priority: m.priority,
            links: [
              {
                type: FINDING,
                targetId: resultId.get(m.requirementId)!,
                contextId: p.id,
                label: `${p.name}: ${reqs.get(m.requirementId)!.requirement_key}`,
              },
            ],
          });
        }
      });
      return view(db, actor, id);
    },

    async docx(actor: Actor, id: string) {
      const { doc, fileBase } = await document(actor, id);
      return { file: await procurementDocx(doc, actor.locale), fileName: `${fileBase}.docx` };
    },

    async xlsx(actor: Actor, id: string) {
      const { doc, fileBase } = await document(actor, id);
      return { file: await procurementXlsx(doc, actor.locale), fileName: `${fileBase}.xlsx` };
    },
  };
}

export type ProcurementService = ReturnType<typeof createProcurementService>;
