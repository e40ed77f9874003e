import { aspectKeys, reviewStateOf, type AssetDetailView, type AssetRef, type AssetView, type Profile } from '@tillit/core';
import type { Actor } from '../../platform/access.js';
import { grantedUnitIds } from '../../platform/access.js';
import type { Permission } from '@tillit/core';
import type { AssetRow } from './assets.repository.js';
import type * as repo from './assets.repository.js';

type LinkedRow = Awaited<ReturnType<typeof repo.linkedAssets>>[number];
type IntegrationRow = Awaited<ReturnType<typeof repo.integrationsOf>>[number];

/** Sub-tree roots where the actor holds the permission; null = no restriction (the system itself). */
export function visibleScope(actor: Actor, permission: Permission): string[] | null {
  return actor.kind === 'system' ? null : grantedUnitIds(actor, permission);
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export const profileOf = (r: {
  level_c: number | null;
  level_i: number | null;
  level_a: number | null;
  level_t: number | null;
}): Profile => ({
  C: r.level_c,
  I: r.level_i,
  A: r.level_a,
  T: r.level_t,
});

const approvedOf = (r: AssetRow): Profile => ({ C: r.approved_c, I: r.approved_i, A: r.approved_a, T: r.approved_t });
const derivedOf = (r: AssetRow): Profile => ({ C: r.derived_c, I: r.derived_i, A: r.derived_a, T: r.derived_t });

export function toAssetView(r: AssetRow, now = new Date()): AssetView {
  return {
    id: r.id,
    rowVersion: r.row_version,
    kind: r.kind as AssetView['kind'],
    name: r.name,
    description: r.description,
    unitId: r.unit_id,
    unitName: r.unit_name,
    informationOwner: person(r.information_owner_id, r.information_owner_name),
    decisionDelegateId: r.decision_delegate_id,
    systemOwner: person(r.system_owner_id, r.system_owner_name),
    systemSteward: person(r.system_steward_id, r.system_steward_name),
    supplier: r.supplier,
    hosting: r.hosting as AssetView['hosting'],
    thirdCountryTransfer: r.third_country_transfer as AssetView['thirdCountryTransfer'],
    thirdCountries: r.third_countries,
    essentialService: r.essential_service as AssetView['essentialService'],
    personalData: r.personal_data as AssetView['personalData'],
    secrecyChapter: r.secrecy_chapter,
    protectedIdentity: r.protected_identity,
    criminalOffenceData: r.criminal_offence_data,
    securityProtection: r.security_protection,
    lifecycle: r.lifecycle as AssetView['lifecycle'],
    externalId: r.external_id,
    tags: r.tags,
    informationTypeId: r.information_type_id,
    informationTypeName: r.information_type_name,
    levels: profileOf(r),
    specialAnalysis: r.special_analysis,
    classification: {
      reviewState: r.approved_at ? reviewStateOf(r.review_due_at, now) : 'missing',
      reviewDueAt: r.review_due_at?.toISOString() ?? null,
      approvedAt: r.approved_at?.toISOString() ?? null,
      currentVersionId: r.current_version_id,
      openVersionId: r.open_version_id,
      workStatus: r.work_status as AssetView['classification']['workStatus'],
      reviewReasons: (r.classification_review_reasons ?? []) as AssetView['classification']['reviewReasons'],
    },
    linkCount: r.link_count,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function toAssetRef(r: LinkedRow): AssetRef {
  return {
    id: r.id,
    kind: r.kind as AssetRef['kind'],
    name: r.name,
    unitId: r.unit_id,
    lifecycle: r.lifecycle as AssetRef['lifecycle'],
    levels: profileOf(r),
  };
}

export function toIntegrationView(i: Omit<IntegrationRow, 'from_path' | 'to_path'>) {
  return {
    id: i.id,
    rowVersion: i.row_version,
    from: { id: i.from_asset_id, name: i.from_name },
    to: { id: i.to_asset_id, name: i.to_name },
    description: i.description,
    createdAt: i.created_at.toISOString(),
  };
}

export function toAssetDetailView(
  r: AssetRow,
  sets: LinkedRow[],
  processors: LinkedRow[],
  integrations: IntegrationRow[],
): AssetDetailView {
  const isProcessor = r.kind !== 'information_set';
  const approved = r.approved_at ? approvedOf(r) : null;
  const derived = isProcessor ? derivedOf(r) : null;
  let levelSources: AssetDetailView['levelSources'] = null;
  if (isProcessor) {
    const live = sets.filter((s) => s.lifecycle !== 'retired');
    levelSources = {} as NonNullable<AssetDetailView['levelSources']>;
    for (const a of aspectKeys) {
      const d = derived![a];
      const own = approved?.[a] ?? null;
      levelSources[a] = {
        effective: profileOf(r)[a],
        derived: d,
        approved: own,
        fromSets: d === null ? [] : live.filter((s) => profileOf(s)[a] === d).map((s) => ({ id: s.id, name: s.name, level: d })),
        inheritedAboveApproved: own !== null && d !== null && d > own,
      };
    }
  }
  return {
    ...toAssetView(r),
    approvedLevels: approved,
    derivedLevels: derived,
    levelSources,
    informationSets: sets.map(toAssetRef),
    processedBy: processors.map(toAssetRef),
    integrations: integrations.map(toIntegrationView),
  };
}

/** The fields an audit event records for an asset. */
export function auditFields(r: AssetRow) {
  return {
    kind: r.kind,
    name: r.name,
    description: r.description,
    unitId: r.unit_id,
    informationOwnerId: r.information_owner_id,
    systemOwnerId: r.system_owner_id,
    systemStewardId: r.system_steward_id,
    supplier: r.supplier,
    hosting: r.hosting,
    thirdCountryTransfer: r.third_country_transfer,
    thirdCountries: r.third_countries,
    essentialService: r.essential_service,
    personalData: r.personal_data,
    lifecycle: r.lifecycle,
    externalId: r.external_id,
    tags: r.tags,
    informationTypeId: r.information_type_id,
    secrecyChapter: r.secrecy_chapter,
    protectedIdentity: r.protected_identity,
    criminalOffenceData: r.criminal_offence_data,
    securityProtection: r.security_protection,
  };
}
