import type { z } from 'zod';
import { aspectKeys, informationTypePreset, type Profile } from '@tillit/core';
import type {
  createInformationTypeBody,
  InformationTypeLibraryFile,
  InformationTypeView,
  updateInformationTypeBody,
} from '@tillit/core/modules/information-types/schemas';
import { requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkVersion, type ExpectedVersion } from '../../platform/concurrency.js';
import type { Db, Trx } from '../../db/database.js';
import { currentModel } from '../classification/models.service.js';
import * as repo from './information-types.repository.js';
import { findRootUnit } from '../units/units.service.js';

export function toTypeView(t: repo.TypeRow): InformationTypeView {
  return {
    id: t.id,
    rowVersion: t.row_version,
    key: t.key,
    name: t.name,
    description: t.description,
    personalData: t.personal_data as InformationTypeView['personalData'],
    recommended: { C: t.rec_c, I: t.rec_i, A: t.rec_a, T: t.rec_t },
    justification: t.justification,
    usageCount: t.usage_count,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
  };
}

/** A stable key from a Swedish name: "Ekonomiska transaktioner" → "ekonomiska-transaktioner". */
export function keyFromName(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return base || 'typ';
}

const recValues = (p: Profile) => ({ rec_c: p.C, rec_i: p.I, rec_a: p.A, rec_t: p.T });
const auditFields = (t: {
  key: string;
  name: string;
  description: string | null;
  personal_data: string;
  rec_c: number | null;
  rec_i: number | null;
  rec_a: number | null;
  rec_t: number | null;
  justification: string | null;
}) => ({
  key: t.key,
  name: t.name,
  description: t.description,
  personalData: t.personal_data,
  recommended: { C: t.rec_c, I: t.rec_i, A: t.rec_a, T: t.rec_t },
  justification: t.justification,
});

/** Published to the assets module: does the organisation have this information type? */
export async function informationTypeExists(db: Db | Trx, organizationId: string, id: string): Promise<boolean> {
  return (await repo.findById(db, organizationId, id)) !== undefined;
}

/** Published to the classification module: an information type by id, whatever organisation (the caller's asset names it). */
export function informationTypeById(db: Db | Trx, id: string) {
  return repo.findAnyById(db, id);
}

