import type { ColumnType, Generated } from 'kysely';

/** The organisation's own words for the import's values (migration 20261205T0700). */
export interface AssetImportWordsTable {
  id: Generated<string>;
  organization_id: string;
  field: string;
  code: string;
  word: string;
  normalized: string;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  row_version: Generated<number>;
}

export interface AssetImportTables {
  asset_import_words: AssetImportWordsTable;
}

declare module '../../db/types.js' {
  interface DB extends AssetImportTables {}
}
