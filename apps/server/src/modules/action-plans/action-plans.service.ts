import { planProgress, progressFromCounts } from '@tillit/core/modules/action-plans/rules';
import type {
  AssessRequirementBody,
  CoordinatorOverview,
  MigrationPreview,
  PlanListItem,
  PlanView,
} from '@tillit/core/modules/action-plans/schemas';
import { grantedUnitIds, holdsOn, requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit, recordAudits, type AuditInput } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkVersion, type ExpectedVersion } from '../../platform/concurrency.js';
import type { Db, Trx } from '../../db/database.js';
import { findRootUnit, findUnit } from '../units/units.service.js';
import { classifiedProfiles, type ClassifiedProfileRow } from '../classification/classification.service.js';
import { catalogueVersion, currentCatalogue, inLocale, type CatalogueVersion } from './action-plans.catalogue.js';
import { buildPlan, planIsCurrent, sameProfile, triggersOf, type Built } from './plan-generation.js';
import * as repo from './action-plans.repository.js';
import { toPlanView, toRequirementView, type PlanParts } from './action-plans.views.js';
import { planMeasures } from './plan-measures.js';

/** A requirement's text in a version, or null when the version lacks it. */
const textOf = (v: CatalogueVersion | undefined, key: string, field: 'title' | 'statement', locale: 'sv' | 'en') => {
  const r = v?.byKey.get(key);
  return r ? inLocale(r[field], locale) : null;
};
const levelsOf = (p: { level_c: number | null; level_i: number | null; level_a: number | null; level_t: number | null }) => ({
  C: p.level_c,
  I: p.level_i,
  A: p.level_a,
  T: p.level_t,
});

async function versionOf(dbOrTrx: Db | Trx, organizationId: string, id: string): Promise<CatalogueVersion> {
  const v = await catalogueVersion(dbOrTrx, organizationId, id);
  if (!v) throw new AppError('not_found');
  return v;
}

/** Which of these assets need a new plan, and the plans that would replace their current ones. */
async function plan(dbOrTrx: Db | Trx, actor: Actor, assets: ClassifiedProfileRow[]) {
  const catalogue = await currentCatalogue(dbOrTrx, actor.organizationId);
  const current = new Map(
    (await repo.currentPlans(dbOrTrx, actor.organizationId, { assetIds: assets.map((a) => a.id) })).map((p) => [p.asset_id, p]),
  );
  const stale = assets.filter((a) => {
    const p = current.get(a.id);
    return !p || !planIsCurrent(p, a, catalogue, triggersOf(a));
  });
  const replaced = stale.map((a) => current.get(a.id)).filter((p): p is repo.PlanRow => p !== undefined);
  const oldRequirements = await repo.requirementsOf(
    dbOrTrx,
    replaced.map((p) => p.id),
  );
  const byPlan = new Map<string, repo.RequirementRow[]>();
  for (const r of oldRequirements) {
    const list = byPlan.get(r.plan_id);
    if (list) list.push(r);
    else byPlan.set(r.plan_id, [r]);
  }
  const builds: (Built & { asset: ClassifiedProfileRow; replaces: repo.PlanRow | undefined })[] = [];
  for (const a of stale) {
    const old = current.get(a.id);
    const previous = old
      ? {
          plan: old,
          requirements: byPlan.get(old.id) ?? [],
          catalogue: await versionOf(dbOrTrx, actor.organizationId, old.catalogue_version_id),
        }
      : undefined;
    builds.push({ ...buildPlan(actor.organizationId, actor.userId, a, catalogue, previous), asset: a, replaces: old });
  }
  return { catalogue, builds, unchanged: assets.length - stale.length };
}

