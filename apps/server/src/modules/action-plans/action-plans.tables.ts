import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** Migration 20261206T0300_action_plans. */
export interface ActionPlansTable {
  id: Generated<string>;
  organization_id: string;
  asset_id: string;
  catalogue_version_id: string;
  level_c: number | null;
  level_i: number | null;
  level_a: number | null;
  level_t: number | null;
  triggers: TextArray;
  security_analysis_aspects: TextArray;
  previous_plan_id: string | null;
  superseded_at: NullableTimestamp;
  generated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  row_version: Generated<number>;
}

export interface PlanRequirementsTable {
  id: Generated<string>;
  organization_id: string;
  plan_id: string;
  requirement_key: string;
  theme: string;
  position: number;
  change: string | null;
  previous_id: string | null;
  status: string | null;
  how: string | null;
  comment: string | null;
  na_reason: string | null;
  assessed_by: string | null;
  assessed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  row_version: Generated<number>;
}

export interface PlanEvidenceTable {
  id: Generated<string>;
  organization_id: string;
  plan_requirement_id: string;
  kind: string;
  title: string;
  url: string | null;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  content: Buffer | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ActionPlanTables {
  action_plans: ActionPlansTable;
  plan_requirements: PlanRequirementsTable;
  plan_evidence: PlanEvidenceTable;
}

declare module '../../db/types.js' {
  interface DB extends ActionPlanTables {}
}

/** Migration 20261206T0302_procurements. */
export interface ProcurementsTable {
  id: Generated<string>;
  organization_id: string;
  unit_id: string;
  asset_id: string | null;
  name: string;
  reference_number: string | null;
  procurement_date: ColumnType<string, string, string>;
  supplier: string | null;
  catalogue_version_id: string;
  level_c: number | null;
  level_i: number | null;
  level_a: number | null;
  level_t: number | null;
  triggers: TextArray;
  status: Generated<string>;
  awarded_on: ColumnType<string | null, string | null | undefined, string | null>;
  go_live_on: ColumnType<string | null, string | null | undefined, string | null>;
  recheck_months: number | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  row_version: Generated<number>;
}

export interface ProcurementRequirementsTable {
  id: Generated<string>;
  organization_id: string;
  procurement_id: string;
  requirement_key: string;
  theme: string;
  position: number;
}

export interface ContractChecksTable {
  id: Generated<string>;
  organization_id: string;
  procurement_id: string;
  kind: string;
  checked_on: ColumnType<string, string, string>;
  checked_by: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface ContractCheckResultsTable {
  id: Generated<string>;
  organization_id: string;
  check_id: string;
  procurement_requirement_id: string;
  result: string;
  comment: string | null;
}

export interface ProcurementTables {
  procurements: ProcurementsTable;
  procurement_requirements: ProcurementRequirementsTable;
  contract_checks: ContractChecksTable;
  contract_check_results: ContractCheckResultsTable;
}

declare module '../../db/types.js' {
  interface DB extends ProcurementTables {}
}