export function createInformationTypesService(db: Db) {
  /**
   * The library is the organisation's: a type's levels drive every unit's classifications, so it is
   * changed only with the permission on the top unit, not by a coordinator of one förvaltning.
   */
  async function requireManageOnRoot(actor: Actor) {
    requireAccess(actor, 'information_type.manage', { organizationId: actor.organizationId });
    const root = await findRootUnit(db, actor.organizationId);
    requireAccess(actor, 'information_type.manage', { organizationId: actor.organizationId, unitPath: root ? [root.id] : [] });
  }

  /** Recommended levels must exist in the organisation's current model. */
  async function checkLevels(organizationId: string, profiles: { path: (string | number)[]; profile: Profile }[]) {
    const model = await currentModel(db, organizationId);
    const max = model.definition.levels.length - 1;
    const issues = profiles.flatMap(({ path, profile }) =>
      aspectKeys
        .filter((a) => profile[a] !== null && profile[a]! > max)
        .map((a) => ({ path: [...path, a], code: 'level_out_of_range', params: { min: 0, max } })),
    );
    if (issues.length) throw new AppError('level_out_of_range', { issues });
  }

  async function load(actor: Actor, id: string) {
    const t = await repo.findById(db, actor.organizationId, id);
    if (!t) throw new AppError('not_found');
    return t;
  }

  /** Updates by key and creates the rest, in one transaction; types missing from the file are left alone. */
  async function importLibrary(actor: Actor, file: InformationTypeLibraryFile, dryRun: boolean) {
    await requireManageOnRoot(actor);
    const seen = new Set<string>();
    const duplicates = file.types.flatMap((t, i) =>
      seen.has(t.key)
        ? [{ path: ['body', 'types', i, 'key'], code: 'duplicate', message: `duplicate key ${t.key}` }]
        : (seen.add(t.key), []),
    );
    if (duplicates.length) throw new AppError('validation_failed', { issues: duplicates });
    await checkLevels(
      actor.organizationId,
      file.types.map((t, i) => ({ path: ['body', 'types', i, 'recommended'], profile: t.recommended })),
    );
    const result = { dryRun, created: [] as string[], updated: [] as string[], unchanged: [] as string[] };
    const run = async (trx: Trx) => {
      const existing = new Map((await repo.list(trx, actor.organizationId)).map((t) => [t.key, t]));
      for (const t of file.types) {
        const values = {
          name: t.name,
          description: t.description ?? null,
          personal_data: t.personalData,
          ...recValues(t.recommended),
          justification: t.justification ?? null,
        };
        const before = existing.get(t.key);
        if (!before) {
          result.created.push(t.key);
          if (dryRun) continue;
          const { id } = await repo.insert(trx, { organization_id: actor.organizationId, key: t.key, ...values });
          await recordAudit(trx, actor, {
            action: 'import',
            entityType: 'information_type',
            entityId: id,
            entityLabel: t.name,
            after: auditFields({ key: t.key, ...values }),
          });
          continue;
        }
        const changed = JSON.stringify(auditFields(before)) !== JSON.stringify(auditFields({ key: t.key, ...values }));
        (changed ? result.updated : result.unchanged).push(t.key);
        if (dryRun || !changed) continue;
        await repo.update(trx, before.id, values);
        await recordAudit(trx, actor, {
          action: 'import',
          entityType: 'information_type',
          entityId: before.id,
          entityLabel: t.name,
          before: auditFields(before),
          after: auditFields({ key: t.key, ...values }),
        });
      }
    };
    await db.transaction().execute(run);
    return result;
  }

  return {
    async list(actor: Actor): Promise<InformationTypeView[]> {
      requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
      return (await repo.list(db, actor.organizationId)).map(toTypeView);
    },

    async get(actor: Actor, id: string): Promise<InformationTypeView> {
      requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
      return toTypeView(await load(actor, id));
    },

    async create(actor: Actor, input: z.output<typeof createInformationTypeBody>): Promise<InformationTypeView> {
      await requireManageOnRoot(actor);
      await checkLevels(actor.organizationId, [{ path: ['body', 'recommended'], profile: input.recommended }]);
      const key = input.key ?? keyFromName(input.name);
      if (await repo.findByKey(db, actor.organizationId, key)) throw new AppError('duplicate_information_type_key', { field: 'key' });
      return db.transaction().execute(async (trx) => {
        const values = {
          key,
          name: input.name,
          description: input.description ?? null,
          personal_data: input.personalData,
          ...recValues(input.recommended),
          justification: input.justification ?? null,
        };
        const { id } = await repo.insert(trx, { organization_id: actor.organizationId, ...values });
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'information_type',
          entityId: id,
          entityLabel: input.name,
          after: auditFields(values),
        });
        return toTypeView((await repo.findById(trx, actor.organizationId, id))!);
      });
    },

    async update(
      actor: Actor,
      id: string,
      input: z.output<typeof updateInformationTypeBody>,
      expected?: ExpectedVersion,
    ): Promise<InformationTypeView> {
      await requireManageOnRoot(actor);
      await load(actor, id);
      if (input.recommended) await checkLevels(actor.organizationId, [{ path: ['body', 'recommended'], profile: input.recommended }]);
      return db.transaction().execute(async (trx) => {
        const before = (await repo.findForUpdate(trx, actor.organizationId, id))!;
        await checkVersion(before.row_version, expected, async () => toTypeView(before));
        await repo.update(trx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description ?? null } : {}),
          ...(input.personalData !== undefined ? { personal_data: input.personalData } : {}),
          ...(input.recommended ? recValues(input.recommended) : {}),
          ...(input.justification !== undefined ? { justification: input.justification ?? null } : {}),
        });
        const after = (await repo.findById(trx, actor.organizationId, id))!;
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'information_type',
          entityId: id,
          entityLabel: after.name,
          before: auditFields(before),
          after: auditFields(after),
        });
        return toTypeView(after);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await requireManageOnRoot(actor);
      const t = await load(actor, id);
      if (t.usage_count > 0) throw new AppError('information_type_in_use', { usageCount: t.usage_count });
      await db.transaction().execute(async (trx) => {
        await repo.remove(trx, id);
        await recordAudit(trx, actor, {
          action: 'delete',
          entityType: 'information_type',
          entityId: id,
          entityLabel: t.name,
          before: auditFields(t),
        });
      });
    },

    /** The library in the shareable file format (docs/api-assets.md). */
    async exportFile(actor: Actor): Promise<InformationTypeLibraryFile> {
      requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
      const [types, org, model] = await Promise.all([
        repo.list(db, actor.organizationId),
        repo.organization(db, actor.organizationId),
        currentModel(db, actor.organizationId),
      ]);
      return {
        format: 'tillit.information-types',
        formatVersion: 1,
        exportedAt: new Date().toISOString(),
        source: { organization: org.name, model: model.definition.key },
        types: types.map((t) => ({
          key: t.key,
          name: t.name,
          description: t.description,
          personalData: t.personal_data as InformationTypeView['personalData'],
          recommended: { C: t.rec_c, I: t.rec_i, A: t.rec_a, T: t.rec_t },
          justification: t.justification,
        })),
      };
    },

    importFile: (actor: Actor, file: InformationTypeLibraryFile, dryRun: boolean) => importLibrary(actor, file, dryRun),
    importPreset: (actor: Actor) => importLibrary(actor, informationTypePreset, false),
  };
}
