import type { z } from 'zod';
import {
  addDays,
  allowedTransitions,
  canTransition,
  measureWorkflow,
  canVerify,
  linkTypeDef,
  stockholmToday,
  statusAfterVerification,
  type MeasureStatus,
} from '@tillit/core/modules/measures/rules';
import {
  createMeasureBody,
  type measureBoardQuery,
  type MeasureDetailView,
  type MeasureLinkInput,
  type measureListQuery,
  type measureStatusBody,
  type MeasureSummary,
  type MeasureView,
  type updateMeasureBody,
  type verifyMeasureBody,
} from '@tillit/core/modules/measures/schemas';
import { messages, type Page } from '@tillit/core';
import { grantedUnitIds, holdsAnywhere, holdsOn, requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkVersion, type ExpectedVersion } from '../../platform/concurrency.js';
import type { Db, Trx } from '../../db/database.js';
import { findUnit } from '../units/units.service.js';
import * as repo from './measures.repository.js';
import { auditFields, toMeasureView, toSummary, toVerificationView } from './measures.views.js';

/** What another module passes to create a measure (the API's create body; defaults applied here). */
export type NewMeasure = z.input<typeof createMeasureBody>;
type UpdateInput = z.output<typeof updateMeasureBody>;

const scopeOf = (actor: Actor) => (actor.kind === 'system' ? null : grantedUnitIds(actor, 'measure.read'));

/** Reads a measure; the reader holds measure.read on its unit, or is its owner (an owner always sees their work). */
async function loadReadable(q: Db | Trx, actor: Actor, id: string) {
  const m = await repo.findById(q, actor.organizationId, id);
  if (!m) throw new AppError('not_found');
  if (!(actor.userId && m.owner_id === actor.userId && holdsAnywhere(actor, 'measure.read'))) {
    requireAccess(actor, 'measure.read', { organizationId: m.organization_id, unitPath: m.unit_path });
  }
  return m;
}

async function openUnit(q: Db | Trx, actor: Actor, unitId: string, field = 'unitId') {
  const unit = await findUnit(q, actor.organizationId, unitId);
  if (!unit || unit.closed_at) throw new AppError('unknown_unit', { field });
  return unit;
}

async function checkOwner(q: Db | Trx, actor: Actor, ownerId: string | null | undefined) {
  if (ownerId && !(await repo.activeUserExists(q, actor.organizationId, ownerId))) throw new AppError('unknown_user', { field: 'ownerId' });
}

function checkDates(start: string | null | undefined, due: string) {
  if (start && due < start) throw new AppError('measure_due_before_start', { field: 'dueDate' });
}

function checkLinks(links: readonly MeasureLinkInput[]) {
  for (const [i, l] of links.entries())
    if (!linkTypeDef(l.type)) throw new AppError('unknown_measure_link_type', { field: `links.${i}.type` });
}

async function view(q: Db | Trx, actor: Actor, id: string): Promise<MeasureView> {
  const m = await loadReadable(q, actor, id);
  return toMeasureView(m, await repo.linksOf(q, [id]), actor.locale, stockholmToday());
}

// ——— Published to other modules (they pass their own transaction, so their change and the measure commit together) ———

/**
 * Creates a measure with its links inside the caller's transaction: the caller's actor must hold
 * measure.write on the measure's unit; validation as the API's (4xx naming the field); one `create`
 * audit event. Used by action plans for gaps, and later by risks, incidents, audits, suppliers.
 */
export async function createMeasureIn(trx: Trx, actor: Actor, input: NewMeasure): Promise<MeasureView> {
  const parsed = createMeasureBody.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation_failed', {
      issues: parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)], code: i.code, message: i.message })),
    });
  }
  const v = parsed.data;
  const unit = await openUnit(trx, actor, v.unitId);
  requireAccess(actor, 'measure.write', { organizationId: unit.organization_id, unitPath: unit.path });
  await checkOwner(trx, actor, v.ownerId);
  checkDates(v.startDate, v.dueDate);
  checkLinks(v.links);
  const id = await repo.insertMeasure(trx, actor.organizationId, actor.userId, {
    unit_id: unit.id,
    title: v.title,
    description: v.description ?? null,
    owner_id: v.ownerId ?? null,
    start_date: v.startDate ?? null,
    due_date: v.dueDate,
    priority: v.priority,
    estimated_cost: v.estimatedCost ?? null,
    estimated_hours: v.estimatedHours ?? null,
  });
  const links = await repo.insertLinks(trx, actor.organizationId, id, actor.userId, v.links);
  const created = (await repo.findById(trx, actor.organizationId, id))!;
  await recordAudit(trx, actor, {
    action: 'create',
    entityType: 'measure',
    entityId: id,
    entityLabel: created.title,
    unitId: unit.id,
    after: { ...auditFields(created), links: links.map((l) => l.label) },
  });
  return toMeasureView(created, links, actor.locale, stockholmToday());
}

