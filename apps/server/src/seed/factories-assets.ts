import { derive, type Answers, type Justifications, type Profile, type Raises } from '@tillit/core';
import type { Trx } from '../db/database.js';
import { systemActor, type Actor } from '../platform/access.js';
import { recordAudit } from '../platform/audit/audit.js';
import * as assetsRepo from '../modules/assets/assets.repository.js';
import * as levels from '../modules/assets/levels.repository.js';
import { currentModel } from '../modules/classification/models.service.js';
import * as versionsRepo from '../modules/classification/classification.repository.js';
import { liveFacts, snapshotValues } from '../modules/classification/classification.views.js';

/**
 * Factories for information assets and classifications, shared by tests, the demo organisation and
 * the benchmark generator. They write through the repositories and audit like the services do.
 */
let counter = 0;
const next = () => ++counter;

type AssetOverrides = Partial<{
  name: string;
  description: string | null;
  informationOwnerId: string | null;
  systemOwnerId: string | null;
  systemStewardId: string | null;
  supplier: string | null;
  hosting: string | null;
  thirdCountryTransfer: string;
  thirdCountries: string[];
  essentialService: string;
  personalData: string;
  lifecycle: string;
  externalId: string | null;
  tags: string[];
  informationTypeId: string | null;
  secrecyChapter: number | null;
  protectedIdentity: boolean;
  criminalOffenceData: boolean;
  securityProtection: boolean;
}>;

export async function makeAsset(
  trx: Trx,
  unit: { id: string; organization_id: string },
  kind: 'information_set' | 'system' | 'process',
  overrides: AssetOverrides = {},
  actor?: Actor,
) {
  const n = next();
  const values = {
    organization_id: unit.organization_id,
    kind,
    name: overrides.name ?? `${kind === 'system' ? 'System' : kind === 'process' ? 'Process' : 'Informationsmängd'} ${n}`,
    unit_id: unit.id,
    created_by: actor?.userId ?? null,
    description: overrides.description ?? null,
    information_owner_id: overrides.informationOwnerId ?? null,
    system_owner_id: overrides.systemOwnerId ?? null,
    system_steward_id: overrides.systemStewardId ?? null,
    supplier: overrides.supplier ?? null,
    hosting: overrides.hosting ?? null,
    third_country_transfer: overrides.thirdCountryTransfer ?? 'no',
    third_countries: overrides.thirdCountries ?? [],
    essential_service: overrides.essentialService ?? 'no',
    personal_data: overrides.personalData ?? 'none',
    lifecycle: overrides.lifecycle ?? 'in_use',
    external_id: overrides.externalId ?? null,
    tags: overrides.tags ?? [],
    information_type_id: overrides.informationTypeId ?? null,
    secrecy_chapter: overrides.secrecyChapter ?? null,
    protected_identity: overrides.protectedIdentity ?? false,
    criminal_offence_data: overrides.criminalOffenceData ?? false,
    security_protection: overrides.securityProtection ?? false,
  };
  const { id } = await assetsRepo.insert(trx, values);
  await recordAudit(trx, actor ?? systemActor(unit.organization_id), {
    action: 'create',
    entityType: 'asset',
    entityId: id,
    entityLabel: values.name,
    unitId: unit.id,
    after: { kind, name: values.name },
  });
  return { id, kind, name: values.name, unit_id: unit.id, organization_id: unit.organization_id };
}

export const makeSystem = (trx: Trx, unit: { id: string; organization_id: string }, overrides: AssetOverrides = {}, actor?: Actor) =>
  makeAsset(trx, unit, 'system', overrides, actor);
export const makeInformationSet = (
  trx: Trx,
  unit: { id: string; organization_id: string },
  overrides: AssetOverrides = {},
  actor?: Actor,
) => makeAsset(trx, unit, 'information_set', overrides, actor);

