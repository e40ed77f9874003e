import type { z } from 'zod';
import {
  hiddenAssetName,
  type AssetDetailView,
  type AssetView,
  type Page,
  type assetListQuery,
  type createAssetBody,
  type createIntegrationBody,
  type updateAssetBody,
  type updateIntegrationBody,
} from '@tillit/core';
import { holdsOn, requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkVersion, type ExpectedVersion } from '../../platform/concurrency.js';
import type { Db, Trx } from '../../db/database.js';
import { findUnit } from '../units/units.service.js';
import * as repo from './assets.repository.js';
import * as levels from './levels.repository.js';
import * as bulk from './assets-bulk.repository.js';
import { informationTypeExists } from '../information-types/information-types.service.js';
import { auditFields, toAssetDetailView, toAssetView, toIntegrationView, visibleScope } from './assets.views.js';

type CreateInput = z.output<typeof createAssetBody>;

/** The facts an approved classification rests on: a change to one marks it to be reviewed (issue 9, item 5). */
const REVIEW_FACTS = [
  ['personalData', 'personal_data'],
  ['hosting', 'hosting'],
  ['supplier', 'supplier'],
  ['thirdCountryTransfer', 'third_country_transfer'],
  ['lifecycle', 'lifecycle'],
  ['secrecyChapter', 'secrecy_chapter'],
  ['protectedIdentity', 'protected_identity'],
  ['criminalOffenceData', 'criminal_offence_data'],
  ['securityProtection', 'security_protection'],
] as const;

function reviewReasonsOf(before: repo.AssetRow, after: repo.AssetRow): string[] {
  if (!before.current_version_id) return [];
  return REVIEW_FACTS.filter(([, column]) => before[column] !== after[column]).map(([reason]) => reason);
}

/** Reasons already recorded keep their first date; new ones are added with today's. */
function withReasons(asset: repo.AssetRow, reasons: string[]) {
  const list = [...(asset.classification_review_reasons ?? [])];
  const at = new Date().toISOString();
  for (const reason of reasons) if (!list.some((r) => r.reason === reason)) list.push({ reason, at });
  return list;
}
type UpdateInput = z.output<typeof updateAssetBody>;
const PEOPLE = ['informationOwnerId', 'systemOwnerId', 'systemStewardId'] as const;

