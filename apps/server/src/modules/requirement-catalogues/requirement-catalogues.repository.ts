import { sql, type Selectable } from 'kysely';
import type { Localized, RequirementCatalogueFile } from '@tillit/core';
import type { Db, Trx } from '../../db/database.js';
import type { CatalogueRequirementsTable } from './requirement-catalogues.tables.js';

export interface VersionRow {
  id: string;
  organization_id: string;
  catalogue: string;
  version: string;
  name: Localized;
  description: Localized | null;
  published_at: string;
  source: 'shipped' | 'imported';
  requirement_count: number;
  imported_by: string | null;
  imported_by_name: string | null;
  created_at: Date;
  is_latest: boolean;
}

export type RequirementRow = Selectable<CatalogueRequirementsTable>;

// The latest version of a catalogue: newest publication date, then the one stored last.
const SELECT_VERSION = sql`v.id, v.organization_id, v.catalogue, v.version, v.name, v.description, v.published_at::text as published_at,
  v.source, v.requirement_count, v.imported_by, u.name as imported_by_name, v.created_at,
  v.id = (select l.id from requirement_catalogue_versions l where l.organization_id = v.organization_id and l.catalogue = v.catalogue
          order by l.published_at desc, l.created_at desc, l.id desc limit 1) as is_latest`;

export async function listVersions(db: Db | Trx, organizationId: string): Promise<VersionRow[]> {
  return (
    await sql<VersionRow>`select ${SELECT_VERSION} from requirement_catalogue_versions v left join users u on u.id = v.imported_by
      where v.organization_id = ${organizationId} order by v.catalogue, v.published_at desc, v.created_at desc`.execute(db)
  ).rows;
}

export async function findVersion(db: Db | Trx, organizationId: string, id: string): Promise<VersionRow | undefined> {
  return (
    await sql<VersionRow>`select ${SELECT_VERSION} from requirement_catalogue_versions v left join users u on u.id = v.imported_by
      where v.organization_id = ${organizationId} and v.id = ${id}`.execute(db)
  ).rows[0];
}

export async function findLatestVersion(db: Db | Trx, organizationId: string, catalogue: string): Promise<VersionRow | undefined> {
  return (
    await sql<VersionRow>`select ${SELECT_VERSION} from requirement_catalogue_versions v left join users u on u.id = v.imported_by
      where v.organization_id = ${organizationId} and v.catalogue = ${catalogue}
      order by v.published_at desc, v.created_at desc, v.id desc limit 1`.execute(db)
  ).rows[0];
}

export async function findDefinition(db: Db | Trx, organizationId: string, id: string): Promise<RequirementCatalogueFile | undefined> {
  const row = await db
    .selectFrom('requirement_catalogue_versions')
    .select('definition')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.definition;
}

export async function versionExists(db: Db | Trx, organizationId: string, catalogue: string, version: string): Promise<boolean> {
  const row = await db
    .selectFrom('requirement_catalogue_versions')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('catalogue', '=', catalogue)
    .where('version', '=', version)
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a validated version and its requirements; undefined when that version already exists. */
export async function insertVersion(
  trx: Trx,
  organizationId: string,
  file: RequirementCatalogueFile,
  source: 'shipped' | 'imported',
  importedBy: string | null,
): Promise<string | undefined> {
  const inserted = await trx
    .insertInto('requirement_catalogue_versions')
    .values({
      organization_id: organizationId,
      catalogue: file.catalogue,
      version: file.version,
      name: JSON.stringify(file.name),
      description: file.description ? JSON.stringify(file.description) : null,
      published_at: file.publishedAt,
      source,
      definition: JSON.stringify(file),
      requirement_count: file.requirements.length,
      imported_by: importedBy,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'catalogue', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return undefined;
  const rows = file.requirements.map((r, i) => ({
    version_id: inserted.id,
    requirement_id: r.id,
    position: i + 1,
    theme: r.theme,
    title: JSON.stringify(r.title),
    statement: JSON.stringify(r.statement),
    procurement: JSON.stringify(r.procurement),
    guidance: JSON.stringify(r.guidance),
    applies_at: JSON.stringify(r.appliesAt),
    triggers: r.triggers,
    references: JSON.stringify(r.references),
    controls: [...new Set(r.references.flatMap((ref) => (ref.kind === 'iso27002' ? [ref.control] : [])))],
    search_text: [r.id, r.title.sv, r.title.en, r.statement.sv, r.statement.en, r.guidance.sv].filter(Boolean).join(' ').toLowerCase(),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('catalogue_requirements')
      .values(rows.slice(i, i + 500))
      .execute();
  return inserted.id;
}

export interface RequirementFilter {
  q?: string;
  theme?: string;
  aspect?: 'C' | 'I' | 'A' | 'T';
  level?: number;
  trigger?: string;
  control?: string;
}

export async function listRequirements(db: Db | Trx, versionId: string, f: RequirementFilter): Promise<RequirementRow[]> {
  let q = db.selectFrom('catalogue_requirements').selectAll().where('version_id', '=', versionId);
  if (f.q) q = q.where('search_text', 'like', `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.theme) q = q.where('theme', '=', f.theme);
  if (f.aspect) {
    const min = sql<number | null>`(applies_at ->> ${f.aspect})::int`;
    q = q.where(min, 'is not', null);
    if (f.level !== undefined) q = q.where(min, '<=', f.level);
  }
  if (f.trigger) q = q.where(sql<boolean>`${f.trigger} = any(triggers)`);
  if (f.control) q = q.where(sql<boolean>`${f.control} = any(controls)`);
  return (await q.orderBy('position').execute()) as RequirementRow[];
}

export async function findRequirement(db: Db | Trx, versionId: string, requirementId: string): Promise<RequirementRow | undefined> {
  return (await db
    .selectFrom('catalogue_requirements')
    .selectAll()
    .where('version_id', '=', versionId)
    .where('requirement_id', '=', requirementId)
    .executeTakeFirst()) as RequirementRow | undefined;
}

export async function themeCounts(db: Db | Trx, versionId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('catalogue_requirements')
    .select(['theme', sql<number>`count(*)::int`.as('n')])
    .where('version_id', '=', versionId)
    .groupBy('theme')
    .execute();
  return new Map(rows.map((r) => [r.theme, r.n]));
}

/** Organisations lacking a shipped version (for the start-up job). */
export async function organizationsWithout(db: Db, catalogue: string, version: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`select o.id from organizations o where not exists (
      select 1 from requirement_catalogue_versions v where v.organization_id = o.id and v.catalogue = ${catalogue} and v.version = ${version})
    order by o.created_at`.execute(db);
  return rows.rows.map((r) => r.id);
}