/** The system/process processes the information sets; its inherited levels are recomputed unless told not to (bulk seeding). */
export async function linkSets(
  trx: Trx,
  processor: { id: string; organization_id: string },
  setIds: string[],
  opts: { recompute?: boolean } = {},
) {
  if (setIds.length)
    await trx
      .insertInto('asset_links')
      .values(setIds.map((setId) => ({ organization_id: processor.organization_id, asset_id: processor.id, information_set_id: setId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  if (opts.recompute !== false) await levels.recomputeProcessors(trx, [processor.id]);
}

export interface ClassificationOverrides {
  status?: 'draft' | 'submitted' | 'returned' | 'approved';
  answers?: Answers;
  justifications?: Justifications;
  raises?: Raises;
  typeDeviationReason?: string | null;
  authorId?: string | null;
  /** Everyone who worked on the version (default: the author alone). */
  contributorIds?: string[];
  deciderId?: string | null;
  decisionComment?: string | null;
  /** Approved versions: when (default now) and the review date (default twelve months on). */
  approvedAt?: Date;
  reviewDueAt?: Date;
}

/**
 * A classification version with the given status, computed with the organisation's current model
 * exactly as the service would. An approved version becomes the asset's current classification.
 */
export async function makeClassification(trx: Trx, asset: { id: string; organization_id: string }, o: ClassificationOverrides = {}) {
  const model = await currentModel(trx, asset.organization_id);
  const row = (await assetsRepo.findById(trx, asset.organization_id, asset.id))!;
  const facts = await liveFacts(trx, row);
  const content = {
    answers: (o.answers ?? {}) as never,
    justifications: (o.justifications ?? {}) as never,
    raises: (o.raises ?? {}) as never,
    type_deviation_reason: o.typeDeviationReason ?? null,
  };
  const status = o.status ?? 'approved';
  const approvedAt = o.approvedAt ?? new Date();
  const reviewDueAt = o.reviewDueAt ?? new Date(approvedAt.getTime() + 365 * 86_400_000);
  const decided = status === 'approved' || status === 'returned';
  const contributors = o.contributorIds ?? (o.authorId ? [o.authorId] : []);
  const { id } = await versionsRepo.insert(trx, {
    organization_id: asset.organization_id,
    asset_id: asset.id,
    version_no: await versionsRepo.nextVersionNo(trx, asset.id),
    model_id: model.id,
    status,
    author_id: o.authorId ?? null,
    contributor_ids: contributors,
    answers: JSON.stringify(content.answers),
    justifications: JSON.stringify(content.justifications),
    raises: JSON.stringify(content.raises),
    type_deviation_reason: content.type_deviation_reason,
    ...snapshotValues(model.definition, content, facts),
    ...(status !== 'draft' ? { submitted_by: o.authorId ?? null, submitted_at: new Date(approvedAt.getTime() - 86_400_000) } : {}),
    ...(decided ? { decided_by: o.deciderId ?? null, decided_at: approvedAt, decision_comment: o.decisionComment ?? null } : {}),
    ...(status === 'approved' ? { approved_at: approvedAt, review_due_at: reviewDueAt } : {}),
  });
  const actor = systemActor(asset.organization_id);
  if (status === 'approved') {
    await versionsRepo.supersedeOthers(trx, asset.id, id, approvedAt);
    const d = derive(model.definition, { ...content, ...facts, inherited: facts.inherited?.levels ?? null });
    await levels.applyApproved(trx, row, {
      id,
      profile: d.profile as Profile,
      specialAnalysis: d.specialAnalysis,
      approvedAt,
      reviewDueAt,
    });
  } else {
    await levels.setOpenVersion(trx, asset.id, { id, status });
  }
  await recordAudit(trx, actor, {
    action: status === 'approved' ? 'approve' : 'create',
    entityType: 'classification',
    entityId: id,
    entityLabel: row.name,
    unitId: row.unit_id,
    changes: { status: { after: status } },
  });
  return { id, status };
}
