import type { MeasureStatus, VerificationResult } from '@tillit/core/modules/measures/rules';
import { statusAfterVerification } from '@tillit/core/modules/measures/rules';
import type { Trx } from '../db/database.js';
import { systemActor, type Actor } from '../platform/access.js';
import { recordAudit } from '../platform/audit/audit.js';
import { createMeasureIn, type NewMeasure } from '../modules/measures/measures.service.js';
import * as repo from '../modules/measures/measures.repository.js';

/**
 * Factories for measures, shared by tests, the demo organisation and fixtures. A measure is made
 * through the measures module's published `createMeasureIn` (validation, links, audit), then brought
 * to a status and verified the way the service does it, with the same audit events.
 */
let counter = 0;

export type MeasureOverrides = Partial<NewMeasure> & { status?: MeasureStatus; cancelReason?: string };

export async function makeMeasure(
  trx: Trx,
  unit: { id: string; organization_id: string },
  overrides: MeasureOverrides = {},
  actor: Actor = systemActor(unit.organization_id),
) {
  const n = ++counter;
  const { status, cancelReason, ...input } = overrides;
  const m = await createMeasureIn(trx, actor, { title: `Åtgärd ${n}`, dueDate: '2027-06-30', ...input, unitId: input.unitId ?? unit.id });
  if (status && status !== 'planned') await setMeasureStatus(trx, actor, m.id, status === 'verified' ? 'done' : status, cancelReason);
  return m;
}

/** Moves a measure to a status directly (seed data may skip steps a person could not). */
export async function setMeasureStatus(trx: Trx, actor: Actor, id: string, status: MeasureStatus, cancelReason?: string) {
  const before = (await repo.findById(trx, actor.organizationId, id))!;
  await repo.updateMeasure(trx, id, {
    status,
    cancel_reason: status === 'cancelled' ? (cancelReason ?? 'Ersatt av en annan åtgärd') : null,
    completed_at: status === 'done' ? new Date() : null,
  });
  await recordAudit(trx, actor, {
    action: 'change_status',
    entityType: 'measure',
    entityId: id,
    entityLabel: before.title,
    unitId: before.unit_id,
    changes: { status: { before: before.status, after: status } },
  });
}

/** Records a verification of effect by `verifierId` (not the owner) of a measure that is done. */
export async function verifyMeasure(
  trx: Trx,
  organizationId: string,
  id: string,
  verifierId: string,
  result: VerificationResult,
  method = 'Stickprov i loggar och intervju med förvaltningen',
  verifiedOn?: string,
) {
  const before = (await repo.findById(trx, organizationId, id))!;
  const on = verifiedOn ?? new Date().toISOString().slice(0, 10);
  await repo.insertVerification(trx, organizationId, id, { verified_by: verifierId, verified_on: on, method, result, comment: null });
  const status = statusAfterVerification(result);
  await repo.updateMeasure(trx, id, { status, last_result: result, verified_at: status === 'verified' ? new Date() : null });
  const who = await trx.selectFrom('users').select('name').where('id', '=', verifierId).executeTakeFirstOrThrow();
  const actor: Actor = { ...systemActor(organizationId, who.name), kind: 'user', userId: verifierId };
  await recordAudit(trx, actor, {
    action: 'verify',
    entityType: 'measure',
    entityId: id,
    entityLabel: before.title,
    unitId: before.unit_id,
    changes: {
      status: { before: before.status, after: status },
      verifiedBy: { after: verifierId },
      verifiedOn: { after: on },
      method: { after: method },
      result: { after: result },
    },
  });
}
