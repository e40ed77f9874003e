import {
  derive,
  formatProfile,
  inheritProfile,
  reviewStateOf,
  submissionIssues,
  type ClassificationModelDefinition,
  type ClassificationVersionView,
  type DerivationInput,
  type PersonalDataKind,
  type Profile,
} from '@tillit/core';
import { holdsOn, type Actor } from '../../platform/access.js';
import type { Db, Trx } from '../../db/database.js';
import type { VersionRow } from './classification.repository.js';
import { informationTypeById } from '../information-types/information-types.service.js';
import * as repo from './classification.repository.js';

/** What the rules need to know about the asset besides the answers. */
export interface Facts {
  personalData: PersonalDataKind;
  thirdCountryTransfer: 'yes' | 'no' | 'unknown';
  secrecyChapter: number | null;
  protectedIdentity: boolean;
  criminalOffenceData: boolean;
  securityProtection: boolean;
  informationTypeId: string | null;
  informationTypeName: string | null;
  typeRecommended: Profile | null;
  inherited: { levels: Profile; sets: { id: string; name: string; levels: Profile }[] } | null;
}

/** The facts as they are now (open versions follow the asset; approved versions keep their snapshot). */
type AssetFactsRow = {
  id: string;
  kind: string;
  personal_data: string;
  third_country_transfer: string;
  information_type_id: string | null;
  secrecy_chapter: number | null;
  protected_identity: boolean;
  criminal_offence_data: boolean;
  security_protection: boolean;
};

export async function liveFacts(db: Db | Trx, asset: AssetFactsRow): Promise<Facts> {
  let typeName: string | null = null;
  let typeRecommended: Profile | null = null;
  if (asset.kind === 'information_set' && asset.information_type_id) {
    const t = await informationTypeById(db, asset.information_type_id);
    if (t) {
      typeName = t.name;
      typeRecommended = { C: t.rec_c, I: t.rec_i, A: t.rec_a, T: t.rec_t };
    }
  }
  let inherited: Facts['inherited'] = null;
  if (asset.kind !== 'information_set') {
    const sets = (await repo.processedSets(db, asset.id)).map((s) => ({
      id: s.id,
      name: s.name,
      levels: { C: s.approved_c, I: s.approved_i, A: s.approved_a, T: s.approved_t },
    }));
    inherited = { levels: inheritProfile(sets.map((s) => s.levels)), sets };
  }
  return {
    personalData: asset.personal_data as PersonalDataKind,
    thirdCountryTransfer: asset.third_country_transfer as Facts['thirdCountryTransfer'],
    ...factsOfRow(asset),
    informationTypeId: typeRecommended ? asset.information_type_id : null,
    informationTypeName: typeName,
    typeRecommended,
    inherited,
  };
}

const factsOfRow = (
  r: Pick<AssetFactsRow, 'secrecy_chapter' | 'protected_identity' | 'criminal_offence_data' | 'security_protection'>,
) => ({
  secrecyChapter: r.secrecy_chapter,
  protectedIdentity: r.protected_identity,
  criminalOffenceData: r.criminal_offence_data,
  securityProtection: r.security_protection,
});

export function snapshotFacts(v: VersionRow): Facts {
  return {
    personalData: v.personal_data as PersonalDataKind,
    thirdCountryTransfer: v.third_country_transfer as Facts['thirdCountryTransfer'],
    ...factsOfRow(v),
    informationTypeId: v.information_type_id,
    informationTypeName: v.information_type_name,
    typeRecommended: (v.type_recommended as Profile | null) ?? null,
    inherited: (v.inherited as Facts['inherited']) ?? null,
  };
}

export function inputOf(
  v: Pick<VersionRow, 'answers' | 'raises' | 'justifications' | 'type_deviation_reason'>,
  facts: Facts,
): DerivationInput & { justifications: VersionRow['justifications']; typeDeviationReason: string | null } {
  return {
    answers: v.answers,
    raises: v.raises,
    justifications: v.justifications,
    typeDeviationReason: v.type_deviation_reason,
    personalData: facts.personalData,
    thirdCountryTransfer: facts.thirdCountryTransfer,
    secrecyChapter: facts.secrecyChapter,
    protectedIdentity: facts.protectedIdentity,
    criminalOffenceData: facts.criminalOffenceData,
    securityProtection: facts.securityProtection,
    typeRecommended: facts.typeRecommended,
    inherited: facts.inherited?.levels ?? null,
  };
}

