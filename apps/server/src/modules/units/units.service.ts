import type { z } from 'zod';
import type { createUnitBody, moveUnitBody, updateUnitBody, UnitView } from '@tillit/core';
import { requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db, Trx } from '../../db/database.js';
import type { ContentTable } from '../../platform/module.js';
import * as repo from './units.repository.js';

type UnitRow = NonNullable<repo.UnitRow>;

export function toUnitView(u: UnitRow): UnitView {
  return {
    id: u.id,
    parentId: u.parent_id,
    name: u.name,
    kind: u.kind as UnitView['kind'],
    description: u.description,
    closedAt: u.closed_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
  };
}

const auditFields = (u: UnitRow) => ({ name: u.name, kind: u.kind, description: u.description, parentId: u.parent_id, closedAt: u.closed_at });

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
  return repo.insert(trx, { organization_id: organizationId, parent_id: null, parentPath: [], name, kind: 'organization', description: null });
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
        const unit = await repo.insert(trx, {
          organization_id: actor.organizationId,
          parent_id: parent.id,
          parentPath: parent.path,
          name: input.name,
          kind: input.kind,
          description: input.description ?? null,
        });
        await recordAudit(trx, actor, { action: 'create', entityType: 'unit', entityId: unit.id, entityLabel: unit.name, unitId: unit.id, after: auditFields(unit) });
        return toUnitView(unit);
      });
    },

    async update(actor: Actor, id: string, input: z.output<typeof updateUnitBody>): Promise<UnitView> {
      const unit = await load(actor, id);
      requireAccess(actor, 'unit.manage', { organizationId: unit.organization_id, unitPath: unit.path });
      if (!unit.parent_id && input.kind) throw new AppError('unit_root_immutable');
      return db.transaction().execute(async (trx) => {
        const updated = await repo.update(trx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.description !== undefined ? { description: input.description ?? null } : {}),
        });
        await recordAudit(trx, actor, { action: 'update', entityType: 'unit', entityId: id, entityLabel: updated.name, unitId: id, before: auditFields(unit), after: auditFields(updated) });
        return toUnitView(updated);
      });
    },

    /** Moving keeps the unit's id, so its history and everything linked to it follow it. */
    async move(actor: Actor, id: string, input: z.output<typeof moveUnitBody>): Promise<UnitView> {
      const unit = await load(actor, id);
      requireAccess(actor, 'unit.manage', { organizationId: unit.organization_id, unitPath: unit.path });
      if (!unit.parent_id) throw new AppError('unit_root_immutable');
      const parent = await repo.findById(db, actor.organizationId, input.parentId);
      if (!parent) throw new AppError('invalid_parent_unit', { field: 'parentId' });
      requireAccess(actor, 'unit.manage', { organizationId: parent.organization_id, unitPath: parent.path });
      if (parent.path.includes(unit.id)) throw new AppError('unit_move_into_own_subtree');
      if (parent.closed_at) throw new AppError('unit_closed');
      if (parent.id === unit.parent_id) return toUnitView(unit);
      return db.transaction().execute(async (trx) => {
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
        const now = new Date();
        // Closing a unit closes its open sub-units too; reopening reopens only this one.
        if (closed) await repo.closeSubtree(trx, unit.id, now);
        const updated = closed ? await repo.findById(trx, actor.organizationId, id) : await repo.update(trx, id, { closed_at: null });
        await recordAudit(trx, actor, { action: closed ? 'close' : 'reopen', entityType: 'unit', entityId: id, entityLabel: unit.name, unitId: id, before: auditFields(unit), after: auditFields(updated!) });
        return toUnitView(updated!);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const unit = await load(actor, id);
      requireAccess(actor, 'unit.manage', { organizationId: unit.organization_id, unitPath: unit.path });
      if (!unit.parent_id) throw new AppError('unit_root_immutable');
      await db.transaction().execute(async (trx) => {
        if ((await repo.contentCount(trx, id, contentTables)) > 0) throw new AppError('unit_has_content');
        await repo.remove(trx, id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'unit', entityId: id, entityLabel: unit.name, unitId: unit.parent_id, before: auditFields(unit) });
      });
    },
  };
}
