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
  informationTypeId: string | null;
  informationTypeName: string | null;
  typeRecommended: Profile | null;
  inherited: { levels: Profile; sets: { id: string; name: string; levels: Profile }[] } | null;
}

/** The facts as they are now (open versions follow the asset; approved versions keep their snapshot). */
export async function liveFacts(db: Db | Trx, asset: { id: string; kind: string; personal_data: string; third_country_transfer: string; information_type_id: string | null }): Promise<Facts> {
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
    const sets = (await repo.processedSets(db, asset.id)).map((s) => ({ id: s.id, name: s.name, levels: { C: s.approved_c, I: s.approved_i, A: s.approved_a, T: s.approved_t } }));
    inherited = { levels: inheritProfile(sets.map((s) => s.levels)), sets };
  }
  return {
    personalData: asset.personal_data as PersonalDataKind,
    thirdCountryTransfer: asset.third_country_transfer as Facts['thirdCountryTransfer'],
    informationTypeId: typeRecommended ? asset.information_type_id : null,
    informationTypeName: typeName,
    typeRecommended,
    inherited,
  };
}

export function snapshotFacts(v: VersionRow): Facts {
  return {
    personalData: v.personal_data as PersonalDataKind,
    thirdCountryTransfer: v.third_country_transfer as Facts['thirdCountryTransfer'],
    informationTypeId: v.information_type_id,
    informationTypeName: v.information_type_name,
    typeRecommended: (v.type_recommended as Profile | null) ?? null,
    inherited: (v.inherited as Facts['inherited']) ?? null,
  };
}

export function inputOf(v: Pick<VersionRow, 'answers' | 'raises' | 'justifications' | 'type_deviation_reason'>, facts: Facts): DerivationInput & { justifications: VersionRow['justifications']; typeDeviationReason: string | null } {
  return {
    answers: v.answers,
    raises: v.raises,
    justifications: v.justifications,
    typeDeviationReason: v.type_deviation_reason,
    personalData: facts.personalData,
    thirdCountryTransfer: facts.thirdCountryTransfer,
    typeRecommended: facts.typeRecommended,
    inherited: facts.inherited?.levels ?? null,
  };
}

/** The columns that freeze the facts and the result on a version. */
export function snapshotValues(model: ClassificationModelDefinition, v: Pick<VersionRow, 'answers' | 'raises' | 'justifications' | 'type_deviation_reason'>, facts: Facts) {
  const d = derive(model, inputOf(v, facts));
  return {
    personal_data: facts.personalData,
    third_country_transfer: facts.thirdCountryTransfer,
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

export function toVersionView(v: VersionRow, model: ClassificationModelDefinition, facts: Facts, actor: Actor, names: Map<string, string>, locale: 'sv' | 'en' = 'sv'): ClassificationVersionView {
  const input = inputOf(v, facts);
  const derivation = derive(model, input);
  const open = v.status !== 'approved';
  const contributors = v.contributor_ids.map((id) => ({ id, name: names.get(id) ?? '' }));
  const mayDecide = holdsOn(actor, 'classification.approve', v.unit_path) && !(actor.userId && v.contributor_ids.includes(actor.userId));
  return {
    id: v.id,
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
    facts: { personalData: facts.personalData, thirdCountryTransfer: facts.thirdCountryTransfer, informationTypeId: facts.informationTypeId, informationTypeName: facts.informationTypeName, typeRecommended: facts.typeRecommended },
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
    reviewDueAt: v.review_due_at?.toISOString() ?? null,
    createdAt: v.created_at.toISOString(),
    updatedAt: v.updated_at.toISOString(),
    canDecide: v.status === 'submitted' && mayDecide,
    canEdit: (v.status === 'draft' || v.status === 'returned') && holdsOn(actor, 'classification.write', v.unit_path),
  };
}

export function toListItem(v: VersionRow | repo.VersionListRow, model: ClassificationModelDefinition | undefined, locale: 'sv' | 'en' = 'sv') {
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
