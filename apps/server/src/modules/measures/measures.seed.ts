import { addDays, stockholmToday, type MeasureStatus, type VerificationResult } from '@tillit/core/modules/measures/rules';
import type { DemoSeedStep } from '../../platform/module.js';
import { systemActor } from '../../platform/access.js';
import { makeMeasure, setMeasureStatus, verifyMeasure } from '../../seed/factories-measures.js';
import data from '../../seed/data/demo-measures.json' with { type: 'json' };

/**
 * Region Exempel's measures: 150, in every status, from `seed/data/demo-measures.json`. Where each
 * lands follows from its place in the list, so every start gives the same picture (dates relative
 * to the day the demo is created): open ones partly overdue or due soon, done ones waiting for
 * verification, verified ones effective, and some verified as not (or partly) effective and so
 * reopened, with their verification history.
 */
const COUNT = 150;

/** Owners and the units they work in (their role's sub-tree); verifiers are never the owner. */
const OWNERS: { role: string; units: string[] }[] = [
  { role: 'system_steward', units: ['hsf', 'akut', 'prim', 'psyk', 'rad'] },
  { role: 'information_owner', units: ['hsf', 'prim', 'psyk'] },
  { role: 'system_owner', units: ['akut', 'rad', 'hsf'] },
  { role: 'risk_owner', units: ['rs', 'it', 'mt', 'upph'] },
  { role: 'data_protection_officer', units: ['rlk', 'hr', 'ftv'] },
  { role: 'security_coordinator', units: ['sak', 'eko', 'it'] },
];

type Plan = { status: MeasureStatus; verifications: VerificationResult[] };

/** The i-th measure's fate: 30 planned, 35 in progress (10 of them reopened after a failed verification), 25 done, 45 verified, 15 cancelled. */
function planOf(i: number): Plan {
  const k = i % 30;
  if (k < 6) return { status: 'planned', verifications: [] };
  if (k < 11) return { status: 'in_progress', verifications: [] };
  if (k < 13) return { status: 'in_progress', verifications: [k === 11 ? 'not_effective' : 'partly'] };
  if (k < 18) return { status: 'done', verifications: [] };
  if (k < 26) return { status: 'verified', verifications: ['effective'] };
  if (k < 27) return { status: 'verified', verifications: ['not_effective', 'effective'] };
  return { status: 'cancelled', verifications: [] };
}

export const seedDemoMeasures: DemoSeedStep = async (db, { organizationId, units, users }) => {
  const today = stockholmToday();
  const actor = systemActor(organizationId);
  const verifier = (owner: string) =>
    owner === users.get('security_coordinator') ? users.get('information_owner')! : users.get('security_coordinator')!;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < COUNT; i++) {
      const t = data.measures[i % data.measures.length]!;
      const who = OWNERS[i % OWNERS.length]!;
      const ownerId = users.get(who.role)!;
      const unit = units.get(who.units[Math.floor(i / OWNERS.length) % who.units.length]!)!;
      const plan = planOf(i);
      const open = plan.status === 'planned' || plan.status === 'in_progress';
      // Open: about a third overdue, some due within two weeks, the rest later; closed ones mostly in the past.
      const offset = open ? [-40, -12, -3, 6, 12, 45, 90, 150][i % 8]! : -[10, 30, 60, 120, 200][i % 5]!;
      const due = addDays(today, offset);
      const start = addDays(due, -[30, 60, 90][i % 3]!);
      const m = await makeMeasure(
        trx,
        { id: unit.id, organization_id: organizationId },
        {
          title: t.title,
          description: t.description,
          ownerId,
          startDate: start,
          dueDate: due,
          priority: t.priority as 'low' | 'medium' | 'high' | 'critical',
          estimatedHours: [8, 16, 40, 80, 160][i % 5]!,
          estimatedCost: i % 3 === 0 ? [5000, 25000, 120000][(i / 3) % 3]! : null,
        },
        actor,
      );
      if (plan.status === 'cancelled') {
        await setMeasureStatus(trx, actor, m.id, 'cancelled', data.cancelReasons[i % data.cancelReasons.length]);
        continue;
      }
      if (plan.status === 'in_progress' && !plan.verifications.length) await setMeasureStatus(trx, actor, m.id, 'in_progress');
      for (const [n, result] of plan.verifications.entries()) {
        await setMeasureStatus(trx, actor, m.id, 'done');
        await verifyMeasure(
          trx,
          organizationId,
          m.id,
          verifier(ownerId),
          result,
          t.method,
          addDays(today, Math.min(-1, offset + 5 + n * 14)),
        );
      }
      if (plan.status === 'done') await setMeasureStatus(trx, actor, m.id, 'done');
    }
  });
};
