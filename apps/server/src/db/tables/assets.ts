import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Level = number | null;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;
type NullableJson<T = unknown> = ColumnType<T | null, string | null | undefined, string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface InformationTypesTable {
  id: Generated<string>;
  organization_id: string;
  key: string;
  name: string;
  description: string | null;
  personal_data: Generated<string>;
  rec_c: Level;
  rec_i: Level;
  rec_a: Level;
  rec_t: Level;
  justification: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Raised by the database on every edit; the ETag (migration 20261202T0300). */
  row_version: Generated<number>;
}

export interface ClassificationModelsTable {
  id: Generated<string>;
  organization_id: string;
  version: number;
  definition: Json;
  note: string | null;
  is_current: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AssetsTable {
  id: Generated<string>;
  organization_id: string;
  kind: string;
  name: string;
  description: string | null;
  unit_id: string;
  information_owner_id: string | null;
  system_owner_id: string | null;
  system_steward_id: string | null;
  supplier: string | null;
  hosting: string | null;
  third_country_transfer: Generated<string>;
  third_countries: TextArray;
  /** 'yes' | 'no': needed for a service under cybersäkerhetslagen (migration 20261206T0301). */
  essential_service: Generated<string>;
  personal_data: Generated<string>;
  lifecycle: Generated<string>;
  external_id: string | null;
  tags: TextArray;
  information_type_id: string | null;
  /** Facts of an information set (migration 20261205T0300): OSL chapter, protected identity, art. 10, säkerhetsskydd. */
  secrecy_chapter: number | null;
  protected_identity: Generated<boolean>;
  criminal_offence_data: Generated<boolean>;
  security_protection: Generated<boolean>;
  /** The owner's recorded delegate for deciding classifications. */
  decision_delegate_id: string | null;
  /** Why the approved classification is to be reviewed before its date (facts changed after approval). */
  classification_review_reasons: NullableJson;
  approved_c: Level;
  approved_i: Level;
  approved_a: Level;
  approved_t: Level;
  derived_c: Level;
  derived_i: Level;
  derived_a: Level;
  derived_t: Level;
  level_c: Level;
  level_i: Level;
  level_a: Level;
  level_t: Level;
  special_analysis: Generated<boolean>;
  current_version_id: string | null;
  approved_at: NullableTimestamp;
  review_due_at: NullableTimestamp;
  open_version_id: string | null;
  work_status: string | null;
  search_text: ColumnType<string, never, never>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Raised by the database on every edit; the ETag (migration 20261202T0300). */
  row_version: Generated<number>;
}

export interface AssetLinksTable {
  organization_id: string;
  asset_id: string;
  information_set_id: string;
  created_at: Timestamp;
}

export interface AssetIntegrationsTable {
  id: Generated<string>;
  organization_id: string;
  from_asset_id: string;
  to_asset_id: string;
  description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Raised by the database on every edit; the ETag (migration 20261202T0300). */
  row_version: Generated<number>;
}

export interface ClassificationVersionsTable {
  id: Generated<string>;
  organization_id: string;
  asset_id: string;
  version_no: number;
  model_id: string;
  status: string;
  answers: Json;
  justifications: Json;
  raises: Json;
  type_deviation_reason: string | null;
  notes: string | null;
  personal_data: Generated<string>;
  third_country_transfer: Generated<string>;
  information_type_id: string | null;
  information_type_name: string | null;
  secrecy_chapter: number | null;
  protected_identity: Generated<boolean>;
  criminal_offence_data: Generated<boolean>;
  security_protection: Generated<boolean>;
  /** The coordinator's quality check (granskad). */
  checked_by: string | null;
  checked_at: NullableTimestamp;
  check_comment: string | null;
  type_recommended: NullableJson;
  inherited: NullableJson;
  derivation: NullableJson;
  level_c: Level;
  level_i: Level;
  level_a: Level;
  level_t: Level;
  special_analysis: Generated<boolean>;
  author_id: string | null;
  contributor_ids: TextArray;
  submitted_by: string | null;
  submitted_at: NullableTimestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_comment: string | null;
  approved_at: NullableTimestamp;
  review_due_at: NullableTimestamp;
  superseded_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Raised by the database on every edit; the ETag (migration 20261202T0300). */
  row_version: Generated<number>;
}

export interface AssetImportsTable {
  id: Generated<string>;
  organization_id: string;
  created_by: string | null;
  file_name: string;
  sheet_data: NullableJson;
  /** Sheet name → the suggested mapping of its headers, computed at upload (migration 20261205T0900). */
  suggested_mappings: NullableJson;
  sheet_names: TextArray;
  sheet: string | null;
  headers: TextArray;
  row_count: Generated<number>;
  mapping: NullableJson;
  status: Generated<string>;
  report: NullableJson;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  error_code: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
  /** Renewed while an apply runs; an `applying` import past it is orphaned (migration 20261202T0320). */
  lease_until: Timestamp | null;
  /** What an applied import did, to undo it as a whole (migration 20261205T0700 in modules/asset-import). */
  undo: NullableJson;
  undone_at: NullableTimestamp;
  undone_by: string | null;
}

export interface AssetTables {
  information_types: InformationTypesTable;
  classification_models: ClassificationModelsTable;
  assets: AssetsTable;
  asset_links: AssetLinksTable;
  asset_integrations: AssetIntegrationsTable;
  classification_versions: ClassificationVersionsTable;
  asset_imports: AssetImportsTable;
}