/** The columns that freeze the facts and the result on a version. */
export function snapshotValues(
  model: ClassificationModelDefinition,
  v: Pick<VersionRow, 'answers' | 'raises' | 'justifications' | 'type_deviation_reason'>,
  facts: Facts,
) {
  const d = derive(model, inputOf(v, facts));
  return {
    personal_data: facts.personalData,
    third_country_transfer: facts.thirdCountryTransfer,
    secrecy_chapter: facts.secrecyChapter,
    protected_identity: facts.protectedIdentity,
    criminal_offence_data: facts.criminalOffenceData,
    security_protection: facts.securityProtection,
    information_type_id: facts.informationTypeId,
    information_type_name: facts.informationTypeName,
    type_recommended: facts.typeRecommended ? JSON.stringify(facts.typeRecommended) : null,
    inherited: facts.inherited ? JSON.stringify(facts.inherited) : null,
    derivation: JSON.stringify(d),
    level_c: d.profile.C,
    level_i: d.profile.I,
    level_a: d.profile.A,
    level_t: d.profile.T,
    special_analysis: d.specialAnalysis,
  };
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export type DecisionBlock = 'no_owner' | 'not_owner' | 'prepared_alone' | 'no_permission';
type DeciderFields = Pick<VersionRow, 'information_owner_id' | 'decision_delegate_id' | 'contributor_ids' | 'unit_path'>;

/** Whether the version's preparers are this one person alone (an empty list: nobody prepared it). */
const preparedAloneBy = (v: Pick<VersionRow, 'contributor_ids'>, userId: string) =>
  v.contributor_ids.length > 0 && v.contributor_ids.every((id) => id === userId);

/**
 * Who decides (fastställer) a classification: the asset's named information owner or her recorded
 * delegate, holding the approve permission on the asset's unit. Four eyes: not when she prepared
 * the version alone — her own edits in a workshop someone else prepared do not bar her. An asset
 * without a named owner cannot be decided at all. The notification query applies the same rule.
 */
export function decisionBlock(actor: Actor, v: DeciderFields): DecisionBlock | null {
  if (!v.information_owner_id) return 'no_owner';
  if (!actor.userId || (actor.userId !== v.information_owner_id && actor.userId !== v.decision_delegate_id)) return 'not_owner';
  if (!holdsOn(actor, 'classification.approve', v.unit_path)) return 'no_permission';
  if (preparedAloneBy(v, actor.userId)) return 'prepared_alone';
  return null;
}

/**
 * The quality check (granskad): someone holding the approve permission on the unit who is not the
 * decider (the coordinator advises, the owner decides) and did not prepare the version alone.
 */
export function mayCheck(actor: Actor, v: DeciderFields): boolean {
  if (!actor.userId || !holdsOn(actor, 'classification.approve', v.unit_path)) return false;
  if (actor.userId === v.information_owner_id || actor.userId === v.decision_delegate_id) return false;
  return !preparedAloneBy(v, actor.userId);
}

export function toVersionView(
  v: VersionRow,
  model: ClassificationModelDefinition,
  facts: Facts,
  actor: Actor,
  names: Map<string, string>,
  locale: 'sv' | 'en' = 'sv',
): ClassificationVersionView {
  const input = inputOf(v, facts);
  const derivation = derive(model, input);
  const open = v.status !== 'approved';
  const contributors = v.contributor_ids.map((id) => ({ id, name: names.get(id) ?? '' }));
  const block = decisionBlock(actor, v);
  return {
    id: v.id,
    rowVersion: v.row_version,
    assetId: v.asset_id,
    assetName: v.asset_name,
    assetKind: v.asset_kind as ClassificationVersionView['assetKind'],
    unitId: v.unit_id,
    versionNo: v.version_no,
    modelId: v.model_id,
    modelVersion: v.model_version,
    status: v.status as ClassificationVersionView['status'],
    superseded: Boolean(v.superseded_at),
    reviewState: v.status === 'approved' ? reviewStateOf(v.review_due_at) : null,
    answers: v.answers as ClassificationVersionView['answers'],
    justifications: v.justifications as ClassificationVersionView['justifications'],
    raises: v.raises as ClassificationVersionView['raises'],
    typeDeviationReason: v.type_deviation_reason,
    notes: v.notes,
    facts: {
      personalData: facts.personalData,
      thirdCountryTransfer: facts.thirdCountryTransfer,
      secrecyChapter: facts.secrecyChapter,
      protectedIdentity: facts.protectedIdentity,
      criminalOffenceData: facts.criminalOffenceData,
      securityProtection: facts.securityProtection,
      informationTypeId: facts.informationTypeId,
      informationTypeName: facts.informationTypeName,
      typeRecommended: facts.typeRecommended,
    },
    inherited: facts.inherited,
    derivation: derivation as ClassificationVersionView['derivation'],
    profile: derivation.profile,
    profileLabel: formatProfile(model, derivation.profile, locale),
    specialAnalysis: derivation.specialAnalysis,
    issues: open ? submissionIssues(model, input) : [],
    author: person(v.author_id, v.author_name),
    contributors,
    submittedBy: person(v.submitted_by, v.submitted_by_name),
    submittedAt: v.submitted_at?.toISOString() ?? null,
    decidedBy: person(v.decided_by, v.decided_by_name),
    decidedAt: v.decided_at?.toISOString() ?? null,
    decisionComment: v.decision_comment,
    checkedBy: person(v.checked_by, v.checked_by_name),
    checkedAt: v.checked_at?.toISOString() ?? null,
    checkComment: v.check_comment,
    informationOwner: person(v.information_owner_id, v.information_owner_name),
    decisionDelegate: person(v.decision_delegate_id, v.decision_delegate_name),
    reviewDueAt: v.review_due_at?.toISOString() ?? null,
    createdAt: v.created_at.toISOString(),
    updatedAt: v.updated_at.toISOString(),
    canDecide: v.status === 'submitted' && block === null,
    decisionBlock: v.status === 'submitted' ? block : null,
    canCheck: v.status === 'submitted' && mayCheck(actor, v),
    canEdit: (v.status === 'draft' || v.status === 'returned') && holdsOn(actor, 'classification.write', v.unit_path),
  };
}

export function toListItem(
  v: VersionRow | repo.VersionListRow,
  model: ClassificationModelDefinition | undefined,
  locale: 'sv' | 'en' = 'sv',
) {
  const profile: Profile = { C: v.level_c, I: v.level_i, A: v.level_a, T: v.level_t };
  return {
    id: v.id,
    assetId: v.asset_id,
    assetName: v.asset_name,
    assetKind: v.asset_kind as ClassificationVersionView['assetKind'],
    unitId: v.unit_id,
    unitName: v.unit_name,
    versionNo: v.version_no,
    status: v.status as ClassificationVersionView['status'],
    superseded: Boolean(v.superseded_at),
    profile,
    profileLabel: model ? formatProfile(model, profile, locale) : '',
    specialAnalysis: v.special_analysis,
    author: person(v.author_id, v.author_name),
    submittedAt: v.submitted_at?.toISOString() ?? null,
    decidedAt: v.decided_at?.toISOString() ?? null,
    reviewDueAt: v.review_due_at?.toISOString() ?? null,
    updatedAt: v.updated_at.toISOString(),
  };
}

/** Dotted paths whose values differ between two versions (for the side-by-side comparison). */
export function differences(a: ClassificationVersionView, b: ClassificationVersionView) {
  const pick = (v: ClassificationVersionView) => ({
    modelVersion: v.modelVersion,
    profile: v.profile,
    answers: v.answers,
    justifications: v.justifications,
    raises: v.raises,
    typeDeviationReason: v.typeDeviationReason,
    facts: { personalData: v.facts.personalData, informationTypeName: v.facts.informationTypeName },
    reviewDueAt: v.reviewDueAt,
  });
  const out: { path: string; a: unknown; b: unknown }[] = [];
  const walk = (x: unknown, y: unknown, path: string) => {
    const isObj = (o: unknown): o is Record<string, unknown> => typeof o === 'object' && o !== null && !Array.isArray(o);
    if (isObj(x) || isObj(y)) {
      const xo = isObj(x) ? x : {};
      const yo = isObj(y) ? y : {};
      for (const k of new Set([...Object.keys(xo), ...Object.keys(yo)])) walk(xo[k], yo[k], path ? `${path}.${k}` : k);
      return;
    }
    if (JSON.stringify(x ?? null) !== JSON.stringify(y ?? null)) out.push({ path, a: x ?? null, b: y ?? null });
  };
  walk(pick(a), pick(b), '');
  return out;
}
