import type { BenchContext, BenchEndpoint } from '../../platform/bench.js';

/**
 * Issue 10's plan endpoints on Region Stor (1,000 systems, 200,000 requirement assessments).
 * Targets: generating or refreshing the plans of all 1,000 systems ≤ 10 s. Declared in the module's
 * manifest (`bench`), loaded only by `npm run bench`.
 */
async function rootOf(ctx: BenchContext) {
  const [root] = await ctx.query<{ id: string }>('select id from units where organization_id = $1 and parent_id is null', [
    ctx.organizationId,
  ]);
  return root!.id;
}

export const actionPlanBenchEndpoints: BenchEndpoint[] = [
  {
    name: 'plans: one plan',
    async prepare(ctx) {
      // The system plan with the most requirements (the largest page a steward opens).
      const [plan] = await ctx.query<{ id: string }>(
        `select p.id from action_plans p join assets a on a.id = p.asset_id join plan_requirements r on r.plan_id = p.id
         where p.organization_id = $1 and p.superseded_at is null and a.kind = 'system' group by p.id order by count(*) desc, p.id limit 1`,
        [ctx.organizationId],
      );
      return { path: `/api/v1/action-plans/${plan!.id}` };
    },
  },
  {
    name: 'plans: generate all',
    once: true,
    async prepare(ctx) {
      // The admin role reads plans but does not write them: for this endpoint the admin also holds
      // the coordinator role on the top unit. Every system's plan is marked as made from other law
      // triggers, so the request refreshes all 1,000 (new versions, answers carried over).
      const root = await rootOf(ctx);
      await ctx.query(
        `insert into role_assignments (organization_id, user_id, role, unit_id) select $1, $2, 'security_coordinator', $3
         where not exists (select 1 from role_assignments where user_id = $2 and role = 'security_coordinator' and unit_id = $3)`,
        [ctx.organizationId, ctx.admin.id, root],
      );
      const systems = await ctx.query<{ id: string }>(
        `select id from assets where organization_id = $1 and kind = 'system' and lifecycle <> 'retired' and (approved_at is not null or coalesce(level_c, level_i, level_a, level_t) is not null)`,
        [ctx.organizationId],
      );
      await ctx.query(
        `update action_plans p set triggers = array['bench_refresh'] from assets a where a.id = p.asset_id and a.kind = 'system' and p.organization_id = $1 and p.superseded_at is null`,
        [ctx.organizationId],
      );
      return { method: 'POST', path: '/api/v1/action-plans/generate', body: { assetIds: systems.map((s) => s.id) } };
    },
  },
];

/** The Word export of a procurement set (target ≤ 2 s for 120 requirements): the whole catalogue at the highest levels. */
export const procurementBenchEndpoints: BenchEndpoint[] = [
  {
    name: 'procurement: docx',
    once: true,
    async prepare(ctx) {
      const root = await rootOf(ctx);
      const [existing] = await ctx.query<{ id: string }>(
        `select id from procurements where organization_id = $1 and name = 'Bench: alla krav' limit 1`,
        [ctx.organizationId],
      );
      let id = existing?.id;
      if (!id) {
        // Bench set-up writes the rows directly (no audit event): a procurement of every requirement the plans use.
        const [row] = await ctx.query<{ id: string }>(
          `insert into procurements (organization_id, unit_id, name, reference_number, procurement_date, catalogue_version_id, level_c, level_i, level_a, level_t, triggers)
           select $1, $2, 'Bench: alla krav', 'BENCH-1', current_date, p.catalogue_version_id, 3, 3, 3, 3, array['personal_data','sensitive_personal_data','patient_data','secrecy','nis_service','third_country_transfer']
           from action_plans p where p.organization_id = $1 limit 1 returning id`,
          [ctx.organizationId, root],
        );
        id = row!.id;
        // Every requirement any plan of the organisation has: the full set of the catalogue version.
        await ctx.query(
          `insert into procurement_requirements (organization_id, procurement_id, requirement_key, theme, position)
           select $1, $2, k.requirement_key, k.theme, row_number() over (order by k.theme, k.requirement_key) from (select distinct requirement_key, theme from plan_requirements where organization_id = $1) k`,
          [ctx.organizationId, id],
        );
      }
      return { path: `/api/v1/procurements/${id}/requirements.docx` };
    },
  },
];
