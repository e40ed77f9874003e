import type { z } from 'zod';
import type { createUnitBody, moveUnitBody, updateUnitBody, UnitView } from '@tillit/core';
import { requireAccess, systemActor, type Actor } from '../../platform/access.js';
import { recordAudit, recordAudits } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkVersion, type ExpectedVersion } from '../../platform/concurrency.js';
import type { Db, Trx } from '../../db/database.js';
import type { ContentTable } from '../../platform/module.js';
import * as repo from './units.repository.js';

type UnitRow = NonNullable<repo.UnitRow>;

export function toUnitView(u: UnitRow): UnitView {
  return {
    id: u.id,
    rowVersion: u.row_version,
    parentId: u.parent_id,
    name: u.name,
    kind: u.kind as UnitView['kind'],
    description: u.description,
    closedAt: u.closed_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
  };
}

const auditFields = (u: UnitRow) => ({
  name: u.name,
  kind: u.kind,
  description: u.description,
  parentId: u.parent_id,
  closedAt: u.closed_at,
});

/** Published to other modules: a unit of the organisation, by id (undefined when not there). */
export function findUnit(db: Db | Trx, organizationId: string, id: string) {
  return repo.findById(db, organizationId, id);
}

/** Published to other modules: the organisation's root unit (the organisation itself in the tree). */
export function findRootUnit(db: Db | Trx, organizationId: string) {
  return repo.findRoot(db, organizationId);
}

/** Published to other modules: the open sub-units directly below a unit, by name. */
export function openChildUnits(db: Db | Trx, id: string) {
  return repo.openChildren(db, id);
}

/** Published to the organisations module: the root unit of a new organisation, in its transaction. */
export function insertRootUnit(trx: Trx, organizationId: string, name: string) {
  return repo.insert(trx, {
    organization_id: organizationId,
    parent_id: null,
    parentPath: [],
    name,
    kind: 'organization',
    description: null,
  });
}

/**
 * Published to the CLI (`tillit units repair`): recomputes every organisation's unit paths from the
 * parent links, one transaction per organisation, with an audit event for each unit put right.
 * Trees written before the path check (migration 20261202T0310) may hold stale paths from races.
 */
export async function repairUnitPaths(db: Db) {
  const report: { organizationId: string; repaired: number; unreachable: { id: string; name: string }[] }[] = [];
  for (const organizationId of await repo.organizationIds(db)) {
    const r = await db.transaction().execute(async (trx) => {
      const result = await repo.repairPaths(trx, organizationId);
      const trail = (path: string[]) => path.map((id) => result.names.get(id) ?? '?').join(' / ');
      await recordAudits(
        trx,
        systemActor(organizationId, 'Tillit (tillit units repair)'),
        result.repaired.map((u) => ({
          action: 'repair',
          entityType: 'unit',
          entityId: u.id,
          entityLabel: u.name,
          unitId: u.id,
          changes: { path: { before: trail(u.old_path), after: trail(u.new_path) } },
        })),
      );
      return result;
    });
    report.push({ organizationId, repaired: r.repaired.length, unreachable: r.unreachable });
  }
  return report;
}

/** Published to the organisations module: the root unit carries the organisation's name. */
export function renameUnit(trx: Trx, id: string, name: string) {
  return repo.update(trx, id, { name });
}