export function createAssetsService(db: Db) {
  async function load(dbOrTrx: Db | Trx, actor: Actor, id: string) {
    const asset = await repo.findById(dbOrTrx, actor.organizationId, id);
    if (!asset) throw new AppError('not_found');
    return asset;
  }

  async function detail(dbOrTrx: Db | Trx, actor: Actor, id: string): Promise<AssetDetailView> {
    const asset = await load(dbOrTrx, actor, id);
    const [sets, processors, integrations] = await Promise.all([
      asset.kind === 'information_set' ? [] : repo.linkedAssets(dbOrTrx, id, 'sets'),
      asset.kind === 'information_set' ? repo.linkedAssets(dbOrTrx, id, 'processors') : [],
      repo.integrationsOf(dbOrTrx, id),
    ]);
    // Links reach across units: the far end on a unit the reader cannot read shows neither name
    // nor levels, only that an asset is there.
    const hidden = hiddenAssetName(actor.locale);
    const sees = (path: string[]) => holdsOn(actor, 'asset.read', path);
    const redact = (r: (typeof sets)[number]) =>
      sees(r.unit_path) ? r : { ...r, name: hidden, level_c: null, level_i: null, level_a: null, level_t: null };
    const redactedIntegrations = integrations.map((i) => ({
      ...i,
      from_name: sees(i.from_path) ? i.from_name : hidden,
      to_name: sees(i.to_path) ? i.to_name : hidden,
    }));
    return toAssetDetailView(asset, sets.map(redact), processors.map(redact), redactedIntegrations);
  }

  async function openUnit(actor: Actor, unitId: string) {
    const unit = await findUnit(db, actor.organizationId, unitId);
    if (!unit || unit.closed_at) throw new AppError('unknown_unit', { field: 'unitId' });
    return unit;
  }

  /** People must be users of the same organisation; the information type must be the organisation's and only on sets. */
  async function checkReferences(actor: Actor, kind: string, input: Partial<CreateInput>) {
    const ids = PEOPLE.map((f) => input[f]).filter((v): v is string => Boolean(v));
    const known = await repo.existingUserIds(db, actor.organizationId, ids);
    for (const f of PEOPLE) {
      const v = input[f];
      if (v && !known.has(v)) throw new AppError('unknown_user', { field: f });
    }
    if (input.informationTypeId) {
      if (kind !== 'information_set') throw new AppError('information_type_only_for_sets', { field: 'informationTypeId' });
      if (!(await informationTypeExists(db, actor.organizationId, input.informationTypeId)))
        throw new AppError('unknown_information_type', { field: 'informationTypeId' });
    }
    if (input.externalId) {
      const other = await repo.findByExternalId(db, actor.organizationId, input.externalId);
      if (other && other.id !== (input as { id?: string }).id) throw new AppError('duplicate_external_id', { field: 'externalId' });
    }
  }

  function values(input: Partial<CreateInput>): repo.AssetValues & repo.AssetMethodValues {
    const map: [keyof CreateInput, keyof (repo.AssetValues & repo.AssetMethodValues)][] = [
      ['name', 'name'],
      ['description', 'description'],
      ['unitId', 'unit_id'],
      ['informationOwnerId', 'information_owner_id'],
      ['systemOwnerId', 'system_owner_id'],
      ['systemStewardId', 'system_steward_id'],
      ['supplier', 'supplier'],
      ['hosting', 'hosting'],
      ['thirdCountryTransfer', 'third_country_transfer'],
      ['thirdCountries', 'third_countries'],
      ['essentialService', 'essential_service'],
      ['personalData', 'personal_data'],
      ['lifecycle', 'lifecycle'],
      ['externalId', 'external_id'],
      ['tags', 'tags'],
      ['informationTypeId', 'information_type_id'],
      ['secrecyChapter', 'secrecy_chapter'],
      ['protectedIdentity', 'protected_identity'],
      ['criminalOffenceData', 'criminal_offence_data'],
      ['securityProtection', 'security_protection'],
    ];
    const out: Record<string, unknown> = {};
    for (const [from, to] of map) if (input[from] !== undefined) out[to] = input[from] ?? null;
    if (out.tags) out.tags = [...new Set(out.tags as string[])];
    return out as repo.AssetValues & repo.AssetMethodValues;
  }

  /** Both ends of a processing link or an integration, with the access each side needs. */
  async function pair(actor: Actor, id: string, otherId: string, otherField: string) {
    if (id === otherId) throw new AppError('asset_self_link', { field: otherField });
    const asset = await load(db, actor, id);
    requireAccess(actor, 'asset.write', { organizationId: asset.organization_id, unitPath: asset.unit_path });
    const other = await repo.findById(db, actor.organizationId, otherId);
    if (!other) throw new AppError('not_found', { field: otherField });
    requireAccess(actor, 'asset.read', { organizationId: other.organization_id, unitPath: other.unit_path });
    return { asset, other };
  }

  return {
    async list(actor: Actor, query: z.output<typeof assetListQuery>): Promise<Page<AssetView>> {
      requireAccess(actor, 'asset.read', { organizationId: actor.organizationId });
      const page = await repo.list(db, actor.organizationId, visibleScope(actor, 'asset.read'), query);
      const now = new Date();
      return { ...page, items: page.items.map((r) => toAssetView(r, now)) };
    },

    async facets(actor: Actor) {
      requireAccess(actor, 'asset.read', { organizationId: actor.organizationId });
      return repo.facets(db, actor.organizationId, visibleScope(actor, 'asset.read'));
    },

    async get(actor: Actor, id: string): Promise<AssetDetailView> {
      requireAccess(actor, 'asset.read', { organizationId: actor.organizationId });
      const asset = await load(db, actor, id);
      requireAccess(actor, 'asset.read', { organizationId: asset.organization_id, unitPath: asset.unit_path });
      return detail(db, actor, id);
    },

    async create(actor: Actor, input: CreateInput): Promise<AssetDetailView> {
      requireAccess(actor, 'asset.write', { organizationId: actor.organizationId });
      const unit = await openUnit(actor, input.unitId);
      requireAccess(actor, 'asset.write', { organizationId: unit.organization_id, unitPath: unit.path });
      await checkReferences(actor, input.kind, input);
      return db.transaction().execute(async (trx) => {
        const { id } = await repo.insert(trx, {
          ...values(input),
          organization_id: actor.organizationId,
          kind: input.kind,
          name: input.name,
          unit_id: unit.id,
          created_by: actor.userId,
        });
        const created = await load(trx, actor, id);
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'asset',
          entityId: id,
          entityLabel: created.name,
          unitId: unit.id,
          after: auditFields(created),
        });
        return detail(trx, actor, id);
      });
    },

    async update(actor: Actor, id: string, input: UpdateInput, expected?: ExpectedVersion): Promise<AssetDetailView> {
      const seen = await load(db, actor, id);
      requireAccess(actor, 'asset.write', { organizationId: seen.organization_id, unitPath: seen.unit_path });
      if (input.unitId && input.unitId !== seen.unit_id) {
        const unit = await openUnit(actor, input.unitId);
        requireAccess(actor, 'asset.write', { organizationId: unit.organization_id, unitPath: unit.path });
      }
      await checkReferences(actor, seen.kind, { ...input, id } as Partial<CreateInput>);
      return db.transaction().execute(async (trx) => {
        // Locked and re-read inside the transaction: the version check and the audit "before" see the committed row.
        await repo.lockForUpdate(trx, id);
        const before = await load(trx, actor, id);
        requireAccess(actor, 'asset.write', { organizationId: before.organization_id, unitPath: before.unit_path });
        await checkVersion(before.row_version, expected, () => detail(trx, actor, id));
        await repo.update(trx, id, values(input));
        let after = await load(trx, actor, id);
        // A fact the approved classification rests on changed: it is to be reviewed, and says why.
        const changed = reviewReasonsOf(before, after);
        // A delegate was recorded by the owner who named her: a new owner decides for herself.
        const ownerChanged = before.information_owner_id !== after.information_owner_id && after.decision_delegate_id !== null;
        if (changed.length || ownerChanged) {
          await repo.update(trx, id, {
            ...(changed.length ? { classification_review_reasons: JSON.stringify(withReasons(before, changed)) } : {}),
            ...(ownerChanged ? { decision_delegate_id: null } : {}),
          });
          if (ownerChanged)
            await recordAudit(trx, actor, {
              action: 'update',
              entityType: 'decision_delegate',
              entityId: id,
              entityLabel: after.name,
              unitId: after.unit_id,
              before: { delegateId: after.decision_delegate_id },
              after: { delegateId: null },
            });
          after = await load(trx, actor, id);
        }
        // A retired set no longer passes its levels on; a set brought back does again.
        if (after.kind === 'information_set' && (after.lifecycle === 'retired') !== (before.lifecycle === 'retired'))
          await levels.recomputeForSets(trx, [id]);
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'asset',
          entityId: id,
          entityLabel: after.name,
          unitId: after.unit_id,
          before: auditFields(before),
          after: auditFields(after),
        });
        return detail(trx, actor, id);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const asset = await load(db, actor, id);
      requireAccess(actor, 'asset.write', { organizationId: asset.organization_id, unitPath: asset.unit_path });
      if (asset.current_version_id) throw new AppError('asset_has_classification');
      await db.transaction().execute(async (trx) => {
        const processors = asset.kind === 'information_set' ? (await repo.linkedAssets(trx, id, 'processors')).map((p) => p.id) : [];
        await repo.remove(trx, id);
        await levels.recomputeProcessors(trx, processors);
        await recordAudit(trx, actor, {
          action: 'delete',
          entityType: 'asset',
          entityId: id,
          entityLabel: asset.name,
          unitId: asset.unit_id,
          before: auditFields(asset),
        });
      });
    },

    async linkSet(actor: Actor, id: string, setId: string): Promise<AssetDetailView> {
      const { asset, other } = await pair(actor, id, setId, 'informationSetId');
      if (asset.kind === 'information_set' || other.kind !== 'information_set')
        throw new AppError('asset_link_kind_mismatch', { field: 'informationSetId' });
      return db.transaction().execute(async (trx) => {
        const r = await repo.insertLink(trx, { organization_id: actor.organizationId, asset_id: id, information_set_id: setId });
        if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) {
          await levels.recomputeProcessors(trx, [id]);
          await recordAudit(trx, actor, {
            action: 'create',
            entityType: 'asset_link',
            entityId: id,
            entityLabel: `${asset.name} → ${other.name}`,
            unitId: asset.unit_id,
            after: { assetId: id, informationSetId: setId },
          });
        }
        return detail(trx, actor, id);
      });
    },

    async unlinkSet(actor: Actor, id: string, setId: string): Promise<AssetDetailView> {
      const asset = await load(db, actor, id);
      requireAccess(actor, 'asset.write', { organizationId: asset.organization_id, unitPath: asset.unit_path });
      return db.transaction().execute(async (trx) => {
        const r = await repo.deleteLink(trx, id, setId);
        if (Number(r.numDeletedRows) === 0) throw new AppError('not_found');
        await levels.recomputeProcessors(trx, [id]);
        await recordAudit(trx, actor, {
          action: 'delete',
          entityType: 'asset_link',
          entityId: id,
          entityLabel: asset.name,
          unitId: asset.unit_id,
          before: { assetId: id, informationSetId: setId },
        });
        return detail(trx, actor, id);
      });
    },

    async addIntegration(actor: Actor, id: string, input: z.output<typeof createIntegrationBody>): Promise<AssetDetailView> {
      const { asset, other } = await pair(actor, id, input.toAssetId, 'toAssetId');
      if (asset.kind === 'information_set' || other.kind === 'information_set')
        throw new AppError('asset_link_kind_mismatch', { field: 'toAssetId' });
      return db.transaction().execute(async (trx) => {
        const created = await repo.insertIntegration(trx, {
          organization_id: actor.organizationId,
          from_asset_id: id,
          to_asset_id: other.id,
          description: input.description ?? null,
        });
        // A new integration may call for a raise (the steward is prompted on both classified ends).
        for (const end of [asset, other])
          if (end.current_version_id)
            await repo.update(trx, end.id, { classification_review_reasons: JSON.stringify(withReasons(end, ['integration'])) });
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'asset_integration',
          entityId: created.id,
          entityLabel: `${asset.name} → ${other.name}`,
          unitId: asset.unit_id,
          after: { fromAssetId: id, toAssetId: other.id, description: input.description ?? null },
        });
        return detail(trx, actor, id);
      });
    },

    async updateIntegration(
      actor: Actor,
      integrationId: string,
      input: z.output<typeof updateIntegrationBody>,
      expected?: ExpectedVersion,
    ) {
      const seen = await repo.findIntegration(db, actor.organizationId, integrationId);
      if (!seen) throw new AppError('not_found');
      const from = await load(db, actor, seen.from_asset_id);
      requireAccess(actor, 'asset.write', { organizationId: from.organization_id, unitPath: from.unit_path });
      return db.transaction().execute(async (trx) => {
        await repo.lockIntegration(trx, integrationId);
        const integration = (await repo.findIntegration(trx, actor.organizationId, integrationId))!;
        await checkVersion(integration.row_version, expected, async () => toIntegrationView(integration));
        await repo.updateIntegration(trx, integrationId, input.description ?? null);
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'asset_integration',
          entityId: integrationId,
          entityLabel: `${integration.from_name} → ${integration.to_name}`,
          unitId: from.unit_id,
          before: { description: integration.description },
          after: { description: input.description ?? null },
        });
        return toIntegrationView((await repo.findIntegration(trx, actor.organizationId, integrationId))!);
      });
    },

    async removeIntegration(actor: Actor, integrationId: string): Promise<void> {
      const integration = await repo.findIntegration(db, actor.organizationId, integrationId);
      if (!integration) throw new AppError('not_found');
      const from = await load(db, actor, integration.from_asset_id);
      requireAccess(actor, 'asset.write', { organizationId: from.organization_id, unitPath: from.unit_path });
      await db.transaction().execute(async (trx) => {
        await repo.deleteIntegration(trx, integrationId);
        await recordAudit(trx, actor, {
          action: 'delete',
          entityType: 'asset_integration',
          entityId: integrationId,
          entityLabel: `${integration.from_name} → ${integration.to_name}`,
          unitId: from.unit_id,
          before: { fromAssetId: integration.from_asset_id, toAssetId: integration.to_asset_id, description: integration.description },
        });
      });
    },
  };
}

export type AssetsService = ReturnType<typeof createAssetsService>;

// Published to other modules: what they may do with assets in their own transactions.
export { visibleScope } from './assets.views.js';
export { importHeaders } from './assets.export.js';
// Other modules' audit vocabularies read asset values the way the asset's own events do.
export { assetAuditFields } from './assets.audit.js';

/** For the classification module: the asset a classification is about, and its levels as versions move. */
export const assetClassificationData = {
  findById: repo.findById,
  /** Locks the asset's row for the rest of the transaction (one open version per asset). */
  lock: repo.lockForUpdate,
  setOpenVersion: levels.setOpenVersion,
  applyApproved: levels.applyApproved,
  /** The owner's recorded delegate for deciding classifications (set by the classification module). */
  setDecisionDelegate: (trx: Trx, id: string, delegateId: string | null) => repo.update(trx, id, { decision_delegate_id: delegateId }),
  /** A new approved version answers the reasons to review: they are cleared. */
  clearReviewReasons: (trx: Trx, id: string) => repo.update(trx, id, { classification_review_reasons: null }),
};

/** For the inventory import: set-based writes of many assets and their links. */
export const assetBulkWrites = { ...bulk, recomputeProcessors: levels.recomputeProcessors };
