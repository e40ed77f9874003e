import { errorMessage, messages, type AssetImportView, type ImportMapping, type ImportReport } from '@tillit/core';
import { holdsOn, requireAccess, type Actor } from '../../platform/access.js';
import { recordAudits } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db, Trx } from '../../db/database.js';
import { applyPlan, type UndoRecord } from './apply.js';
import { undoImport } from './undo.js';
import { assetRefs, dropUnchanged, INVITEE, planImport, suggestMapping } from './check.js';
import { parseUpload, type ParsedSheet } from './parse.js';
import { buildProblemWorkbook } from './problems.js';
import { buildTemplate } from './template.js';
import * as repo from './asset-import.repository.js';
import type { createUsersService } from '../users/users.service.js';

type UsersService = ReturnType<typeof createUsersService>;

/** JSON with the keys of every object sorted, to compare values read back from jsonb. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

type ImportRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

/**
 * Imports left `applying` by a process or database that died mid-apply (lease expired, or none)
 * become `failed` with `import_interrupted`; nothing of theirs was committed (apply is one
 * transaction), so they may be checked and applied again. Run at server start and every minute.
 */
export async function failOrphanedImports(db: Db) {
  return repo.failOrphaned(db);
}

/** What the import needs of the users module: inviting a person in the apply's transaction (role ceilings and unit scope checked there). */
type Inviter = () => Pick<UsersService, 'inviteInTransaction'>;

