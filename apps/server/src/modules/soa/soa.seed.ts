import { annexAControls } from '@tillit/core';
import type { DemoSeedStep } from '../../platform/module.js';
import type { GeneratorStep } from '../../seed/generator/steps.js';
import type { Trx } from '../../db/database.js';
import { systemActor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import * as repo from './soa.repository.js';

/**
 * Last year's and this year's statement of applicability for a demo or generated organisation.
 * The picture follows from each control's place in the list, so every run gives the same one:
 * a few controls not applicable (with their reasons), most applicable; last year more gaps,
 * this year some of them closed and others still partly in place.
 */
type Answer = Omit<Parameters<typeof repo.insertEntries>[1][number], 'version_id'>;

const NOT_APPLICABLE = new Set(['7.6', '8.30', '8.34', '5.32']);
const LEGAL = new Set(['5.31', '5.34', '5.5', '8.15', '5.33', '5.24', '5.26']);

function answer(control: string, i: number, lastYear: boolean, by: string | null): Answer {
  if (NOT_APPLICABLE.has(control)) {
    return {
      control,
      applicable: false,
      reasons: ['organization_analysis'],
      reason_text:
        control === '8.30'
          ? 'Vi lägger inte ut utveckling; inköpta system omfattas av 5.19–5.22.'
          : 'Verksamheten har ingen sådan verksamhet eller miljö.',
      implementation: null,
      gap_severity: null,
      current_state: null,
      planned_improvement: null,
      updated_by: by,
    };
  }
  // Last year about a third partly in place and one in eight not at all; this year half of those closed.
  const k = i % 8;
  const implementation = lastYear ? (k === 0 ? 'no' : k < 4 ? 'partly' : 'yes') : k === 0 && i % 16 === 0 ? 'no' : k < 2 ? 'partly' : 'yes';
  const gap = implementation === 'yes' ? 'none' : implementation === 'no' ? 'high' : i % 3 === 0 ? 'medium' : 'low';
  return {
    control,
    applicable: true,
    reasons: LEGAL.has(control)
      ? ['legal_requirement', 'risk_analysis']
      : i % 5 === 0
        ? ['environment_analysis', 'risk_analysis']
        : ['risk_analysis'],
    reason_text: null,
    implementation,
    gap_severity: gap,
    current_state:
      implementation === 'yes'
        ? 'Rutin finns, är känd och följs upp årligen.'
        : implementation === 'partly'
          ? 'Rutin finns men tillämpas inte i alla förvaltningar.'
          : 'Saknas i dag.',
    planned_improvement: implementation === 'yes' ? null : 'Ta fram gemensam rutin och följ upp i nästa internrevision.',
    updated_by: by,
  };
}

/** How a created year is recorded: by `recordAudit` (demo), or handed to the generator's chained history. */
interface SoaYearsRecorder {
  newId?: () => string;
  createdAt?: (year: number) => Date;
  record?: (v: { id: string; year: number; copiedFromYear: number | null; at: Date | undefined }) => void;
}

export async function makeSoaYears(
  trx: Trx,
  organizationId: string,
  userId: string | null,
  thisYear: number,
  how: SoaYearsRecorder = {},
): Promise<string[]> {
  const ids: string[] = [];
  let previous: string | null = null;
  for (const year of [thisYear - 1, thisYear]) {
    const at = how.createdAt?.(year);
    const v = await repo.insertVersion(trx, {
      ...(how.newId ? { id: how.newId() } : {}),
      ...(at ? { created_at: at } : {}),
      organization_id: organizationId,
      year,
      note: null,
      copied_from_id: previous,
      created_by: userId,
    });
    if (!v) continue;
    await repo.insertEntries(
      trx,
      annexAControls.controls.map((c, i) => ({ version_id: v.id, ...answer(c.control, i, year < thisYear, userId) })),
    );
    const copiedFromYear = previous ? year - 1 : null;
    if (how.record) how.record({ id: v.id, year, copiedFromYear, at });
    else
      await recordAudit(trx, systemActor(organizationId), {
        action: 'create',
        entityType: 'soa_version',
        entityId: v.id,
        entityLabel: String(year),
        after: { year, copiedFromYear },
      });
    ids.push(v.id);
    previous = v.id;
  }
  return ids;
}

const stockholmYear = (d: Date) => Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(d));

export const seedDemoSoa: DemoSeedStep = async (db, { organizationId, users }) => {
  await db
    .transaction()
    .execute((trx) => makeSoaYears(trx, organizationId, users.get('security_coordinator') ?? null, stockholmYear(new Date())));
};

export const soaGeneratorStep: GeneratorStep = {
  name: 'soa',
  // Ids from the step's own random stream and events into the chained history, so the same seed
  // gives the same data and the chain stays verifiable (the generator's rules, steps.ts).
  run: async (ctx) => {
    const rng = ctx.random('soa');
    const thisYear = stockholmYear(ctx.until);
    // Each year's statement is dated 1 February of its year, kept inside the history's window.
    const createdAt = (year: number) =>
      new Date(Math.min(Math.max(Date.UTC(year, 1, 1), ctx.since.getTime()), ctx.until.getTime() - 86_400_000));
    await makeSoaYears(ctx.trx, ctx.organization.id, null, thisYear, {
      newId: () => rng.uuid(),
      createdAt,
      record: (v) =>
        ctx.audit.record({
          occurredAt: v.at ?? ctx.since,
          actor: { id: null, name: 'Tillit' },
          action: 'create',
          entityType: 'soa_version',
          entityId: v.id,
          entityLabel: String(v.year),
          changes: { year: { after: v.year }, copiedFromYear: { after: v.copiedFromYear } },
        }),
    });
  },
};
