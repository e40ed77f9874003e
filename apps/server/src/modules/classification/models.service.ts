import type { z } from 'zod';
import { klassaPresetModel, type ClassificationModelView, type createModelVersionBody } from '@tillit/core';
import { requireAccess, systemActor, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { canonicalJson } from '../../platform/audit/hash.js';
import { AppError } from '../../platform/errors.js';
import type { Db, Trx } from '../../db/database.js';
import * as repo from './models.repository.js';
import { findRootUnit } from '../units/units.service.js';

function toView(m: repo.ModelRow, usageCount: number): ClassificationModelView {
  return {
    id: m.id,
    version: m.version,
    isCurrent: m.is_current,
    note: m.note,
    definition: m.definition,
    createdAt: m.created_at.toISOString(),
    createdBy: m.created_by ? { id: m.created_by, name: m.created_by_name ?? '' } : null,
    usageCount,
  };
}

/**
 * Every organisation starts with the shipped preset as its model's version 1 (declared in the
 * classification manifest's `onOrganizationCreated`, in the organisation's creating transaction),
 * so that reading the model never has to create it. Organisations older than this rule got theirs
 * from migration 20261202T0200.
 */
export async function createInitialModel(trx: Trx, organizationId: string): Promise<void> {
  const id = await repo.insertPreset(trx, organizationId);
  if (id)
    await recordAudit(trx, systemActor(organizationId), {
      action: 'create',
      entityType: 'classification_model',
      entityId: id,
      entityLabel: 'Version 1',
      after: { version: 1, key: klassaPresetModel.key },
    });
}

/** Published to other modules (assets export, information types): the organisation's current model. */
export async function currentModel(db: Db | Trx, organizationId: string): Promise<repo.ModelRow> {
  const m = await repo.findCurrent(db, organizationId);
  if (!m) throw new AppError('not_found');
  return m;
}

export function createModelsService(db: Db) {
  return {
    async current(actor: Actor): Promise<ClassificationModelView> {
      requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
      const m = await currentModel(db, actor.organizationId);
      return toView(m, await repo.usageCount(db, m.id));
    },

    async list(actor: Actor) {
      requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
      return (await repo.list(db, actor.organizationId)).map((m) => {
        const { definition: _definition, ...summary } = toView(m, m.usage_count);
        return summary;
      });
    },

    async get(actor: Actor, id: string): Promise<ClassificationModelView> {
      requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
      const m = await repo.findById(db, actor.organizationId, id);
      if (!m) throw new AppError('not_found');
      return toView(m, await repo.usageCount(db, m.id));
    },

    preset(actor: Actor) {
      requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
      return klassaPresetModel;
    },

    /**
     * Adapting the model is an organisation-wide decision: the permission is needed on the root unit.
     * A definition equal to the current one is no new version (and no event): the current one is
     * answered, with `created: false`.
     */
    async createVersion(
      actor: Actor,
      input: z.output<typeof createModelVersionBody>,
    ): Promise<{ model: ClassificationModelView; created: boolean }> {
      const root = await findRootUnit(db, actor.organizationId);
      if (!root) throw new AppError('not_found');
      requireAccess(actor, 'classification_model.manage', { organizationId: actor.organizationId, unitPath: root.path });
      return db.transaction().execute(async (trx) => {
        await repo.lockModel(trx, actor.organizationId);
        const current = await repo.findCurrent(trx, actor.organizationId);
        if (current && canonicalJson(current.definition) === canonicalJson(input.definition)) {
          return { model: toView(current, await repo.usageCount(trx, current.id)), created: false };
        }
        const created = await repo.insertVersion(trx, actor.organizationId, input.definition, input.note ?? null, actor.userId);
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'classification_model',
          entityId: created.id,
          entityLabel: `Version ${created.version}`,
          after: {
            version: created.version,
            key: input.definition.key,
            levels: input.definition.levels.length,
            traceability: input.definition.aspects[3]?.enabled,
            note: input.note ?? null,
          },
        });
        return { model: toView((await repo.findById(trx, actor.organizationId, created.id))!, 0), created: true };
      });
    },
  };
}
