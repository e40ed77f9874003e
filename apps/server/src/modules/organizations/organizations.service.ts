import type { z } from 'zod';
import type { createOrganizationBody, OrganizationView, updateOrganizationBody } from '@tillit/core';
import { requireAccess, requirePlatformAdmin, systemActor, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkVersion, type ExpectedVersion } from '../../platform/concurrency.js';
import type { Db, Trx } from '../../db/database.js';
import * as repo from './organizations.repository.js';
import { insertRootUnit, renameUnit } from '../units/units.service.js';
import type { UsersService } from '../users/users.service.js';

type OrgRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

function toView(o: OrgRow): OrganizationView {
  return {
    id: o.id,
    rowVersion: o.row_version,
    name: o.name,
    orgNumber: o.org_number,
    kind: o.kind as OrganizationView['kind'],
    rootUnitId: o.root_unit_id,
    createdAt: o.created_at.toISOString(),
  };
}

export interface NewOrganization {
  name: string;
  orgNumber: string;
  kind: string;
}

/** Creates an organisation with its root unit, in the caller's transaction; the first event of its audit chain. */
export async function insertOrganization(trx: Trx, actor: Actor, input: NewOrganization) {
  if (await repo.findByOrgNumber(trx, input.orgNumber)) throw new AppError('duplicate_org_number', { field: 'orgNumber' });
  const org = await repo.insert(trx, { name: input.name, org_number: input.orgNumber, kind: input.kind });
  const root = await insertRootUnit(trx, org.id, input.name);
  const auditActor = actor.organizationId === org.id ? actor : { ...systemActor(org.id, actor.name), userId: actor.userId };
  await recordAudit(trx, auditActor, {
    organizationId: org.id,
    action: 'create',
    entityType: 'organization',
    entityId: org.id,
    entityLabel: org.name,
    unitId: root.id,
    after: { name: org.name, orgNumber: org.org_number, kind: org.kind },
  });
  // What every module gives a new organisation (e.g. the classification model's version 1), in this
  // transaction. Loaded at call time: the module list imports this module.
  const { modules } = await import('../index.js');
  for (const m of modules) await m.onOrganizationCreated?.(trx, { organizationId: org.id, rootUnitId: root.id });
  return { org, root };
}

export function createOrganizationsService(db: Db, users: () => UsersService) {
  return {
    async getOwn(actor: Actor): Promise<OrganizationView> {
      requireAccess(actor, 'org.read', { organizationId: actor.organizationId });
      const org = await repo.findById(db, actor.organizationId);
      if (!org) throw new AppError('not_found');
      return toView(org);
    },

    async updateOwn(actor: Actor, input: z.output<typeof updateOrganizationBody>, expected?: ExpectedVersion): Promise<OrganizationView> {
      const seen = await repo.findById(db, actor.organizationId);
      if (!seen) throw new AppError('not_found');
      requireAccess(actor, 'org.manage', { organizationId: seen.id, unitPath: [seen.root_unit_id] });
      if (input.orgNumber && input.orgNumber !== seen.org_number) {
        const other = await repo.findByOrgNumber(db, input.orgNumber);
        if (other) throw new AppError('duplicate_org_number', { field: 'orgNumber' });
      }
      return db.transaction().execute(async (trx) => {
        const before = (await repo.findForUpdate(trx, actor.organizationId))!;
        await checkVersion(before.row_version, expected, async () => toView(before));
        const after = await repo.update(trx, before.id, { name: input.name, org_number: input.orgNumber, kind: input.kind });
        if (input.name) await renameUnit(trx, before.root_unit_id, input.name);
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'organization',
          entityId: before.id,
          entityLabel: after.name,
          unitId: before.root_unit_id,
          before: { name: before.name, orgNumber: before.org_number, kind: before.kind },
          after: { name: after.name, orgNumber: after.org_number, kind: after.kind },
        });
        return toView({ ...after, root_unit_id: before.root_unit_id });
      });
    },

    async listAll(actor: Actor): Promise<OrganizationView[]> {
      requirePlatformAdmin(actor);
      return (await repo.listAll(db)).map(toView);
    },

    /** A platform admin adds a region or municipality with its first administrator. */
    async create(actor: Actor, input: z.output<typeof createOrganizationBody>) {
      requirePlatformAdmin(actor);
      return db.transaction().execute(async (trx) => {
        const { org, root } = await insertOrganization(trx, actor, input);
        const orgActor: Actor = { ...systemActor(org.id, actor.name), userId: actor.userId };
        const invited = await users().inviteInTransaction(trx, orgActor, {
          email: input.admin.email,
          name: input.admin.name,
          role: 'admin',
          unitId: root.id,
        });
        return { organization: toView({ ...org, root_unit_id: root.id }), adminLink: invited.link, mailed: invited.mailed };
      });
    },
  };
}
