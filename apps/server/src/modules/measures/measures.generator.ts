import {
  addDays,
  stockholmToday,
  statusAfterVerification,
  type MeasureStatus,
  type VerificationResult,
} from '@tillit/core/modules/measures/rules';
import data from '../../seed/data/demo-measures.json' with { type: 'json' };
import type { GeneratorContext, GeneratorStep } from '../../seed/generator/steps.js';

/**
 * Measures for generated organisations (Region Stor: 60,000, size key `measures`), spread over the
 * units and the active users as owners, in every status; due dates from two years back to a year
 * ahead of the history's end, so about a third of the open ones are overdue. Verified and reopened
 * ones carry their verification by another user. Titles from the demo data, numbered.
 */
async function run(ctx: GeneratorContext) {
  const n = ctx.sizes.measures ?? 0;
  if (!n) return;
  const rng = ctx.random('measures');
  const org = ctx.organization.id;
  const units = ctx.units.filter((u) => u.parentId !== null);
  const people = ctx.users.filter((u) => u.status === 'active');
  if (!units.length || people.length < 2) return;
  const today = stockholmToday(ctx.until);
  const measures: unknown[][] = [];
  const verifications: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const t = rng.pick(data.measures);
    const unit = rng.pick(units);
    const owner = rng.pick(people);
    const status = rng.weighted<MeasureStatus>([
      { weight: 20, value: 'planned' },
      { weight: 30, value: 'in_progress' },
      { weight: 12, value: 'done' },
      { weight: 30, value: 'verified' },
      { weight: 8, value: 'cancelled' },
    ]);
    const open = status === 'planned' || status === 'in_progress';
    const due = addDays(today, open ? rng.int(-240, 365) : rng.int(-730, -5));
    const start = addDays(due, -rng.int(14, 180));
    // A measure planned to start later was still created in the past: history ends at `until`.
    const created = new Date(Math.min(Date.parse(`${start}T08:00:00Z`), ctx.until.getTime() - 3_600_000 - rng.int(0, 90) * 86_400_000));
    const id = rng.uuid();
    let result: VerificationResult | null = null;
    let verifiedAt: Date | null = null;
    // A verification by someone else: effective for the verified, a failed one for some reopened measures.
    if (status === 'verified' || (status === 'in_progress' && rng.chance(0.1))) {
      result = status === 'verified' ? 'effective' : rng.pick(['partly', 'not_effective'] as const);
      let verifier = rng.pick(people);
      if (verifier.id === owner.id) verifier = people[(people.indexOf(owner) + 1) % people.length]!;
      const on = addDays(due, rng.int(1, 30)) > today ? today : addDays(due, rng.int(1, 30));
      verifiedAt = new Date(Math.min(Date.parse(`${on}T10:00:00Z`), ctx.until.getTime() - 1_800_000));
      verifications.push([rng.uuid(), org, id, verifier.id, on, t.method, result, null, verifiedAt]);
      ctx.audit.record({
        occurredAt: verifiedAt,
        actor: { id: verifier.id, name: verifier.name },
        action: 'verify',
        entityType: 'measure',
        entityId: id,
        entityLabel: t.title,
        unitId: unit.id,
        changes: {
          status: { before: 'done', after: statusAfterVerification(result) },
          method: { after: t.method },
          result: { after: result },
        },
      });
    }
    const updated = verifiedAt ?? created;
    measures.push([
      id,
      org,
      unit.id,
      `${t.title} (${i + 1})`,
      t.description,
      owner.id,
      start,
      due,
      t.priority,
      rng.chance(0.3) ? rng.int(1, 200) * 1000 : null,
      rng.int(4, 400),
      status,
      status === 'cancelled' ? rng.pick(data.cancelReasons) : null,
      status === 'done' || status === 'verified' ? updated : null,
      status === 'verified' ? verifiedAt : null,
      result,
      owner.id,
      created,
      updated,
    ]);
    ctx.audit.record({
      occurredAt: created,
      actor: { id: owner.id, name: owner.name },
      action: 'create',
      entityType: 'measure',
      entityId: id,
      entityLabel: t.title,
      unitId: unit.id,
    });
  }
  await ctx.copy(
    'measures',
    [
      'id',
      'organization_id',
      'unit_id',
      'title',
      'description',
      'owner_id',
      'start_date',
      'due_date',
      'priority',
      'estimated_cost',
      'estimated_hours',
      'status',
      'cancel_reason',
      'completed_at',
      'verified_at',
      'last_result',
      'created_by',
      'created_at',
      'updated_at',
    ],
    measures,
  );
  await ctx.copy(
    'measure_verifications',
    ['id', 'organization_id', 'measure_id', 'verified_by', 'verified_on', 'method', 'result', 'comment', 'created_at'],
    verifications,
  );
  ctx.log.info({ measures: measures.length, verifications: verifications.length }, 'measures generated');
}

/** Declared in the measures module's manifest (`generator`). */
export const measuresGeneratorStep: GeneratorStep = { name: 'measures', run };
