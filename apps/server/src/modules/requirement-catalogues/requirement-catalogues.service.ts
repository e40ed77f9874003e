import { catalogueContext, shippedCatalogues, validateCatalogue, type CatalogueProblem, type RequirementCatalogueFile } from '@tillit/core';
import type {
  CatalogueVersionSummary,
  CatalogueVersionView,
  ImportCatalogueResult,
  RequirementListQuery,
  RequirementView,
} from '@tillit/core/modules/requirement-catalogues/schemas';
import { requireAccess, systemActor, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db, Trx } from '../../db/database.js';
import { currentModel } from '../classification/models.service.js';
import { findRootUnit } from '../units/units.service.js';
import { readCatalogueWorkbook, writeCatalogueWorkbook } from './catalogue-excel.js';
import * as repo from './requirement-catalogues.repository.js';

export function toSummary(v: repo.VersionRow): CatalogueVersionSummary {
  return {
    id: v.id,
    catalogue: v.catalogue,
    version: v.version,
    name: v.name,
    description: v.description,
    publishedAt: v.published_at,
    source: v.source,
    requirementCount: v.requirement_count,
    isLatest: v.is_latest,
    importedAt: v.created_at.toISOString(),
    importedBy: v.imported_by ? { id: v.imported_by, name: v.imported_by_name ?? '' } : null,
  };
}

export function toRequirementView(r: repo.RequirementRow): RequirementView {
  return {
    versionId: r.version_id,
    id: r.requirement_id,
    position: r.position,
    theme: r.theme,
    title: r.title,
    statement: r.statement,
    procurement: r.procurement,
    guidance: r.guidance,
    appliesAt: r.applies_at,
    triggers: r.triggers,
    references: r.references,
  };
}

async function storeVersion(trx: Trx, actor: Actor, file: RequirementCatalogueFile, source: 'shipped' | 'imported') {
  const id = await repo.insertVersion(trx, actor.organizationId, file, source, actor.userId);
  if (!id) return undefined;
  await recordAudit(trx, actor, {
    action: 'import',
    entityType: 'requirement_catalogue_version',
    entityId: id,
    entityLabel: `${file.name.sv} ${file.version}`,
    after: {
      catalogue: file.catalogue,
      version: file.version,
      publishedAt: file.publishedAt,
      requirementCount: file.requirements.length,
      source,
    },
  });
  return id;
}

/**
 * Published to other modules and the organisation's creation: the shipped catalogues an
 * organisation lacks are stored as published versions (one audit event each).
 */
export async function loadShippedCatalogues(trx: Trx, organizationId: string): Promise<number> {
  let added = 0;
  for (const c of shippedCatalogues) if (await storeVersion(trx, systemActor(organizationId), c, 'shipped')) added++;
  return added;
}

/** Published: a catalogue version's whole file (themes and requirements in order), e.g. for action plans. */
export async function catalogueVersionFile(db: Db | Trx, organizationId: string, versionId: string): Promise<RequirementCatalogueFile> {
  const file = await repo.findDefinition(db, organizationId, versionId);
  if (!file) throw new AppError('not_found');
  return file;
}

/** Published: the newest version of a catalogue in the organisation (by publication date). */
export async function latestCatalogueVersion(
  db: Db | Trx,
  organizationId: string,
  catalogue = 'tillit-bas',
): Promise<CatalogueVersionSummary | undefined> {
  const v = await repo.findLatestVersion(db, organizationId, catalogue);
  return v ? toSummary(v) : undefined;
}

/** What a catalogue is validated against: the controls, triggers and laws, and the organisation's model's levels. */
async function contextFor(db: Db, organizationId: string) {
  const model = (await currentModel(db, organizationId)).definition;
  const top = model.levels.length - 1;
  const special = model.specialAnalysisFromLevel;
  return catalogueContext(special === null ? top : Math.min(top, special - 1));
}