/** Writes the plans `plan` built, in the caller's transaction, with one audit event per plan. */
async function write(trx: Trx, actor: Actor, catalogue: CatalogueVersion, builds: Awaited<ReturnType<typeof plan>>['builds']) {
  const now = new Date();
  await repo.supersede(
    trx,
    builds.flatMap((b) => (b.replaces ? [b.replaces.id] : [])),
    now,
  );
  await repo.insertPlans(
    trx,
    builds.map((b) => b.plan),
  );
  await repo.insertRequirements(
    trx,
    actor.organizationId,
    builds.flatMap((b) => b.requirements),
  );
  const events: AuditInput[] = builds.map((b) => ({
    action: b.replaces ? 'regenerate' : 'generate',
    entityType: 'action_plan',
    entityId: b.plan.id,
    entityLabel: b.asset.name,
    unitId: b.asset.unit_id,
    after: {
      assetId: b.asset.id,
      catalogue: catalogue.label,
      levels: levelsOf(b.plan),
      triggers: b.plan.triggers,
      requirements: b.requirements.length,
      ...(b.replaces ? { added: b.counts.added, changed: b.counts.changed, removed: b.counts.removed, carried: b.counts.unchanged } : {}),
    },
  }));
  await recordAudits(trx, actor, events);
}

/**
 * Published (seed, generator, fixtures): generates or refreshes the plans of these classified assets
 * in the caller's transaction. Access is the caller's business.
 */
export async function generatePlansIn(trx: Trx, actor: Actor, assets: ClassifiedProfileRow[]) {
  const { catalogue, builds, unchanged } = await plan(trx, actor, assets);
  await write(trx, actor, catalogue, builds);
  return { created: builds.filter((b) => !b.replaces).length, refreshed: builds.filter((b) => b.replaces).length, unchanged };
}

