import type { z } from 'zod';
import {
  aspectKeys,
  defaultReviewDue,
  derive,
  formatProfile,
  levelIssues,
  raiseIssues,
  submissionIssues,
  type approveClassificationBody,
  type ClassificationModelDefinition,
  type ClassificationVersionView,
  type classificationListQuery,
  type returnClassificationBody,
  type reviewClassificationBody,
  type saveClassificationBody,
} from '@tillit/core';
import { requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { checkVersion, type ExpectedVersion } from '../../platform/concurrency.js';
import type { Db, Trx } from '../../db/database.js';
import { assetClassificationData as assets, visibleScope } from '../assets/assets.service.js';
import * as modelsRepo from './models.repository.js';
import { currentModel } from './models.service.js';
import * as repo from './classification.repository.js';
import {
  decisionBlock,
  differences,
  inputOf,
  liveFacts,
  mayCheck,
  snapshotFacts,
  snapshotValues,
  toListItem,
  toVersionView,
  type Facts,
} from './classification.views.js';

type SaveInput = z.output<typeof saveClassificationBody>;
type Content = Pick<repo.VersionRow, 'answers' | 'raises' | 'justifications' | 'type_deviation_reason'>;
const OPEN = ['draft', 'returned'];

export function createClassificationService(db: Db) {
  // Model versions never change once written, so their definitions can be kept.
  const models = new Map<string, ClassificationModelDefinition>();
  async function modelOf(dbOrTrx: Db | Trx, organizationId: string, id: string) {
    if (!models.has(id)) models.set(id, (await modelsRepo.findById(dbOrTrx, organizationId, id))!.definition);
    return models.get(id)!;
  }

  async function loadAsset(dbOrTrx: Db | Trx, actor: Actor, id: string) {
    const asset = await assets.findById(dbOrTrx, actor.organizationId, id);
    if (!asset) throw new AppError('not_found');
    return asset;
  }

  async function loadVersion(dbOrTrx: Db | Trx, actor: Actor, id: string, forUpdate = false) {
    const v = await repo.findById(dbOrTrx, actor.organizationId, id, forUpdate);
    if (!v) throw new AppError('not_found');
    return v;
  }

  async function factsOf(dbOrTrx: Db | Trx, actor: Actor, v: repo.VersionRow): Promise<Facts> {
    return v.status === 'approved' ? snapshotFacts(v) : liveFacts(dbOrTrx, await loadAsset(dbOrTrx, actor, v.asset_id));
  }

  async function view(dbOrTrx: Db | Trx, actor: Actor, id: string): Promise<ClassificationVersionView> {
    const v = await loadVersion(dbOrTrx, actor, id);
    const names = new Map((await repo.userNames(dbOrTrx, v.contributor_ids)).map((u) => [u.id, u.name]));
    return toVersionView(
      v,
      await modelOf(dbOrTrx, actor.organizationId, v.model_id),
      await factsOf(dbOrTrx, actor, v),
      actor,
      names,
      actor.locale,
    );
  }

  const withContributor = (ids: string[], actor: Actor) => (actor.userId && !ids.includes(actor.userId) ? [...ids, actor.userId] : ids);

  /** Levels outside the model and raises below the derived level are refused when saved, not only on submit. */
  function checkContent(model: ClassificationModelDefinition, content: Content, facts: Facts) {
    const input = inputOf(content, facts);
    const range = levelIssues(model, input);
    if (range.some((i) => i.code === 'level_out_of_range')) throw new AppError('level_out_of_range', { issues: range });
    if (range.some((i) => i.code === 'level_requires_security_protection'))
      throw new AppError('level_requires_security_protection', { issues: range });
    if (range.length) throw new AppError('validation_failed', { issues: range });
    const below = raiseIssues(derive(model, input), input.raises).filter((i) => i.code === 'level_below_derived');
    if (below.length) throw new AppError('level_below_derived', { issues: below });
  }

  /**
   * The asset's information owner (or her recorded delegate) decides; four eyes: not when she
   * prepared the version alone (the rule is `decisionBlock` in the views).
   */
  function requireDecider(actor: Actor, v: repo.VersionRow) {
    requireAccess(actor, 'classification.approve', { organizationId: v.organization_id, unitPath: v.unit_path });
    const block = decisionBlock(actor, v);
    if (block === 'no_owner') throw new AppError('information_owner_missing', { field: 'informationOwnerId' });
    if (block === 'not_owner') throw new AppError('not_information_owner');
    if (block === 'prepared_alone') throw new AppError('four_eyes_required', { reason: 'prepared_alone' });
    if (v.status !== 'submitted') throw new AppError('classification_not_submitted');
  }

  /** The quality check: the approve permission on the unit, not the decider, not the sole preparer. */
  function requireChecker(actor: Actor, v: repo.VersionRow) {
    requireAccess(actor, 'classification.approve', { organizationId: v.organization_id, unitPath: v.unit_path });
    if (v.status !== 'submitted') throw new AppError('classification_not_submitted');
    if (actor.userId && (actor.userId === v.information_owner_id || actor.userId === v.decision_delegate_id))
      throw new AppError('check_by_owner');
    if (!mayCheck(actor, v)) throw new AppError('four_eyes_required', { reason: 'prepared_alone' });
  }

  const service = {
    async listForAsset(actor: Actor, assetId: string) {
      requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
      const asset = await loadAsset(db, actor, assetId);
      requireAccess(actor, 'classification.read', { organizationId: asset.organization_id, unitPath: asset.unit_path });
      const rows = await repo.listForAsset(db, assetId);
      return Promise.all(rows.map(async (v) => toListItem(v, await modelOf(db, actor.organizationId, v.model_id), actor.locale)));
    },

    async list(actor: Actor, query: z.output<typeof classificationListQuery>) {
      requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
      const decider = query.awaitingMyDecision
        ? { userId: actor.userId ?? '00000000-0000-0000-0000-000000000000', scope: visibleScope(actor, 'classification.approve') }
        : undefined;
      const page = await repo.list(db, actor.organizationId, visibleScope(actor, 'classification.read'), {
        ...query,
        ...(decider ? { decider } : {}),
      });
      const items = await Promise.all(
        page.items.map(async (v) => toListItem(v, await modelOf(db, actor.organizationId, v.model_id), actor.locale)),
      );
      return { ...page, items };
    },

    async get(actor: Actor, id: string) {
      requireAccess(actor, 'classification.read', { organizationId: actor.organizationId });
      const v = await loadVersion(db, actor, id);
      requireAccess(actor, 'classification.read', { organizationId: v.organization_id, unitPath: v.unit_path });
      return view(db, actor, id);
    },

    async compare(actor: Actor, a: string, b: string) {
      const [va, vb] = [await service.get(actor, a), await service.get(actor, b)];
      return { a: va, b: vb, differences: differences(va, vb) };
    },

    /** A new version: a copy of the last approved one (re-classification), or empty; on the current model. */
    async start(actor: Actor, assetId: string) {
      requireAccess(actor, 'classification.write', { organizationId: actor.organizationId });
      const asset = await loadAsset(db, actor, assetId);
      requireAccess(actor, 'classification.write', { organizationId: asset.organization_id, unitPath: asset.unit_path });
      const model = await currentModel(db, actor.organizationId);
      return db.transaction().execute(async (trx) => {
        await assets.lock(trx, assetId);
        const open = await repo.openVersionOf(trx, assetId);
        if (open) throw new AppError('classification_open_exists', { versionId: open.id });
        const previous = await repo.lastApproved(trx, assetId);
        const categories = new Set(model.definition.categories.map((c) => c.key));
        // Answers to categories or levels the current model no longer has are left out of the copy,
        // and so are levels reserved for säkerhetsskydd when the asset is not marked so (answered anew).
        const reserved = asset.security_protection ? null : model.definition.specialAnalysisFromLevel;
        const max = Math.min(model.definition.levels.length - 1, reserved === null ? Infinity : reserved - 1);
        const answers: Content['answers'] = {};
        for (const a of aspectKeys) {
          const prev = (previous?.answers as Content['answers'] | undefined)?.[a] ?? {};
          const kept = Object.entries(prev).filter(([k, l]) => categories.has(k) && (typeof l !== 'number' || l <= max));
          if (kept.length) answers[a] = Object.fromEntries(kept);
        }
        const content: Content = {
          answers,
          justifications: (previous?.justifications as Content['justifications']) ?? {},
          raises: Object.fromEntries(Object.entries((previous?.raises as Content['raises']) ?? {}).filter(([, r]) => !r || r.level <= max)),
          type_deviation_reason: previous?.type_deviation_reason ?? null,
        };
        const facts = await liveFacts(trx, asset);
        const { id } = await repo.insert(trx, {
          organization_id: actor.organizationId,
          asset_id: assetId,
          version_no: await repo.nextVersionNo(trx, assetId),
          model_id: model.id,
          status: 'draft',
          author_id: actor.userId,
          contributor_ids: actor.userId ? [actor.userId] : [],
          answers: JSON.stringify(content.answers),
          justifications: JSON.stringify(content.justifications),
          raises: JSON.stringify(content.raises),
          type_deviation_reason: content.type_deviation_reason,
          notes: previous?.notes ?? null,
          ...snapshotValues(model.definition, content, facts),
        });
        await assets.setOpenVersion(trx, assetId, { id, status: 'draft' });
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'classification',
          entityId: id,
          entityLabel: asset.name,
          unitId: asset.unit_id,
          after: { assetId, modelVersion: model.version, copiedFrom: previous?.id ?? null },
        });
        return view(trx, actor, id);
      });
    },

    /**
     * Two people answering the same draft: the patch is merged, answer by answer, into the row as it
     * is when locked — never into what this caller read earlier — so answers someone else saved in
     * between are kept. A browser session must send the version it edited from (If-Match); when the
     * draft changed since, it gets 412 with the current draft and reloads, its own input kept on screen.
     */
    async save(actor: Actor, id: string, input: SaveInput, expected?: ExpectedVersion) {
      requireAccess(actor, 'classification.write', { organizationId: actor.organizationId });
      const seen = await loadVersion(db, actor, id);
      requireAccess(actor, 'classification.write', { organizationId: seen.organization_id, unitPath: seen.unit_path });
      if (!OPEN.includes(seen.status)) throw new AppError('classification_not_editable', { status: seen.status });
      const model = await modelOf(db, actor.organizationId, seen.model_id);
      const facts = await liveFacts(db, await loadAsset(db, actor, seen.asset_id));
      return db.transaction().execute(async (trx) => {
        const before = await loadVersion(trx, actor, id, true);
        if (!OPEN.includes(before.status)) throw new AppError('classification_not_editable', { status: before.status });
        await checkVersion(before.row_version, expected, () => view(trx, actor, id));
        const merge = <T>(old: Record<string, T>, patch: Record<string, T> | undefined) => (patch ? { ...old, ...patch } : old);
        const content: Content = {
          answers: merge(before.answers, input.answers),
          justifications: merge(before.justifications, input.justifications),
          raises: merge(before.raises, input.raises),
          type_deviation_reason:
            input.typeDeviationReason !== undefined ? (input.typeDeviationReason ?? null) : before.type_deviation_reason,
        };
        checkContent(model, content, facts);
        await repo.update(trx, id, {
          answers: JSON.stringify(content.answers),
          justifications: JSON.stringify(content.justifications),
          raises: JSON.stringify(content.raises),
          type_deviation_reason: content.type_deviation_reason,
          ...(input.notes !== undefined ? { notes: input.notes ?? null } : {}),
          contributor_ids: withContributor(before.contributor_ids, actor),
          ...snapshotValues(model, content, facts),
        });
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'classification',
          entityId: id,
          entityLabel: before.asset_name,
          unitId: before.unit_id,
          before: {
            answers: before.answers,
            justifications: before.justifications,
            raises: before.raises,
            typeDeviationReason: before.type_deviation_reason,
            notes: before.notes,
          },
          after: {
            answers: content.answers,
            justifications: content.justifications,
            raises: content.raises,
            typeDeviationReason: content.type_deviation_reason,
            notes: input.notes !== undefined ? (input.notes ?? null) : before.notes,
          },
        });
        return view(trx, actor, id);
      });
    },

    async submit(actor: Actor, id: string) {
      requireAccess(actor, 'classification.write', { organizationId: actor.organizationId });
      const v = await loadVersion(db, actor, id);
      requireAccess(actor, 'classification.write', { organizationId: v.organization_id, unitPath: v.unit_path });
      if (!OPEN.includes(v.status)) throw new AppError('classification_not_editable', { status: v.status });
      const model = await modelOf(db, actor.organizationId, v.model_id);
      const facts = await liveFacts(db, await loadAsset(db, actor, v.asset_id));
      const issues = submissionIssues(model, inputOf(v, facts));
      if (issues.length) throw new AppError('classification_incomplete', { issues });
      return db.transaction().execute(async (trx) => {
        const locked = await loadVersion(trx, actor, id, true);
        if (!OPEN.includes(locked.status)) throw new AppError('classification_not_editable', { status: locked.status });
        const now = new Date();
        // A new submission is checked afresh: an earlier check was of what was sent before.
        await repo.update(trx, id, {
          status: 'submitted',
          submitted_by: actor.userId,
          submitted_at: now,
          checked_by: null,
          checked_at: null,
          check_comment: null,
          contributor_ids: withContributor(locked.contributor_ids, actor),
          ...snapshotValues(model, v, facts),
        });
        await assets.setOpenVersion(trx, v.asset_id, { id, status: 'submitted' });
        const profile = derive(model, inputOf(v, facts)).profile;
        await recordAudit(trx, actor, {
          action: 'submit',
          entityType: 'classification',
          entityId: id,
          entityLabel: v.asset_name,
          unitId: v.unit_id,
          changes: { status: { before: v.status, after: 'submitted' }, profile: { after: formatProfile(model, profile) } },
        });
        return view(trx, actor, id);
      });
    },

    /** The author takes a submitted version back to change it. */
    async withdraw(actor: Actor, id: string) {
      requireAccess(actor, 'classification.write', { organizationId: actor.organizationId });
      const v = await loadVersion(db, actor, id);
      requireAccess(actor, 'classification.write', { organizationId: v.organization_id, unitPath: v.unit_path });
      if (v.status !== 'submitted') throw new AppError('classification_not_submitted');
      return db.transaction().execute(async (trx) => {
        const locked = await loadVersion(trx, actor, id, true);
        if (locked.status !== 'submitted') throw new AppError('classification_not_submitted');
        await repo.update(trx, id, { status: 'draft', submitted_by: null, submitted_at: null });
        await assets.setOpenVersion(trx, v.asset_id, { id, status: 'draft' });
        await recordAudit(trx, actor, {
          action: 'update',
          entityType: 'classification',
          entityId: id,
          entityLabel: v.asset_name,
          unitId: v.unit_id,
          changes: { status: { before: 'submitted', after: 'draft' } },
        });
        return view(trx, actor, id);
      });
    },

    async approve(actor: Actor, id: string, input: z.output<typeof approveClassificationBody>) {
      requireAccess(actor, 'classification.approve', { organizationId: actor.organizationId });
      const v = await loadVersion(db, actor, id);
      requireDecider(actor, v);
      const model = await modelOf(db, actor.organizationId, v.model_id);
      const now = new Date();
      const reviewDueAt = input.reviewDueAt ? new Date(`${input.reviewDueAt}T00:00:00Z`) : defaultReviewDue(now, model.reviewMonths);
      if (reviewDueAt.getTime() <= now.getTime()) {
        throw new AppError('validation_failed', {
          issues: [{ path: ['body', 'reviewDueAt'], code: 'too_small', message: 'reviewDueAt must be in the future' }],
        });
      }
      // The model's review period is the longest a classification stays valid: an approver may ask
      // for an earlier review, never a later one (else "every 12 months" could be set to 2099).
      const latest = defaultReviewDue(now, model.reviewMonths);
      if (reviewDueAt.getTime() > latest.getTime()) {
        throw new AppError('validation_failed', {
          issues: [
            {
              path: ['body', 'reviewDueAt'],
              code: 'too_big',
              message: `reviewDueAt must be on or before ${latest.toISOString().slice(0, 10)} (the model's review period)`,
            },
          ],
        });
      }
      return db.transaction().execute(async (trx) => {
        const locked = await loadVersion(trx, actor, id, true);
        requireDecider(actor, locked);
        const asset = await loadAsset(trx, actor, v.asset_id);
        // The inherited levels are taken as they are at the moment of approval.
        const facts = await liveFacts(trx, asset);
        const issues = submissionIssues(model, inputOf(locked, facts));
        if (issues.length) throw new AppError('classification_incomplete', { issues });
        const snap = snapshotValues(model, locked, facts);
        await repo.update(trx, id, {
          status: 'approved',
          decided_by: actor.userId,
          decided_at: now,
          decision_comment: input.comment ?? null,
          approved_at: now,
          review_due_at: reviewDueAt,
          ...snap,
        });
        await repo.supersedeOthers(trx, v.asset_id, id, now);
        const profile = { C: snap.level_c, I: snap.level_i, A: snap.level_a, T: snap.level_t };
        await assets.applyApproved(trx, asset, { id, profile, specialAnalysis: snap.special_analysis, approvedAt: now, reviewDueAt });
        await assets.clearReviewReasons(trx, v.asset_id);
        await assets.setOpenVersion(trx, v.asset_id, null);
        await recordAudit(trx, actor, {
          action: 'approve',
          entityType: 'classification',
          entityId: id,
          entityLabel: v.asset_name,
          unitId: v.unit_id,
          changes: {
            status: { before: 'submitted', after: 'approved' },
            profile: { after: formatProfile(model, profile) },
            reviewDueAt: { after: reviewDueAt.toISOString() },
            comment: { after: input.comment ?? null },
          },
        });
        return view(trx, actor, id);
      });
    },

    async returnVersion(actor: Actor, id: string, input: z.output<typeof returnClassificationBody>) {
      requireAccess(actor, 'classification.approve', { organizationId: actor.organizationId });
      const v = await loadVersion(db, actor, id);
      requireDecider(actor, v);
      return db.transaction().execute(async (trx) => {
        requireDecider(actor, await loadVersion(trx, actor, id, true));
        await repo.update(trx, id, {
          status: 'returned',
          decided_by: actor.userId,
          decided_at: new Date(),
          decision_comment: input.comment,
        });
        await assets.setOpenVersion(trx, v.asset_id, { id, status: 'returned' });
        await recordAudit(trx, actor, {
          action: 'return',
          entityType: 'classification',
          entityId: id,
          entityLabel: v.asset_name,
          unitId: v.unit_id,
          changes: { status: { before: 'submitted', after: 'returned' }, comment: { after: input.comment } },
        });
        return view(trx, actor, id);
      });
    },

    /** The coordinator's quality check (granskad) with an optional comment; the owner still decides. */
    async check(actor: Actor, id: string, input: z.output<typeof reviewClassificationBody>) {
      requireAccess(actor, 'classification.approve', { organizationId: actor.organizationId });
      requireChecker(actor, await loadVersion(db, actor, id));
      return db.transaction().execute(async (trx) => {
        const locked = await loadVersion(trx, actor, id, true);
        requireChecker(actor, locked);
        await repo.update(trx, id, { checked_by: actor.userId, checked_at: new Date(), check_comment: input.comment ?? null });
        await recordAudit(trx, actor, {
          action: 'check',
          entityType: 'classification',
          entityId: id,
          entityLabel: locked.asset_name,
          unitId: locked.unit_id,
          changes: { checkedBy: { before: locked.checked_by, after: actor.userId }, comment: { after: input.comment ?? null } },
        });
        return view(trx, actor, id);
      });
    },

    /**
     * The owner records a delegate for her decisions on this asset (or removes one): delegation is
     * explicit, recorded and audited, never implied by a role.
     */
    async setDecisionDelegate(actor: Actor, assetId: string, delegateId: string | null) {
      requireAccess(actor, 'classification.approve', { organizationId: actor.organizationId });
      const asset = await loadAsset(db, actor, assetId);
      requireAccess(actor, 'classification.approve', { organizationId: asset.organization_id, unitPath: asset.unit_path });
      if (!asset.information_owner_id) throw new AppError('information_owner_missing', { field: 'informationOwnerId' });
      if (asset.information_owner_id !== actor.userId) throw new AppError('not_information_owner');
      if (delegateId === asset.information_owner_id)
        throw new AppError('validation_failed', {
          issues: [{ path: ['body', 'delegateId'], code: 'custom', message: 'the owner cannot be her own delegate' }],
        });
      if (delegateId && !(await repo.userInOrganization(db, actor.organizationId, delegateId)))
        throw new AppError('unknown_user', { field: 'delegateId' });
      return db.transaction().execute(async (trx) => {
        await assets.lock(trx, assetId);
        const before = (await loadAsset(trx, actor, assetId)).decision_delegate_id;
        if (before !== delegateId) {
          await assets.setDecisionDelegate(trx, assetId, delegateId);
          await recordAudit(trx, actor, {
            action: 'update',
            entityType: 'decision_delegate',
            entityId: assetId,
            entityLabel: asset.name,
            unitId: asset.unit_id,
            before: { delegateId: before },
            after: { delegateId },
          });
        }
        const names = delegateId ? await repo.userNames(trx, [delegateId]) : [];
        return { delegate: delegateId ? { id: delegateId, name: names[0]?.name ?? '' } : null };
      });
    },

    async discard(actor: Actor, id: string) {
      requireAccess(actor, 'classification.write', { organizationId: actor.organizationId });
      const v = await loadVersion(db, actor, id);
      requireAccess(actor, 'classification.write', { organizationId: v.organization_id, unitPath: v.unit_path });
      if (!OPEN.includes(v.status)) throw new AppError('classification_not_editable', { status: v.status });
      await db.transaction().execute(async (trx) => {
        const locked = await loadVersion(trx, actor, id, true);
        if (!OPEN.includes(locked.status)) throw new AppError('classification_not_editable', { status: locked.status });
        await assets.setOpenVersion(trx, v.asset_id, null);
        await repo.remove(trx, id);
        await recordAudit(trx, actor, {
          action: 'delete',
          entityType: 'classification',
          entityId: id,
          entityLabel: v.asset_name,
          unitId: v.unit_id,
          before: { versionNo: v.version_no, status: v.status },
        });
      });
    },
  };
  return service;
}

export type ClassificationService = ReturnType<typeof createClassificationService>;

/** Published to the requirement modules (action plans, procurement): classified assets with their levels and trigger facts. */
export { classifiedProfiles, type ClassifiedProfileRow } from './profiles.repository.js';