/** Links an existing measure to more objects (already linked ones are skipped), in the caller's transaction. */
export async function linkMeasureIn(trx: Trx, actor: Actor, measureId: string, links: MeasureLinkInput[]): Promise<void> {
  checkLinks(links);
  await repo.lockForUpdate(trx, measureId);
  const m = await repo.findById(trx, actor.organizationId, measureId);
  if (!m) throw new AppError('not_found');
  requireAccess(actor, 'measure.write', { organizationId: m.organization_id, unitPath: m.unit_path });
  const added = await repo.insertLinks(trx, actor.organizationId, measureId, actor.userId, links);
  for (const l of added) {
    await recordAudit(trx, actor, {
      action: 'link',
      entityType: 'measure',
      entityId: measureId,
      entityLabel: m.title,
      unitId: m.unit_id,
      changes: { linkType: { after: l.link_type }, link: { after: l.label } },
    });
  }
}

/**
 * Summaries of the measures linked to each target (of one link type), for the reader: measures on
 * units the reader may not read are left out. `by.targetIds` (e.g. the requirement assessments on
 * screen) or `by.contextId` (e.g. every requirement of one plan). Targets without measures are absent.
 */
export async function measureSummariesFor(
  q: Db | Trx,
  actor: Actor,
  linkType: string,
  by: { targetIds?: string[]; contextId?: string },
): Promise<Map<string, MeasureSummary[]>> {
  const out = new Map<string, MeasureSummary[]>();
  if (!holdsAnywhere(actor, 'measure.read') || (by.targetIds && !by.targetIds.length)) return out;
  const today = stockholmToday();
  for (const r of await repo.linkedTo(q, actor.organizationId, scopeOf(actor), linkType, by)) {
    const list = out.get(r.target_id) ?? [];
    list.push(toSummary(r, today));
    out.set(r.target_id, list);
  }
  return out;
}

/** When a linked object is renamed, its module refreshes the words the measures show. No audit event: the rename has its own. */
export function relabelMeasureLinks(trx: Trx, organizationId: string, linkType: string, targetId: string, label: string): Promise<number> {
  return repo.relabel(trx, organizationId, linkType, targetId, label);
}

// ——— The module's own service ———