export function createActionPlansService(db: Db) {
  /** Top-unit permission: organisation-wide actions (migrating every plan) are the coordinator's. */
  async function requireOnRoot(actor: Actor, permission: 'plan.write' | 'plan.read') {
    requireAccess(actor, permission, { organizationId: actor.organizationId });
    const root = await findRootUnit(db, actor.organizationId);
    requireAccess(actor, permission, { organizationId: actor.organizationId, unitPath: root ? [root.id] : [] });
  }

  async function parts(dbOrTrx: Db | Trx, actor: Actor, p: repo.PlanRow): Promise<PlanParts> {
    const catalogue = await versionOf(dbOrTrx, actor.organizationId, p.catalogue_version_id);
    const requirements = await repo.requirementsOf(dbOrTrx, [p.id]);
    const prevRows = await repo.requirementsById(
      dbOrTrx,
      requirements.flatMap((r) => (r.previous_id ? [r.previous_id] : [])),
    );
    const previousPlan = p.previous_plan_id ? await repo.findPlan(dbOrTrx, actor.organizationId, p.previous_plan_id) : undefined;
    const previousCatalogue = previousPlan ? await versionOf(dbOrTrx, actor.organizationId, previousPlan.catalogue_version_id) : undefined;
    const prevById = new Map(prevRows.map((r) => [r.id, r]));
    const previous = new Map(
      requirements.flatMap((r) => {
        const row = r.previous_id ? prevById.get(r.previous_id) : undefined;
        return row ? [[r.id, { row, text: textOf(previousCatalogue, row.requirement_key, 'statement', actor.locale) }] as const] : [];
      }),
    );
    const keys = new Set(requirements.map((r) => r.requirement_key));
    const removed = previousPlan
      ? (await repo.requirementsOf(dbOrTrx, [previousPlan.id]))
          .filter((r) => !keys.has(r.requirement_key))
          .map((r) => ({
            key: r.requirement_key,
            title: textOf(previousCatalogue, r.requirement_key, 'title', actor.locale) ?? r.requirement_key,
            status: r.status as PlanView['removed'][number]['status'],
          }))
      : [];
    const evidence = await repo.evidenceOf(
      dbOrTrx,
      requirements.map((r) => r.id),
    );
    // A system's plan shows what the plans of the information sets it handles already cover.
    const [profile] = await classifiedProfiles(dbOrTrx, actor.organizationId, [p.asset_id]);
    const coveredBy = new Map<string, PlanView['themes'][number]['requirements'][number]['coveredBy']>();
    if (p.asset_kind !== 'information_set' && profile?.set_ids.length) {
      for (const s of await repo.statusesOnAssets(dbOrTrx, profile.set_ids)) {
        if (!keys.has(s.requirement_key) || !holdsOn(actor, 'plan.read', s.unit_path)) continue;
        coveredBy.set(s.requirement_key, [
          ...(coveredBy.get(s.requirement_key) ?? []),
          { assetId: s.asset_id, assetName: s.asset_name, status: s.status as 'met' | null },
        ]);
      }
    }
    const current = await currentCatalogue(dbOrTrx, actor.organizationId);
    const outdated = {
      catalogue: p.superseded_at === null && current.id !== p.catalogue_version_id,
      profile: p.superseded_at === null && !!profile && !sameProfile(p, profile, triggersOf(profile)),
    };
    const history = await Promise.all(
      (await repo.plansOfAsset(dbOrTrx, actor.organizationId, p.asset_id)).map(async (h) => ({
        id: h.id,
        catalogueLabel: (await versionOf(dbOrTrx, actor.organizationId, h.catalogue_version_id)).label,
        levels: levelsOf(h),
        createdAt: h.created_at.toISOString(),
        current: h.superseded_at === null,
      })),
    );
    return {
      plan: p,
      catalogue,
      requirements,
      previous,
      removed,
      evidence,
      coveredBy,
      measures: await planMeasures.forRequirements(
        dbOrTrx,
        actor,
        requirements.map((r) => r.id),
      ),
      outdated,
      history,
    };
  }

  async function loadPlan(actor: Actor, id: string) {
    const p = await repo.findPlan(db, actor.organizationId, id);
    if (!p) throw new AppError('not_found');
    requireAccess(actor, 'plan.read', { organizationId: p.organization_id, unitPath: p.unit_path });
    return p;
  }

  async function loadRequirement(dbOrTrx: Db | Trx, actor: Actor, id: string, permission: 'plan.read' | 'plan.write', forUpdate = false) {
    const r = await repo.findRequirement(dbOrTrx, actor.organizationId, id, forUpdate);
    if (!r) throw new AppError('not_found');
    requireAccess(actor, permission, { organizationId: r.organization_id, unitPath: r.unit_path });
    return r;
  }

  async function requirementView(dbOrTrx: Db | Trx, actor: Actor, id: string) {
    const r = await loadRequirement(dbOrTrx, actor, id, 'plan.read');
    const p = (await repo.findPlan(dbOrTrx, actor.organizationId, r.plan_id))!;
    const all = await parts(dbOrTrx, actor, p);
    return toRequirementView(
      all.requirements.find((x) => x.id === id)!,
      all,
      actor.locale,
      new Date(),
    );
  }

  const answerFields = (r: { status: string | null; how: string | null; comment: string | null; na_reason: string | null }) => ({
    status: r.status,
    how: r.how,
    comment: r.comment,
    naReason: r.na_reason,
  });

  const service = {
    /**
     * Generates or refreshes plans: for the given assets, or every classified asset the caller may
     * write plans for. Assets whose plan already matches the current catalogue, levels and triggers are left alone.
     */
    async generate(actor: Actor, assetIds?: string[]) {
      requireAccess(actor, 'plan.write', { organizationId: actor.organizationId });
      const all = await classifiedProfiles(db, actor.organizationId, assetIds);
      if (assetIds) {
        const found = new Set(all.map((a) => a.id));
        const missing = assetIds.findIndex((id) => !found.has(id));
        if (missing >= 0) throw new AppError('asset_not_classified', { field: `assetIds.${missing}` });
        for (const a of all) requireAccess(actor, 'plan.write', { organizationId: actor.organizationId, unitPath: a.unit_path });
      }
      const mine = all.filter((a) => holdsOn(actor, 'plan.write', a.unit_path));
      const result = await db.transaction().execute((trx) => generatePlansIn(trx, actor, mine));
      return { ...result, skipped: all.length - mine.length };
    },

    /** What moving every plan of the organisation to the current catalogue (and current profiles) would do. Writes nothing. */
    async migrationPreview(actor: Actor): Promise<MigrationPreview> {
      await requireOnRoot(actor, 'plan.write');
      const all = await classifiedProfiles(db, actor.organizationId);
      const { catalogue, builds } = await plan(db, actor, all);
      const current = await repo.currentPlans(db, actor.organizationId);
      const fromIds = [...new Set(current.map((p) => p.catalogue_version_id))];
      const fromVersions = await Promise.all(
        fromIds.map(async (id) => ({
          catalogueVersionId: id,
          label: (await versionOf(db, actor.organizationId, id)).label,
          plans: current.filter((p) => p.catalogue_version_id === id).length,
        })),
      );
      const perKey = new Map<string, { change: 'added' | 'changed' | 'removed'; plans: number }>();
      const bump = (key: string, change: 'added' | 'changed' | 'removed') => {
        const e = perKey.get(`${change}:${key}`) ?? { change, plans: 0 };
        e.plans += 1;
        perKey.set(`${change}:${key}`, e);
      };
      let removed = 0;
      for (const b of builds) {
        if (!b.replaces) continue;
        for (const r of b.requirements) if (r.change === 'added' || r.change === 'changed') bump(r.requirement_key, r.change);
        removed += b.counts.removed;
      }
      const sum = (k: 'added' | 'changed' | 'unchanged') => builds.filter((b) => b.replaces).reduce((n, b) => n + b.counts[k], 0);
      const requirements = [...perKey.entries()]
        .map(([k, v]) => {
          const key = k.slice(k.indexOf(':') + 1);
          return { key, title: textOf(catalogue, key, 'title', actor.locale) ?? key, change: v.change, plans: v.plans };
        })
        .sort((x, y) => y.plans - x.plans || x.key.localeCompare(y.key))
        .slice(0, 50);
      return {
        fromVersions,
        toVersion: { catalogueVersionId: catalogue.id, label: catalogue.label },
        plans: builds.length,
        added: sum('added'),
        changed: sum('changed'),
        removed,
        carried: sum('unchanged'),
        requirements,
      };
    },

    /** Moves every plan of the organisation to the current catalogue version in one transaction. */
    async migrateAll(actor: Actor) {
      await requireOnRoot(actor, 'plan.write');
      return service.generate(actor);
    },

    async get(actor: Actor, id: string): Promise<PlanView> {
      return toPlanView(await parts(db, actor, await loadPlan(actor, id)), actor.locale);
    },

    /** The current plan of an asset. */
    async ofAsset(actor: Actor, assetId: string): Promise<PlanView> {
      const p = await repo.currentPlanOfAsset(db, actor.organizationId, assetId);
      if (!p) throw new AppError('not_found');
      requireAccess(actor, 'plan.read', { organizationId: p.organization_id, unitPath: p.unit_path });
      return toPlanView(await parts(db, actor, p), actor.locale);
    },

    /** Current plans the caller may read, with their progress. */
    async list(actor: Actor, q: { unitId?: string | undefined; assetId?: string | undefined; limit: number }): Promise<PlanListItem[]> {
      requireAccess(actor, 'plan.read', { organizationId: actor.organizationId });
      const scope = actor.kind === 'system' ? null : grantedUnitIds(actor, 'plan.read');
      const unitScope = q.unitId ? (scope === null || (await findUnitPathAllowed(actor, q.unitId)) ? [q.unitId] : []) : scope;
      const plans = await repo.currentPlans(db, actor.organizationId, {
        scope: unitScope,
        ...(q.assetId ? { assetIds: [q.assetId] } : {}),
        limit: q.limit,
      });
      const counts = new Map(
        (
          await repo.countsPerPlan(
            db,
            plans.map((p) => p.id),
          )
        ).map((c) => [c.plan_id, c]),
      );
      const catalogues = new Map<string, string>();
      for (const p of plans)
        if (!catalogues.has(p.catalogue_version_id))
          catalogues.set(p.catalogue_version_id, (await versionOf(db, actor.organizationId, p.catalogue_version_id)).label);
      return plans.map((p) => ({
        id: p.id,
        assetId: p.asset_id,
        assetName: p.asset_name,
        assetKind: p.asset_kind,
        unitId: p.unit_id,
        unitName: p.unit_name,
        catalogueLabel: catalogues.get(p.catalogue_version_id)!,
        levels: levelsOf(p),
        progress: progressFromCounts(counts.get(p.id) ?? { total: 0, met: 0, partlyMet: 0, notMet: 0, notApplicable: 0 }),
        createdAt: p.created_at.toISOString(),
      }));
    },

    /** The coordinator's view: progress, most often unmet requirements, units, and open/overdue measures of plans. */
    async overview(actor: Actor): Promise<CoordinatorOverview> {
      requireAccess(actor, 'plan.read', { organizationId: actor.organizationId });
      const scope = actor.kind === 'system' ? null : grantedUnitIds(actor, 'plan.read');
      const [units, unmet, catalogue] = await Promise.all([
        repo.countsPerUnit(db, actor.organizationId, scope),
        repo.mostUnmet(db, actor.organizationId, scope, 15),
        currentCatalogue(db, actor.organizationId),
      ]);
      const total = units.reduce(
        (acc, u) => ({
          total: acc.total + u.total,
          met: acc.met + u.met,
          partlyMet: acc.partlyMet + u.partlyMet,
          notMet: acc.notMet + u.notMet,
          notApplicable: acc.notApplicable + u.notApplicable,
        }),
        { total: 0, met: 0, partlyMet: 0, notMet: 0, notApplicable: 0 },
      );
      return {
        plans: units.reduce((n, u) => n + u.plans, 0),
        progress: progressFromCounts(total),
        mostUnmet: unmet.map((u) => ({
          key: u.requirement_key,
          title: textOf(catalogue, u.requirement_key, 'title', actor.locale) ?? u.requirement_key,
          notMet: u.not_met,
          partlyMet: u.partly_met,
          plans: u.plans,
        })),
        units: units.map((u) => ({ unitId: u.unit_id, unitName: u.unit_name, plans: u.plans, progress: progressFromCounts(u) })),
      };
    },

    async requirement(actor: Actor, id: string) {
      return requirementView(db, actor, id);
    },

    /** Self-assessment of one requirement. "Ej tillämpligt" needs a reason; a save that changes nothing writes nothing. */
    async assess(actor: Actor, id: string, input: AssessRequirementBody, expected: ExpectedVersion) {
      const before = await loadRequirement(db, actor, id, 'plan.write');
      if (before.superseded_at) throw new AppError('plan_superseded');
      const naReason = input.status === 'not_applicable' ? (input.naReason ?? null) : null;
      if (input.status === 'not_applicable' && !naReason) throw new AppError('not_applicable_reason_required', { field: 'naReason' });
      await db.transaction().execute(async (trx) => {
        const locked = await loadRequirement(trx, actor, id, 'plan.write', true);
        await checkVersion(locked.row_version, expected, () => requirementView(trx, actor, id));
        if (locked.superseded_at) throw new AppError('plan_superseded');
        const next = { status: input.status, how: input.how ?? null, comment: input.comment ?? null, na_reason: naReason };
        if (JSON.stringify(answerFields(locked)) === JSON.stringify(answerFields(next))) return;
        await repo.updateAnswer(trx, id, { ...next, assessed_by: actor.userId, assessed_at: new Date() });
        await recordAudit(trx, actor, {
          action: 'assess',
          entityType: 'plan_requirement',
          entityId: id,
          entityLabel: `${locked.asset_name}: ${locked.requirement_key}`,
          unitId: locked.unit_id,
          before: { requirement: locked.requirement_key, ...answerFields(locked) },
          after: { requirement: locked.requirement_key, ...answerFields(next) },
        });
      });
      return requirementView(db, actor, id);
    },

    /** For the evidence and measure helpers: the requirement row after the access check. */
    loadRequirement,
    requirementView,
    progressOf: planProgress,
  };

  /** Is the unit inside what the caller may read? (a unit filter never widens the scope) */
  async function findUnitPathAllowed(actor: Actor, unitId: string) {
    const u = await findUnit(db, actor.organizationId, unitId);
    return !!u && holdsOn(actor, 'plan.read', u.path);
  }

  return service;
}

export type ActionPlansService = ReturnType<typeof createActionPlansService>;
