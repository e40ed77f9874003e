import type { CatalogueRequirement, RequirementCatalogueFile } from '@tillit/core';
import type { Db, Trx } from '../../db/database.js';
import { catalogueVersionFile, latestCatalogueVersion } from '../requirement-catalogues/requirement-catalogues.service.js';

/**
 * The one place action plans meet the requirement catalogues (the requirement-catalogues module's
 * published functions): which version is current for an organisation, and a version's content by
 * id. Published versions never change (a database trigger keeps them so), so content is cached by id.
 */
export interface CatalogueVersion {
  id: string;
  label: string;
  file: RequirementCatalogueFile;
  byKey: Map<string, CatalogueRequirement>;
}

const cache = new Map<string, CatalogueVersion>();
/** `organisation:version` pairs already confirmed, so a cached version is never handed to another organisation. */
const checked = new Set<string>();

function versionOf(id: string, file: RequirementCatalogueFile): CatalogueVersion {
  const v = { id, label: `${file.name.sv} ${file.version}`, file, byKey: new Map(file.requirements.map((r) => [r.id, r])) };
  if (cache.size > 200) cache.clear();
  cache.set(id, v);
  return v;
}

/** A version by id (plans keep theirs readable); undefined when the organisation has no such version. */
export async function catalogueVersion(db: Db | Trx, organizationId: string, id: string): Promise<CatalogueVersion | undefined> {
  const hit = cache.get(id);
  if (hit && checked.has(`${organizationId}:${id}`)) return hit;
  try {
    const file = await catalogueVersionFile(db, organizationId, id);
    checked.add(`${organizationId}:${id}`);
    return versionOf(id, file);
  } catch {
    return undefined;
  }
}
/** The version new plans are generated from: the newest published version of the base catalogue. */
export async function currentCatalogue(db: Db | Trx, organizationId: string): Promise<CatalogueVersion> {
  const latest = await latestCatalogueVersion(db, organizationId);
  if (!latest) throw new Error(`organisation ${organizationId} has no requirement catalogue`);
  return (await catalogueVersion(db, organizationId, latest.id))!;
}

/** What a plan compares between versions: the requirement asks the same thing when these are equal. */
export function fingerprint(r: CatalogueRequirement): string {
  return JSON.stringify([r.statement.sv, r.appliesAt, [...r.triggers].sort()]);
}

/** A catalogue text in the reader's language (English is optional in catalogue files; Swedish is not). */
export const inLocale = (text: { sv: string; en?: string | undefined }, locale: 'sv' | 'en'): string =>
  locale === 'en' && text.en ? text.en : text.sv;
