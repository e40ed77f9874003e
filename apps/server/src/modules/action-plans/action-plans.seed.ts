import { systemActor } from '../../platform/access.js';
import { recordAudits, type AuditInput } from '../../platform/audit/audit.js';
import type { DemoSeedStep } from '../../platform/module.js';
import { classifiedProfiles } from '../classification/classification.service.js';
import { generatePlansIn } from './action-plans.service.js';
import * as repo from './action-plans.repository.js';
import { planMeasures } from './plan-measures.js';
import demo from './demo-answers.json' with { type: 'json' };
import { createProcurementService } from './procurement.service.js';

const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

/**
 * Region Exempel: plans for most classified assets (every fifth system is left without one, so the
 * "create plans" action has something to do), a realistic mix of answers, and measures for some gaps.
 */
export const seedDemoPlans: DemoSeedStep = async (db, ctx) => {
  const actor = systemActor(ctx.organizationId, 'Tillit (demo)');
  const users = [...ctx.users.values()];
  await db.transaction().execute(async (trx) => {
    const assets = (await classifiedProfiles(trx, ctx.organizationId)).filter((a, i) => a.kind === 'information_set' || i % 5 !== 4);
    await generatePlansIn(trx, actor, assets);
    const plans = await repo.currentPlans(trx, ctx.organizationId);
    const requirements = await repo.requirementsOf(
      trx,
      plans.map((p) => p.id),
    );
    const planById = new Map(plans.map((p) => [p.id, p]));
    let n = 0;
    let measures = 0;
    const events: AuditInput[] = [];
    for (const r of requirements) {
      n++;
      // About 45 % met, 20 % partly, 15 % not met, 5 % not applicable, 15 % not yet assessed.
      const roll = (n * 37) % 100;
      const status = roll < 45 ? 'met' : roll < 65 ? 'partly_met' : roll < 80 ? 'not_met' : roll < 85 ? 'not_applicable' : null;
      if (!status) continue;
      const assessedAt = new Date(Date.now() - ((n * 13) % 500) * 86_400_000);
      await repo.updateAnswer(trx, r.id, {
        status,
        how: status === 'not_applicable' ? null : pick(demo.how[r.theme as keyof typeof demo.how] ?? demo.how.LED, n),
        comment: status === 'partly_met' ? pick(demo.comments, n) : null,
        na_reason: status === 'not_applicable' ? pick(demo.notApplicableReasons, n) : null,
        assessed_by: users.length ? pick(users, n) : null,
        assessed_at: assessedAt,
      });
      const plan = planById.get(r.plan_id)!;
      events.push({
        action: 'assess',
        entityType: 'plan_requirement',
        entityId: r.id,
        entityLabel: `${plan.asset_name}: ${r.requirement_key}`,
        unitId: plan.unit_id,
        changes: { requirement: { after: r.requirement_key }, status: { after: status } },
      });
      if (status === 'not_met' && measures < 25 && users.length) {
        measures++;
        const due = new Date(Date.now() + (((n * 17) % 240) - 60) * 86_400_000).toISOString().slice(0, 10);
        await planMeasures.createForGap(
          trx,
          actor,
          { id: r.id, planId: plan.id, unitId: plan.unit_id, label: `${plan.asset_name}: ${r.requirement_key}` },
          {
            title: pick(demo.measureTitles, n),
            description: null,
            ownerId: pick(users, n + 1),
            dueDate: due,
            priority: pick(['medium', 'high', 'low', 'critical'] as const, n),
          },
        );
      }
    }
    await recordAudits(trx, actor, events);
  });
  await seedDemoProcurement(db, ctx, actor, users);
};

/** One procurement of a planned system with its requirement set, awarded, and its go-live check with findings that became measures. */
async function seedDemoProcurement(
  db: Parameters<DemoSeedStep>[0],
  ctx: Parameters<DemoSeedStep>[1],
  actor: ReturnType<typeof systemActor>,
  users: string[],
) {
  const unit = [...ctx.units.values()].find((u) => u.path.length === 2) ?? [...ctx.units.values()][0]!;
  const service = createProcurementService(db);
  const p = await service.create(actor, {
    name: 'Digitalt vårdmöte – nytt system',
    referenceNumber: 'RE 2026-0117',
    procurementDate: '2026-03-02',
    unitId: unit.id,
    levels: { C: 3, I: 2, A: 2, T: 3 },
    triggers: ['personal_data', 'sensitive_personal_data', 'patient_data', 'secrecy', 'third_country_transfer'],
  });
  const awarded = await service.award(actor, p.id, {
    supplier: 'Vårdmöte Nordic AB',
    awardedOn: '2026-06-15',
    goLiveOn: '2026-10-01',
    recheckMonths: 12,
  });
  const results = awarded.requirements.map((r, i) => ({
    requirementId: r.id,
    result: i % 5 === 3 ? ('not_met' as const) : i % 5 === 1 ? ('partly_met' as const) : ('met' as const),
    comment: i % 5 === 3 ? 'Leverantören kunde inte visa hur kravet uppfylls vid driftstarten.' : null,
  }));
  const findings = results.filter((r) => r.result === 'not_met').slice(0, 3);
  await service.check(actor, p.id, {
    kind: 'go_live',
    checkedOn: '2026-10-03',
    note: 'Genomgång med leverantören före driftstart.',
    results,
    measures: users.length
      ? findings.map((f, i) => ({
          requirementId: f.requirementId,
          title: pick(demo.measureTitles, i + 2),
          ownerId: pick(users, i),
          dueDate: '2027-01-31',
          priority: 'high' as const,
        }))
      : [],
  });
}