export function createUnitsService(db: Db, contentTables: readonly ContentTable[] = []) {
  async function load(actor: Actor, id: string): Promise<UnitRow> {
    const unit = await repo.findById(db, actor.organizationId, id);
    if (!unit) throw new AppError('not_found');
    return unit;
  }

  return {
    async list(actor: Actor, includeClosed: boolean): Promise<UnitView[]> {
      requireAccess(actor, 'unit.read', { organizationId: actor.organizationId });
      return (await repo.listByOrg(db, actor.organizationId, includeClosed)).map(toUnitView);
    },

    async get(actor: Actor, id: string): Promise<UnitView> {
      requireAccess(actor, 'unit.read', { organizationId: actor.organizationId });
      return toUnitView(await load(actor, id));
    },

    async create(actor: Actor, input: z.output<typeof createUnitBody>): Promise<UnitView> {
      const parent = await repo.findById(db, actor.organizationId, input.parentId);
      if (!parent) throw new AppError('invalid_parent_unit', { field: 'parentId' });
      requireAccess(actor, 'unit.manage', { organizationId: parent.organization_id, unitPath: parent.path });
      if (parent.closed_at) throw new AppError('unit_closed');
      return db.transaction().execute(async (trx) => {
        // The parent's path is read again under the tree lock: a concurrent move may have changed it.
        await repo.lockTree(trx, actor.organizationId);
        const current = await repo.findById(trx, actor.organizationId, parent.id);
        if (!current) throw new AppError('invalid_parent_unit', { field: 'parentId' });
        requireAccess(actor, 'unit.manage', { organizationId: current.organization_id, unitPath: current.path });
        if (current.closed_at) throw new AppError('unit_closed');
        const unit = await repo.insert(trx, {
          organization_id: actor.organizationId,
          parent_id: current.id,
          parentPath: current.path,
          name: input.name,
          kind: input.kind,
          description: input.description ?? null,
        });
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'unit',
          entityId: unit.id,
          entityLabel: unit.name,
          unitId: unit.id,
          after: auditFields(unit),
        });
        return toUnitView(unit);
      });
    },

    async update(actor: Actor, id: string, input: z.output<typeof updateUnitBody>, expected?: ExpectedVersion): Promise<UnitView> {
      const seen = await load(actor, id);
      requireAccess(actor, 'unit.manage', { organizationId: seen.organization_id, unitPath: seen.path });
      if (!seen.parent_id && input.kind) throw new AppError('unit_root_immutable');
      return db.transaction().execute(async (trx) => {
        const unit = (await repo.findForUpdate(trx, actor.organizationId, id))!;
        await checkVersion(unit.row_version, expected, async () => toUnitView(unit));
        const updated = await repo.update(trx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.description !== undefined ? { description: input.description ?? null } : {}),
        });
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'unit',
          entityId: id,
          entityLabel: updated.name,
          unitId: id,
          before: auditFields(unit),
          after: auditFields(updated),
        });
        return toUnitView(updated);
      });
    },

    /** Moving keeps the unit's id, so its history and everything linked to it follow it. */
    async move(actor: Actor, id: string, input: z.output<typeof moveUnitBody>): Promise<UnitView> {
      await load(actor, id);
      return db.transaction().execute(async (trx) => {
        // Everything is read and checked under the organisation's tree lock, so the cycle check and
        // the new paths are computed from the tree as it is when this move commits (issue 8 item 11).
        await repo.lockTree(trx, actor.organizationId);
        const unit = await repo.findById(trx, actor.organizationId, id);
        if (!unit) throw new AppError('not_found');
        requireAccess(actor, 'unit.manage', { organizationId: unit.organization_id, unitPath: unit.path });
        if (!unit.parent_id) throw new AppError('unit_root_immutable');
        const parent = await repo.findById(trx, actor.organizationId, input.parentId);
        if (!parent) throw new AppError('invalid_parent_unit', { field: 'parentId' });
        requireAccess(actor, 'unit.manage', { organizationId: parent.organization_id, unitPath: parent.path });
        if (parent.path.includes(unit.id)) throw new AppError('unit_move_into_own_subtree');
        if (parent.closed_at) throw new AppError('unit_closed');
        if (parent.id === unit.parent_id) return toUnitView(unit);
        const moved = await repo.move(trx, unit, parent);
        await recordAudit(trx, actor, {
          action: 'move',
          entityType: 'unit',
          entityId: id,
          entityLabel: unit.name,
          unitId: id,
          changes: { parentId: { before: unit.parent_id, after: parent.id } },
        });
        return toUnitView(moved);
      });
    },

    async setClosed(actor: Actor, id: string, closed: boolean): Promise<UnitView> {
      const unit = await load(actor, id);
      requireAccess(actor, 'unit.manage', { organizationId: unit.organization_id, unitPath: unit.path });
      if (!unit.parent_id) throw new AppError('unit_root_immutable');
      if (!closed) {
        const parent = await repo.findById(db, actor.organizationId, unit.parent_id);
        if (parent?.closed_at) throw new AppError('unit_closed');
      }
      if (Boolean(unit.closed_at) === closed) return toUnitView(unit);
      return db.transaction().execute(async (trx) => {
        await repo.lockTree(trx, actor.organizationId);
        const now = new Date();
        // Closing a unit closes its open sub-units too; reopening reopens only this one.
        if (closed) await repo.closeSubtree(trx, unit.id, now);
        const updated = closed ? await repo.findById(trx, actor.organizationId, id) : await repo.update(trx, id, { closed_at: null });
        await recordAudit(trx, actor, {
          action: closed ? 'close' : 'reopen',
          entityType: 'unit',
          entityId: id,
          entityLabel: unit.name,
          unitId: id,
          before: auditFields(unit),
          after: auditFields(updated!),
        });
        return toUnitView(updated!);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const unit = await load(actor, id);
      requireAccess(actor, 'unit.manage', { organizationId: unit.organization_id, unitPath: unit.path });
      if (!unit.parent_id) throw new AppError('unit_root_immutable');
      await db.transaction().execute(async (trx) => {
        await repo.lockTree(trx, actor.organizationId);
        if ((await repo.contentCount(trx, id, contentTables)) > 0) throw new AppError('unit_has_content');
        await repo.remove(trx, id);
        await recordAudit(trx, actor, {
          action: 'delete',
          entityType: 'unit',
          entityId: id,
          entityLabel: unit.name,
          unitId: unit.parent_id,
          before: auditFields(unit),
        });
      });
    },
  };
}