export function createRequirementCataloguesService(db: Db) {
  async function version(actor: Actor, id: string) {
    requireAccess(actor, 'requirement.read', { organizationId: actor.organizationId });
    const v = await repo.findVersion(db, actor.organizationId, id);
    if (!v) throw new AppError('not_found');
    return v;
  }

  return {
    async listVersions(actor: Actor): Promise<CatalogueVersionSummary[]> {
      requireAccess(actor, 'requirement.read', { organizationId: actor.organizationId });
      return (await repo.listVersions(db, actor.organizationId)).map(toSummary);
    },

    async getVersion(actor: Actor, id: string): Promise<CatalogueVersionView> {
      const v = await version(actor, id);
      const file = (await repo.findDefinition(db, actor.organizationId, id))!;
      const counts = await repo.themeCounts(db, id);
      return { ...toSummary(v), themes: file.themes.map((t) => ({ ...t, requirementCount: counts.get(t.code) ?? 0 })) };
    },

    async listRequirements(actor: Actor, id: string, query: RequirementListQuery) {
      await version(actor, id);
      const items = (await repo.listRequirements(db, id, query)).map(toRequirementView);
      return { items, total: items.length };
    },

    async getRequirement(actor: Actor, id: string, requirementId: string): Promise<RequirementView> {
      await version(actor, id);
      const r = await repo.findRequirement(db, id, requirementId);
      if (!r) throw new AppError('not_found');
      return toRequirementView(r);
    },

    async exportJson(actor: Actor, id: string) {
      const v = await version(actor, id);
      return { name: `${v.catalogue}-${v.version}`, file: (await repo.findDefinition(db, actor.organizationId, id))! };
    },

    async exportXlsx(actor: Actor, id: string) {
      const v = await version(actor, id);
      return {
        name: `${v.catalogue}-${v.version}`,
        file: await writeCatalogueWorkbook((await repo.findDefinition(db, actor.organizationId, id))!),
      };
    },

    /**
     * A catalogue file (JSON body, or an .xlsx in the Excel form) is validated whole first; with any
     * problem nothing is stored and every problem names its row and field. A version that exists is
     * refused: a published version never changes.
     */
    async importFile(actor: Actor, body: unknown, dryRun: boolean): Promise<ImportCatalogueResult> {
      const root = await findRootUnit(db, actor.organizationId);
      requireAccess(actor, 'requirement_catalogue.manage', { organizationId: actor.organizationId, unitPath: root ? [root.id] : [] });
      let input: unknown = body;
      let sheetRows: number[] | null = null;
      if (Buffer.isBuffer(body)) {
        const isZip = body.length > 4 && body[0] === 0x50 && body[1] === 0x4b;
        if (!isZip) throw new AppError('catalogue_unreadable_file', { reason: 'not_xlsx' });
        ({ file: input, sheetRows } = await readCatalogueWorkbook(body));
      } else if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new AppError('catalogue_unreadable_file', { reason: 'not_an_object' });
      }
      const result = validateCatalogue(input, await contextFor(db, actor.organizationId));
      // In the Excel form a problem names the spreadsheet row, as the person sees it.
      const problems: CatalogueProblem[] = result.problems.map((p) =>
        sheetRows && p.row !== null ? { ...p, row: sheetRows[p.row - 1] ?? p.row } : p,
      );
      const head = (input ?? {}) as { catalogue?: unknown; version?: unknown; requirements?: unknown };
      const catalogue = typeof head.catalogue === 'string' ? head.catalogue : null;
      const versionLabel = typeof head.version === 'string' ? head.version : null;
      if (result.ok && (await repo.versionExists(db, actor.organizationId, result.catalogue.catalogue, result.catalogue.version))) {
        throw new AppError('catalogue_version_exists', { catalogue, version: versionLabel });
      }
      const report = {
        dryRun,
        ok: result.ok,
        catalogue,
        version: versionLabel,
        requirementCount: Array.isArray(head.requirements) ? head.requirements.length : 0,
        problems,
        created: null,
      };
      if (dryRun) return report;
      if (!result.ok) throw new AppError('catalogue_invalid', { problems: problems.slice(0, 1000), problemCount: problems.length });
      const file = result.catalogue;
      return db.transaction().execute(async (trx) => {
        const id = await storeVersion(trx, actor, file, 'imported');
        if (!id) throw new AppError('catalogue_version_exists', { catalogue, version: versionLabel });
        return { ...report, created: toSummary((await repo.findVersion(trx, actor.organizationId, id))!) };
      });
    },

    /** Start-up job: every organisation gets the shipped versions it lacks (a new Tillit release brings new ones). */
    async loadShippedEverywhere(): Promise<number> {
      let added = 0;
      for (const c of shippedCatalogues) {
        for (const organizationId of await repo.organizationsWithout(db, c.catalogue, c.version)) {
          added += await db.transaction().execute((trx) => loadShippedCatalogues(trx, organizationId));
        }
      }
      return added;
    },
  };
}
export type RequirementCataloguesService = ReturnType<typeof createRequirementCataloguesService>;