export function createMeasuresService(db: Db) {
  function values(input: Partial<UpdateInput>): repo.MeasureValues {
    const map: [keyof UpdateInput, keyof repo.MeasureValues][] = [
      ['title', 'title'],
      ['description', 'description'],
      ['unitId', 'unit_id'],
      ['ownerId', 'owner_id'],
      ['startDate', 'start_date'],
      ['dueDate', 'due_date'],
      ['priority', 'priority'],
      ['estimatedCost', 'estimated_cost'],
      ['estimatedHours', 'estimated_hours'],
    ];
    const out: Record<string, unknown> = {};
    for (const [from, to] of map) if (input[from] !== undefined) out[to] = input[from] ?? null;
    return out as repo.MeasureValues;
  }

  /** Locks the row, checks the editor's right and version; returns the locked row as the audit "before". */
  async function lockedForChange(
    trx: Trx,
    actor: Actor,
    id: string,
    permission: 'measure.write' | 'measure.verify',
    expected: ExpectedVersion,
  ) {
    await repo.lockForUpdate(trx, id);
    const before = await repo.findById(trx, actor.organizationId, id);
    if (!before) throw new AppError('not_found');
    requireAccess(actor, permission, { organizationId: before.organization_id, unitPath: before.unit_path });
    await checkVersion(before.row_version, expected, () => view(trx, actor, id));
    return before;
  }

  async function audited(trx: Trx, actor: Actor, action: 'update' | 'change_status', before: repo.MeasureRow) {
    const after = (await repo.findById(trx, actor.organizationId, before.id))!;
    await recordAudit(trx, actor, {
      action,
      entityType: 'measure',
      entityId: before.id,
      entityLabel: after.title,
      unitId: after.unit_id,
      before: auditFields(before),
      after: auditFields(after),
    });
  }

  return {
    async list(actor: Actor, query: z.output<typeof measureListQuery>): Promise<Page<MeasureView>> {
      requireAccess(actor, 'measure.read', { organizationId: actor.organizationId });
      const today = stockholmToday();
      const page = await repo.list(db, actor.organizationId, scopeOf(actor), { ...query, today, me: actor.userId });
      const links = await repo.linksOf(
        db,
        page.items.map((m) => m.id),
      );
      return {
        ...page,
        items: page.items.map((m) =>
          toMeasureView(
            m,
            links.filter((l) => l.measure_id === m.id),
            actor.locale,
            today,
          ),
        ),
      };
    },

    async board(actor: Actor, query: z.output<typeof measureBoardQuery>) {
      requireAccess(actor, 'measure.read', { organizationId: actor.organizationId });
      const today = stockholmToday();
      // The board shows the work still to do and what awaits verification.
      const { counts, items } = await repo.board(
        db,
        actor.organizationId,
        scopeOf(actor),
        { ...query, status: ['planned', 'in_progress', 'done'], today, me: actor.userId },
        query.groupBy,
        10,
      );
      const links = await repo.linksOf(
        db,
        items.map((m) => m.id),
      );
      const noOwner = messages[actor.locale].labels.noMeasureOwner;
      const statusLabel = (k: string) => measureWorkflow.statuses[k as MeasureStatus][actor.locale];
      return {
        groups: counts.map((c) => ({
          key: c.key,
          label: query.groupBy === 'status' ? statusLabel(c.key) : (c.owner_name ?? noOwner),
          count: c.count,
          overdue: c.overdue,
          items: items
            .filter((i) => i.group_key === c.key)
            .map((m) =>
              toMeasureView(
                m,
                links.filter((l) => l.measure_id === m.id),
                actor.locale,
                today,
              ),
            ),
        })),
      };
    },

    async get(actor: Actor, id: string): Promise<MeasureDetailView> {
      requireAccess(actor, 'measure.read', { organizationId: actor.organizationId });
      const m = await loadReadable(db, actor, id);
      const [links, verifications] = await Promise.all([repo.linksOf(db, [id]), repo.verificationsOf(db, id)]);
      const status = m.status as MeasureStatus;
      const canWrite = holdsOn(actor, 'measure.write', m.unit_path);
      return {
        ...toMeasureView(m, links, actor.locale, stockholmToday()),
        verifications: verifications.map((v) => toVerificationView(v, actor.locale)),
        allowedStatuses: canWrite ? allowedTransitions(status) : [],
        canVerify:
          canVerify(status) && holdsOn(actor, 'measure.verify', m.unit_path) && actor.userId !== null && actor.userId !== m.owner_id,
        canWrite,
      };
    },

    async create(actor: Actor, input: NewMeasure): Promise<MeasureDetailView> {
      requireAccess(actor, 'measure.write', { organizationId: actor.organizationId });
      const created = await db.transaction().execute((trx) => createMeasureIn(trx, actor, input));
      return this.get(actor, created.id);
    },

    async update(actor: Actor, id: string, input: UpdateInput, expected?: ExpectedVersion): Promise<MeasureDetailView> {
      requireAccess(actor, 'measure.write', { organizationId: actor.organizationId });
      await db.transaction().execute(async (trx) => {
        const before = await lockedForChange(trx, actor, id, 'measure.write', expected);
        if (input.unitId && input.unitId !== before.unit_id) {
          const unit = await openUnit(trx, actor, input.unitId);
          requireAccess(actor, 'measure.write', { organizationId: unit.organization_id, unitPath: unit.path });
        }
        if (input.ownerId !== undefined) await checkOwner(trx, actor, input.ownerId);
        checkDates(input.startDate === undefined ? before.start_date : input.startDate, input.dueDate ?? before.due_date);
        const v = values(input);
        if (Object.keys(v).length) await repo.updateMeasure(trx, id, v);
        await audited(trx, actor, 'update', before);
      });
      return this.get(actor, id);
    },

    async setStatus(
      actor: Actor,
      id: string,
      input: z.output<typeof measureStatusBody>,
      expected?: ExpectedVersion,
    ): Promise<MeasureDetailView> {
      requireAccess(actor, 'measure.write', { organizationId: actor.organizationId });
      await db.transaction().execute(async (trx) => {
        const before = await lockedForChange(trx, actor, id, 'measure.write', expected);
        const from = before.status as MeasureStatus;
        if (from === input.status) return; // nothing changes, no event
        if (!canTransition(from, input.status))
          throw new AppError('measure_status_transition', { field: 'status', from, to: input.status });
        const reason = input.reason?.trim() || null;
        if (input.status === 'cancelled' && !reason) throw new AppError('measure_reason_required', { field: 'reason' });
        await repo.updateMeasure(trx, id, {
          status: input.status,
          cancel_reason: input.status === 'cancelled' ? reason : null,
          completed_at:
            input.status === 'done'
              ? new Date()
              : input.status === 'planned' || input.status === 'in_progress'
                ? null
                : before.completed_at,
          verified_at: input.status === 'verified' ? before.verified_at : null,
        });
        await audited(trx, actor, 'change_status', before);
      });
      return this.get(actor, id);
    },

    /** Verification of effect: by someone other than the owner, with a method; the result decides the status (data). */
    async verify(
      actor: Actor,
      id: string,
      input: z.output<typeof verifyMeasureBody>,
      expected?: ExpectedVersion,
    ): Promise<MeasureDetailView> {
      requireAccess(actor, 'measure.verify', { organizationId: actor.organizationId });
      const method = input.method?.trim();
      if (!method) throw new AppError('measure_method_required', { field: 'method' });
      if (input.verifiedOn > stockholmToday()) throw new AppError('measure_verified_in_future', { field: 'verifiedOn' });
      // Verification names a person: the system (seed, CLI) records verifications through the factories.
      if (!actor.userId) throw new AppError('forbidden');
      await db.transaction().execute(async (trx) => {
        const before = await lockedForChange(trx, actor, id, 'measure.verify', expected);
        if (before.owner_id === actor.userId) throw new AppError('measure_verifier_is_owner', { field: 'verifiedBy' });
        if (!canVerify(before.status as MeasureStatus)) throw new AppError('measure_not_verifiable', { field: 'status' });
        const comment = input.comment?.trim() || null;
        await repo.insertVerification(trx, actor.organizationId, id, {
          verified_by: actor.userId!,
          verified_on: input.verifiedOn,
          method,
          result: input.result,
          comment,
        });
        const status = statusAfterVerification(input.result);
        await repo.updateMeasure(trx, id, {
          status,
          last_result: input.result,
          verified_at: status === 'verified' ? new Date() : null,
          completed_at: status === 'verified' ? before.completed_at : null,
        });
        await recordAudit(trx, actor, {
          action: 'verify',
          entityType: 'measure',
          entityId: id,
          entityLabel: before.title,
          unitId: before.unit_id,
          changes: {
            status: { before: before.status, after: status },
            verifiedBy: { after: actor.userId },
            verifiedOn: { after: input.verifiedOn },
            method: { after: method },
            result: { after: input.result },
            ...(comment ? { comment: { after: comment } } : {}),
          },
        });
      });
      return this.get(actor, id);
    },

    async addLink(actor: Actor, id: string, link: MeasureLinkInput): Promise<MeasureDetailView> {
      requireAccess(actor, 'measure.write', { organizationId: actor.organizationId });
      await db.transaction().execute((trx) => linkMeasureIn(trx, actor, id, [link]));
      return this.get(actor, id);
    },

    async removeLink(actor: Actor, id: string, linkId: string): Promise<MeasureDetailView> {
      requireAccess(actor, 'measure.write', { organizationId: actor.organizationId });
      await db.transaction().execute(async (trx) => {
        await repo.lockForUpdate(trx, id);
        const m = await repo.findById(trx, actor.organizationId, id);
        if (!m) throw new AppError('not_found');
        requireAccess(actor, 'measure.write', { organizationId: m.organization_id, unitPath: m.unit_path });
        const gone = await repo.deleteLink(trx, id, linkId);
        if (!gone) throw new AppError('not_found');
        await recordAudit(trx, actor, {
          action: 'unlink',
          entityType: 'measure',
          entityId: id,
          entityLabel: m.title,
          unitId: m.unit_id,
          changes: { linkType: { before: gone.link_type }, link: { before: gone.label } },
        });
      });
      return this.get(actor, id);
    },

    /** The signed-in user's own measures in figures (start page). */
    async mine(actor: Actor) {
      if (!actor.userId || !holdsAnywhere(actor, 'measure.read')) return null;
      const today = stockholmToday();
      return repo.ownerCounts(db, actor.organizationId, actor.userId, today, addDays(today, measureWorkflow.dueSoonDays));
    },
  };
}

export type MeasuresService = ReturnType<typeof createMeasuresService>;
