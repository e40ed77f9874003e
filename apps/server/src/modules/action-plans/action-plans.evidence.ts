import type { z } from 'zod';
import type { addEvidenceLinkBody, createGapMeasureBody } from '@tillit/core/modules/action-plans/schemas';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../db/database.js';
import * as repo from './action-plans.repository.js';
import type { ActionPlansService } from './action-plans.service.js';
import { planMeasures } from './plan-measures.js';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Accepted evidence files: by extension, confirmed by the first bytes, so a renamed executable is refused. */
const FILE_TYPES: { ext: string[]; mediaType: string; magic: (b: Buffer) => boolean }[] = [
  { ext: ['pdf'], mediaType: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    ext: ['png'],
    mediaType: 'image/png',
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { ext: ['jpg', 'jpeg'], mediaType: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    ext: ['docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: (b) => b.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')),
  },
  {
    ext: ['xlsx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: (b) => b.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')),
  },
  {
    ext: ['txt', 'csv', 'md'],
    mediaType: 'text/plain; charset=utf-8',
    magic: (b) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b),
  },
];

/** The media type of an accepted evidence file, or a 4xx naming the field. */
export function evidenceType(fileName: string, content: Buffer): string {
  if (content.length === 0)
    throw new AppError('validation_failed', { field: 'body', issues: [{ path: ['body'], code: 'too_small', message: 'empty file' }] });
  if (content.length > MAX_EVIDENCE_BYTES) throw new AppError('evidence_too_large', { field: 'body', max: MAX_EVIDENCE_BYTES });
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const type = FILE_TYPES.find((t) => t.ext.includes(ext));
  if (!type || !type.magic(content)) throw new AppError('evidence_type_not_allowed', { field: 'fileName' });
  return type.mediaType;
}

export function createPlanEvidenceService(db: Db, plans: () => ActionPlansService) {
  async function writable(actor: Actor, requirementId: string) {
    const r = await plans().loadRequirement(db, actor, requirementId, 'plan.write');
    if (r.superseded_at) throw new AppError('plan_superseded');
    return r;
  }

  return {
    async addLink(actor: Actor, requirementId: string, input: z.output<typeof addEvidenceLinkBody>) {
      const r = await writable(actor, requirementId);
      await db.transaction().execute(async (trx) => {
        const id = await repo.insertEvidence(trx, {
          organization_id: actor.organizationId,
          plan_requirement_id: r.id,
          kind: 'link',
          title: input.title,
          url: input.url,
          created_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'plan_evidence',
          entityId: id,
          entityLabel: `${r.asset_name}: ${r.requirement_key}`,
          unitId: r.unit_id,
          after: { kind: 'link', title: input.title, url: input.url },
        });
      });
      return plans().requirementView(db, actor, requirementId);
    },

    async addFile(actor: Actor, requirementId: string, fileName: string, title: string | undefined, body: unknown) {
      const r = await writable(actor, requirementId);
      if (!Buffer.isBuffer(body)) throw new AppError('unsupported_media_type');
      const mediaType = evidenceType(fileName, body);
      await db.transaction().execute(async (trx) => {
        const id = await repo.insertEvidence(trx, {
          organization_id: actor.organizationId,
          plan_requirement_id: r.id,
          kind: 'file',
          title: title ?? fileName,
          file_name: fileName,
          media_type: mediaType,
          size_bytes: body.length,
          content: body,
          created_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'create',
          entityType: 'plan_evidence',
          entityId: id,
          entityLabel: `${r.asset_name}: ${r.requirement_key}`,
          unitId: r.unit_id,
          after: { kind: 'file', title: title ?? fileName, fileName, sizeBytes: body.length },
        });
      });
      return plans().requirementView(db, actor, requirementId);
    },

    /** The stored file, for download (read access to the plan). */
    async file(actor: Actor, evidenceId: string) {
      const e = await repo.findEvidence(db, actor.organizationId, evidenceId);
      if (!e || e.kind !== 'file' || !e.content) throw new AppError('not_found');
      await plans().loadRequirement(db, actor, e.plan_requirement_id, 'plan.read');
      return { fileName: e.file_name!, mediaType: e.media_type!, content: e.content };
    },

    async remove(actor: Actor, evidenceId: string) {
      const e = await repo.findEvidence(db, actor.organizationId, evidenceId);
      if (!e) throw new AppError('not_found');
      const r = await writable(actor, e.plan_requirement_id);
      await db.transaction().execute(async (trx) => {
        await repo.deleteEvidence(trx, e.id);
        await recordAudit(trx, actor, {
          action: 'delete',
          entityType: 'plan_evidence',
          entityId: e.id,
          entityLabel: `${r.asset_name}: ${r.requirement_key}`,
          unitId: r.unit_id,
          before: { kind: e.kind, title: e.title, url: e.url, fileName: e.file_name, sizeBytes: e.size_bytes },
        });
      });
      return plans().requirementView(db, actor, r.id);
    },

    /** A measure for a gap (a requirement not or partly met), created through the measures service in the same transaction. */
    async createMeasure(actor: Actor, requirementId: string, input: z.output<typeof createGapMeasureBody>) {
      const r = await writable(actor, requirementId);
      await db.transaction().execute(async (trx) => {
        await planMeasures.createForGap(
          trx,
          actor,
          { id: r.id, planId: r.plan_id, unitId: r.unit_id, label: `${r.asset_name}: ${r.requirement_key}` },
          input,
        );
      });
      return plans().requirementView(db, actor, requirementId);
    },
  };
}

export type PlanEvidenceService = ReturnType<typeof createPlanEvidenceService>;
