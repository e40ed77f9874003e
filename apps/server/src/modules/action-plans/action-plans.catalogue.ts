import { createHash } from 'node:crypto';
import { shippedCatalogues, type CatalogueRequirement, type RequirementCatalogueFile } from '@tillit/core';
import type { Db, Trx } from '../../db/database.js';

/**
 * The one place action plans meet the requirement catalogues: which version is current for an
 * organisation and the content of a version by id. Published versions never change, so their
 * content is cached by id.
 */
export interface CatalogueVersion {
  id: string;
  label: string;
  file: RequirementCatalogueFile;
  byKey: Map<string, CatalogueRequirement>;
}

/** A stable id for a shipped version (the same in every installation): a uuid from its catalogue key and version. */
export function shippedVersionId(file: Pick<RequirementCatalogueFile, 'catalogue' | 'version'>): string {
  const h = createHash('sha256').update(`tillit-catalogue:${file.catalogue}@${file.version}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function versionOf(file: RequirementCatalogueFile): CatalogueVersion {
  return { id: shippedVersionId(file), label: `${file.name.sv} ${file.version}`, file, byKey: new Map(file.requirements.map((r) => [r.id, r])) };
}

const shipped = new Map(shippedCatalogues.map((f) => { const v = versionOf(f); return [v.id, v]; }));
let extra: CatalogueVersion[] = [];

/** The version new plans are generated from. */
export async function currentCatalogue(_db: Db | Trx, _organizationId: string): Promise<CatalogueVersion> {
  return extra.at(-1) ?? [...shipped.values()].at(-1)!;
}

/** A version by id (plans keep theirs readable); undefined when unknown. */
export async function catalogueVersion(_db: Db | Trx, _organizationId: string, id: string): Promise<CatalogueVersion | undefined> {
  return shipped.get(id) ?? extra.find((v) => v.id === id);
}

/** Tests publish a newer version of a catalogue file through this (organisation catalogues come with the catalogue module). */
export function publishForTests(file: RequirementCatalogueFile): CatalogueVersion {
  const v = versionOf(file);
  extra = [...extra.filter((e) => e.id !== v.id), v];
  return v;
}

export function resetForTests(): void {
  extra = [];
}

/** What a plan compares between versions: the requirement asks the same thing when these are equal. */
export function fingerprint(r: CatalogueRequirement): string {
  return JSON.stringify([r.statement.sv, r.appliesAt, [...r.triggers].sort()]);
}

/** A catalogue text in the reader's language (English is optional in catalogue files; Swedish is not). */
export const inLocale = (text: { sv: string; en?: string | undefined }, locale: 'sv' | 'en'): string => (locale === 'en' && text.en ? text.en : text.sv);
