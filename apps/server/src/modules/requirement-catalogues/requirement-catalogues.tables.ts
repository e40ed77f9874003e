import type { ColumnType, Generated } from 'kysely';
import type { AppliesAt, Localized, RequirementCatalogueFile, RequirementReference } from '@tillit/core';

type Json<T> = ColumnType<T, string, never>;
type NullableJson<T> = ColumnType<T | null, string | null, never>;

/** Published catalogue versions: insert-only (the database refuses updates and deletes). */
export interface RequirementCatalogueVersionsTable {
  id: Generated<string>;
  organization_id: string;
  catalogue: string;
  version: string;
  name: Json<Localized>;
  description: NullableJson<Localized>;
  published_at: ColumnType<string, string, never>;
  source: 'shipped' | 'imported';
  definition: Json<RequirementCatalogueFile>;
  requirement_count: number;
  imported_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CatalogueRequirementsTable {
  version_id: string;
  requirement_id: string;
  position: number;
  theme: string;
  title: Json<Localized>;
  statement: Json<Localized>;
  procurement: Json<Localized>;
  guidance: Json<Localized>;
  applies_at: Json<AppliesAt>;
  triggers: ColumnType<string[], string[], never>;
  references: Json<RequirementReference[]>;
  controls: ColumnType<string[], string[], never>;
  search_text: string;
}

export interface RequirementCatalogueTables {
  requirement_catalogue_versions: RequirementCatalogueVersionsTable;
  catalogue_requirements: CatalogueRequirementsTable;
}

declare module '../../db/types.js' {
  interface DB extends RequirementCatalogueTables {}
}
