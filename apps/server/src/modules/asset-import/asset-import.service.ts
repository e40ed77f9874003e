import { errorMessage, type AssetImportView, type ImportMapping, type ImportReport } from '@tillit/core';
import { holdsOn, requireAccess, type Actor } from '../../platform/access.js';
import { recordAudits } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../db/database.js';
import { applyPlan } from './apply.js';
import { planImport, suggestMapping } from './check.js';
import { parseUpload, type ParsedSheet } from './parse.js';
import { buildTemplate } from './template.js';
import * as repo from './asset-import.repository.js';

type ImportRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

export function createAssetImportService(db: Db) {
  function toView(r: ImportRow, locale: 'sv' | 'en'): AssetImportView {
    return {
      id: r.id,
      fileName: r.file_name,
      status: r.status as AssetImportView['status'],
      sheets: r.sheet_names,
      sheet: r.sheet,
      headers: r.headers,
      rowCount: r.row_count,
      suggestedMapping: suggestMapping(r.headers),
      mapping: (r.mapping as ImportMapping | null) ?? null,
      report: (r.report as ImportReport | null) ?? null,
      progress: { done: r.progress_done, total: r.progress_total },
      error: r.error_code ? { code: r.error_code, message: errorMessage(locale, r.error_code) } : null,
      createdAt: r.created_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
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

  /** Runs the check for a mapping on the chosen sheet, and records the mapping and the report. */
  async function check(actor: Actor, id: string, mapping: ImportMapping) {
    const row = await load(actor, id);
    if (row.status === 'applying' || row.status === 'applied') throw new AppError('import_not_ready', { status: row.status });
    const sheets = await repo.sheetsOf(db, id);
    if (!sheets) throw new AppError('import_not_ready', { status: row.status });
    const sheet: ParsedSheet | undefined = mapping.sheet ? sheets.find((s) => s.name === mapping.sheet) : sheets[0];
    if (!sheet) throw new AppError('validation_failed', { issues: [{ path: ['body', 'sheet'], code: 'invalid_value', message: `no sheet named ${mapping.sheet}` }] });
    const externalColumn = mapping.mapping.externalId ? sheet.headers.findIndex((h) => h.trim().toLowerCase() === mapping.mapping.externalId!.trim().toLowerCase()) : -1;
    const processedColumn = mapping.mapping.processedBy ? sheet.headers.findIndex((h) => h.trim().toLowerCase() === mapping.mapping.processedBy!.trim().toLowerCase()) : -1;
    const refs = new Set<string>();
    for (const r of sheet.rows) {
      if (externalColumn >= 0 && r.cells[externalColumn]?.trim()) refs.add(r.cells[externalColumn]!.trim());
      if (processedColumn >= 0) for (const ref of (r.cells[processedColumn] ?? '').split(/[;,\n]/)) if (ref.trim()) refs.add(ref.trim());
    }
    const found = await repo.lookups(db, actor.organizationId, [...refs]);
    const lookups = { ...found, mayWrite: (path: string[]) => holdsOn(actor, 'asset.write', path) };
    const result = planImport(sheet, mapping, lookups, actor.locale);
    await repo.update(db, id, { sheet: sheet.name, headers: sheet.headers, row_count: sheet.rows.length, mapping: JSON.stringify(mapping), report: JSON.stringify(result.report), status: 'checked' });
    return { ...result, existing: found.existing, sheet };
  }

  async function run(actor: Actor, id: string, fileName: string, checked: Awaited<ReturnType<typeof check>>) {
    try {
      let last = 0;
      await db.transaction().execute(async (trx) => {
        const counts = await applyPlan(trx, { organizationId: actor.organizationId, userId: actor.userId, existing: checked.existing }, checked.plan, async (done) => {
          // Progress goes through its own connection so the UI sees it while the transaction runs.
          if (done - last >= 500 || done === checked.plan.length) {
            last = done;
            await repo.update(db, id, { progress_done: done });
          }
        });
        // One event per asset created or changed, then the summary, chained in one batch.
        await recordAudits(trx, actor, [
          ...counts.events,
          {
            action: 'import',
            entityType: 'asset_import',
            entityId: id,
            entityLabel: fileName,
            changes: { created: { after: counts.created }, updated: { after: counts.updated }, links: { after: counts.links } },
          },
        ]);
        await repo.update(trx, id, { status: 'applied', progress_done: checked.plan.length, finished_at: new Date(), sheet_data: null });
      });
    } catch (e) {
      const code = e instanceof AppError ? e.code : (e as { code?: string })?.code === '23505' ? 'duplicate_external_id' : 'internal';
      await repo.update(db, id, { status: 'failed', error_code: code, finished_at: new Date() }).catch(() => undefined);
      throw e;
    }
  }

  return {
    async upload(actor: Actor, fileName: string, body: unknown): Promise<AssetImportView> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      if (!Buffer.isBuffer(body) || !body.length) throw new AppError('import_unreadable_file', { reason: 'no file' });
      const sheets = await parseUpload(body, fileName);
      const { id } = await repo.insert(db, { organization_id: actor.organizationId, created_by: actor.userId, file_name: fileName, sheets });
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

    /** All or nothing: any problem refuses the whole file. With `wait` the answer comes when it is written. */
    async apply(actor: Actor, id: string, mapping: ImportMapping, wait: boolean): Promise<AssetImportView> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      const checked = await check(actor, id, mapping);
      if (checked.report.problemCount > 0) throw new AppError('import_has_errors', { report: checked.report });
      if (!(await repo.claimForApply(db, id, checked.plan.length))) throw new AppError('import_not_ready');
      const row = await load(actor, id);
      const running = run(actor, id, row.file_name, checked);
      if (wait) await running;
      else running.catch(() => undefined);
      return view(actor, id);
    },

    async template(actor: Actor): Promise<Buffer> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      return buildTemplate();
    },
  };
}
