import type { GeneratorStep } from '../../seed/generator/steps.js';
import { classifiedProfiles } from '../classification/classification.service.js';
import { currentCatalogue } from './action-plans.catalogue.js';
import { latestCatalogueVersion } from '../requirement-catalogues/requirement-catalogues.service.js';
import { buildPlan } from './plan-generation.js';
import demo from './demo-answers.json' with { type: 'json' };

/**
 * Region Stor: a plan for every classified system, then for classified information sets until
 * `requirementAssessments` requirement rows exist (200,000 in Region Stor), with a mix of answers
 * (some older than a year, so the stale digest has work). Rows are COPYed; one audit event per plan.
 */
export const actionPlansGeneratorStep: GeneratorStep = {
  name: 'action-plans',
  async run(ctx) {
    const rng = ctx.random('action-plans');
    const budget = ctx.sizes.requirementAssessments ?? 0;
    if (!budget) return;
    // The generator's organisations are not made through insertOrganization, so they have no catalogue
    // until a requirement-catalogues generator step stores one (loading it here would write audit events
    // outside the generator's chain). Without one there is nothing to plan against.
    if (!(await latestCatalogueVersion(ctx.trx, ctx.organization.id))) {
      ctx.log.warn('no requirement catalogue in the generated organisation: no action plans generated');
      return;
    }
    const catalogue = await currentCatalogue(ctx.trx, ctx.organization.id);
    const profiles = await classifiedProfiles(ctx.trx, ctx.organization.id);
    const ordered = [...profiles.filter((a) => a.kind === 'system'), ...profiles.filter((a) => a.kind !== 'system')];
    const active = ctx.users.filter((u) => u.status === 'active');
    const plans: unknown[][] = [];
    const rows: unknown[][] = [];
    for (const asset of ordered) {
      if (rows.length >= budget) break;
      const built = buildPlan(ctx.organization.id, null, asset, catalogue, undefined);
      const planId = rng.uuid();
      const createdAt = new Date(ctx.until.getTime() - rng.int(30, 700) * 86_400_000);
      plans.push([
        planId,
        ctx.organization.id,
        asset.id,
        catalogue.id,
        asset.level_c,
        asset.level_i,
        asset.level_a,
        asset.level_t,
        `{${built.plan.triggers.join(',')}}`,
        `{${built.plan.security_analysis_aspects.join(',')}}`,
        createdAt,
        createdAt,
      ]);
      for (const r of built.requirements) {
        const status = rng.weighted([
          { weight: 45, value: 'met' },
          { weight: 20, value: 'partly_met' },
          { weight: 15, value: 'not_met' },
          { weight: 5, value: 'not_applicable' },
          { weight: 15, value: null },
        ]);
        const at = status ? new Date(Math.max(createdAt.getTime(), ctx.until.getTime() - rng.int(1, 600) * 86_400_000)) : null;
        const how = status && status !== 'not_applicable' ? rng.pick(demo.how[r.theme as keyof typeof demo.how] ?? demo.how.LED) : null;
        rows.push([
          rng.uuid(),
          ctx.organization.id,
          planId,
          r.requirement_key,
          r.theme,
          r.position,
          status,
          how,
          status === 'not_applicable' ? rng.pick(demo.notApplicableReasons) : null,
          status && active.length ? rng.pick(active).id : null,
          at,
          createdAt,
          at ?? createdAt,
        ]);
      }
      ctx.audit.record({
        occurredAt: createdAt,
        actor: { id: null, name: 'Tillit (system)' },
        action: 'generate',
        entityType: 'action_plan',
        entityId: planId,
        entityLabel: asset.name,
        unitId: asset.unit_id,
        changes: { catalogue: { after: catalogue.label }, requirements: { after: built.requirements.length } },
      });
    }
    await ctx.copy(
      'action_plans',
      [
        'id',
        'organization_id',
        'asset_id',
        'catalogue_version_id',
        'level_c',
        'level_i',
        'level_a',
        'level_t',
        'triggers',
        'security_analysis_aspects',
        'created_at',
        'updated_at',
      ],
      plans,
    );
    await ctx.copy(
      'plan_requirements',
      [
        'id',
        'organization_id',
        'plan_id',
        'requirement_key',
        'theme',
        'position',
        'status',
        'how',
        'na_reason',
        'assessed_by',
        'assessed_at',
        'created_at',
        'updated_at',
      ],
      rows,
    );
    ctx.log.info({ plans: plans.length, requirementAssessments: rows.length }, 'action plans generated');
  },
};