export function createAssetImportService(db: Db, users?: Inviter) {
  function toView(r: ImportRow, locale: 'sv' | 'en'): AssetImportView {
    return {
      id: r.id,
      fileName: r.file_name,
      status: r.status as AssetImportView['status'],
      sheets: r.sheet_names,
      sheet: r.sheet,
      headers: r.headers,
      rowCount: r.row_count,
      // Stored at upload per sheet; only imports from before that column compute them here.
      suggestedMapping:
        (r.suggested_mappings as Record<string, AssetImportView['suggestedMapping']> | null)?.[r.sheet ?? ''] ?? suggestMapping(r.headers),
      mapping: (r.mapping as ImportMapping | null) ?? null,
      report: (r.report as ImportReport | null) ?? null,
      progress: { done: r.progress_done, total: r.progress_total },
      error: r.error_code ? { code: r.error_code, message: errorMessage(locale, r.error_code) } : null,
      createdAt: r.created_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
      undoable: r.status === 'applied' && !r.undone_at && r.has_undo,
      undoneAt: r.undone_at?.toISOString() ?? null,
    };
  }

  async function load(actor: Actor, id: string) {
    const r = await repo.findById(db, actor.organizationId, id);
    if (!r) throw new AppError('not_found');
    return r;
  }

  async function view(actor: Actor, id: string) {
    return toView(await load(actor, id), actor.locale);
  }

  /**
   * Runs the check (the dry run) for a mapping on the chosen sheet and records the mapping and the
   * report on the import, with an `check` event when they differ from what was recorded before.
   */
  async function check(actor: Actor, id: string, mapping: ImportMapping, record = true) {
    const row = await load(actor, id);
    if (row.status === 'applying' || row.status === 'applied' || row.status === 'undone')
      throw new AppError('import_not_ready', { status: row.status });
    const sheets = await repo.sheetsOf(db, id);
    if (!sheets) throw new AppError('import_not_ready', { status: row.status });
    const sheet: ParsedSheet | undefined = mapping.sheet ? sheets.find((s) => s.name === mapping.sheet) : sheets[0];
    if (!sheet)
      throw new AppError('validation_failed', {
        issues: [{ path: ['body', 'sheet'], code: 'invalid_value', message: `no sheet named ${mapping.sheet}` }],
      });
    const found = await repo.lookups(db, actor.organizationId);
    const lookups = { ...found, mayWrite: (path: string[]) => holdsOn(actor, 'asset.write', path) };
    const result = planImport(sheet, mapping, lookups, actor.locale);
    const refs = assetRefs(found.assets);
    const matched = result.plan.filter((p) => p.existingId).map((p) => p.existingId!);
    const current = new Map((await repo.assetsBefore(db, actor.organizationId, matched)).map((r) => [r.id, r as Record<string, unknown>]));
    const processors = await repo.processorsOf(
      db,
      result.plan.filter((p) => p.existingId && p.processedBy).map((p) => p.existingId!),
    );
    dropUnchanged(result, current, processors, refs);
    const recorded = { mapping: JSON.stringify(mapping), report: JSON.stringify(result.report) };
    // A dry run that finds what the last one found changes nothing and writes no event (jsonb keeps no key order).
    // The apply records the report with its own writes, in its one transaction.
    if (record && (row.status !== 'checked' || stable(row.mapping) !== stable(mapping) || stable(row.report) !== stable(result.report))) {
      await db.transaction().execute(async (trx) => {
        await repo.update(trx, id, {
          sheet: sheet.name,
          headers: sheet.headers,
          row_count: sheet.rows.length,
          ...recorded,
          status: 'checked',
        });
        const r = result.report;
        await recordAudits(trx, actor, [
          {
            action: 'dry_run',
            entityType: 'asset_import',
            entityId: id,
            entityLabel: row.file_name,
            changes: {
              toCreate: { after: r.toCreate },
              toUpdate: { after: r.toUpdate },
              unchanged: { after: r.unchanged },
              problems: { after: r.problemCount },
            },
          },
        ]);
      });
    }
    return { ...result, refs, sheet, recorded, mapping };
  }

  /**
   * The unknown people the user confirmed become invited users (through the users service, in this
   * transaction: its access checks, role ceilings and audit events apply), and the rows that name
   * them get their ids. Only those the planned rows still name are invited.
   */
  async function inviteConfirmed(trx: Trx, actor: Actor, checked: Awaited<ReturnType<typeof check>>) {
    const invite = checked.mapping.invite ?? [];
    const columns = ['information_owner_id', 'system_owner_id', 'system_steward_id'] as const;
    const used = new Set(
      checked.plan.flatMap((p) =>
        columns.map((c) => p.values[c]).filter((v): v is string => typeof v === 'string' && v.startsWith(INVITEE)),
      ),
    );
    if (!used.size) return;
    if (!users) throw new AppError('forbidden');
    const ids = new Map<string, string>();
    for (const placeholder of used) {
      const p = invite[Number(placeholder.slice(INVITEE.length))]!;
      const { user } = await users().inviteInTransaction(trx, actor, { email: p.email, name: p.name, role: p.role, unitId: p.unitId });
      ids.set(placeholder, user.id);
    }
    for (const p of checked.plan)
      for (const c of columns) if (typeof p.values[c] === 'string' && ids.has(p.values[c])) p.values[c] = ids.get(p.values[c])!;
  }

  async function run(actor: Actor, id: string, fileName: string, checked: Awaited<ReturnType<typeof check>>) {
    // The heartbeat: while this process applies, the lease stays fresh; if the process or the
    // database dies, it runs out and `failOrphanedImports` releases the import for a new apply.
    const heartbeat = setInterval(() => void repo.renewLease(db, id).catch(() => undefined), (repo.LEASE_SECONDS * 1000) / 3);
    heartbeat.unref();
    try {
      let last = 0;
      await db.transaction().execute(async (trx) => {
        await inviteConfirmed(trx, actor, checked);
        const counts = await applyPlan(
          trx,
          { organizationId: actor.organizationId, userId: actor.userId, refs: checked.refs },
          checked.plan,
          async (done) => {
            // Progress goes through its own connection so the UI sees it while the transaction runs.
            if (done - last >= 500 || done === checked.plan.length) {
              last = done;
              await repo.update(db, id, { progress_done: done });
            }
          },
        );
        // One event per asset created or changed, then the summary, chained in one batch.
        await recordAudits(trx, actor, [
          ...counts.events,
          {
            action: 'import',
            entityType: 'asset_import',
            entityId: id,
            entityLabel: fileName,
            changes: {
              created: { after: counts.created },
              updated: { after: counts.updated },
              links: { after: counts.links },
              ...(checked.report.problemCount
                ? { leftOut: { after: checked.report.rows - checked.report.validRows - checked.report.unchanged } }
                : {}),
            },
          },
        ]);
        await repo.update(trx, id, {
          ...checked.recorded,
          sheet: checked.sheet.name,
          status: 'applied',
          progress_done: checked.plan.length,
          finished_at: new Date(),
          sheet_data: null,
        });
        // What it did and each asset's state now, so the import can be undone while nothing else changed them.
        const touched = [...counts.undo.created, ...counts.undo.updated.map((u) => u.id)];
        const states = Object.fromEntries(
          [...(await repo.assetStates(trx, actor.organizationId, touched))].map(([assetId, a]) => [assetId, a.state]),
        );
        await repo.recordUndo(trx, id, { ...counts.undo, states } satisfies UndoRecord);
      });
    } catch (e) {
      const code = e instanceof AppError ? e.code : (e as { code?: string })?.code === '23505' ? 'duplicate_external_id' : 'internal';
      await repo.update(db, id, { status: 'failed', error_code: code, finished_at: new Date() }).catch(() => undefined);
      throw e;
    } finally {
      clearInterval(heartbeat);
    }
  }

  return {
    async upload(actor: Actor, fileName: string, body: unknown): Promise<AssetImportView> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      if (!Buffer.isBuffer(body) || !body.length) throw new AppError('import_unreadable_file', { reason: 'no file' });
      const sheets = await parseUpload(body, fileName);
      // The uploaded file is kept (until applied) for the checks: a state change, with its event.
      const id = await db.transaction().execute(async (trx) => {
        const suggested_mappings = Object.fromEntries(sheets.map((s) => [s.name, suggestMapping(s.headers)]));
        const { id } = await repo.insert(trx, {
          organization_id: actor.organizationId,
          created_by: actor.userId,
          file_name: fileName,
          sheets,
          suggested_mappings,
        });
        await recordAudits(trx, actor, [
          {
            action: 'upload',
            entityType: 'asset_import',
            entityId: id,
            entityLabel: fileName,
            changes: {
              fileName: { after: fileName },
              bytes: { after: body.length },
              rows: { after: sheets.reduce((n, s) => n + s.rows.length, 0) },
            },
          },
        ]);
        return id;
      });
      return view(actor, id);
    },

    async get(actor: Actor, id: string): Promise<AssetImportView> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      return view(actor, id);
    },

    async check(actor: Actor, id: string, mapping: ImportMapping): Promise<AssetImportView> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      await check(actor, id, mapping);
      return view(actor, id);
    },

    /**
     * All or nothing by default: any problem refuses the whole file. With `onlyValid` the rows
     * without problems are written and the report keeps the others, to fix and import later.
     * With `wait` the answer comes when it is written.
     */
    async apply(
      actor: Actor,
      id: string,
      mapping: ImportMapping,
      options: { wait: boolean; onlyValid: boolean },
    ): Promise<AssetImportView> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      // Refused applies write nothing (the answer carries the report); the apply's transaction records it.
      const checked = await check(actor, id, mapping, false);
      if (checked.report.problemCount > 0 && !options.onlyValid) throw new AppError('import_has_errors', { report: checked.report });
      // Inviting people is managing users: refused before anything starts when the actor may not (the users service checks each one's unit and role again).
      if (
        checked.plan.some((p) =>
          [p.values.information_owner_id, p.values.system_owner_id, p.values.system_steward_id].some((v) => v?.startsWith(INVITEE)),
        )
      ) {
        requireAccess(actor, 'user.manage', { organizationId: actor.organizationId });
      }
      if (!(await repo.claimForApply(db, id, checked.plan.length))) throw new AppError('import_not_ready');
      const row = await load(actor, id);
      const running = run(actor, id, row.file_name, checked);
      if (options.wait) await running;
      else running.catch(() => undefined);
      return view(actor, id);
    },

    /** Undoes an applied import as a whole (see undo.ts), in one transaction. */
    async undo(actor: Actor, id: string): Promise<AssetImportView> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      await db.transaction().execute((trx) => undoImport(trx, actor, id));
      return view(actor, id);
    },

    /** The rows of the checked sheet that have problems, with a problem column, as an Excel file to fix and import again. */
    async problems(actor: Actor, id: string): Promise<{ file: Buffer; fileName: string }> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      const row = await load(actor, id);
      const report = row.report as ImportReport | null;
      const sheets = await repo.sheetsOf(db, id);
      const sheet = sheets?.find((s) => s.name === row.sheet) ?? sheets?.[0];
      if (!report || !sheet) throw new AppError('import_not_ready', { status: row.status });
      const header = (messages[actor.locale].importProblems as Record<string, string>).problem_column!;
      const base = row.file_name.replace(/\.(xlsx|csv)$/i, '');
      return { file: await buildProblemWorkbook(sheet, report, header), fileName: `${base}-problem.xlsx` };
    },

    async template(actor: Actor): Promise<Buffer> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      return buildTemplate();
    },
  };
}
