import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `date` columns are read as YYYY-MM-DD text (the repository casts them), written as such. */
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface MeasuresTable {
  id: Generated<string>;
  organization_id: string;
  unit_id: string;
  title: string;
  description: string | null;
  owner_id: string | null;
  start_date: NullableDate;
  due_date: DateColumn;
  priority: Generated<string>;
  estimated_cost: number | null;
  estimated_hours: number | null;
  status: Generated<string>;
  cancel_reason: string | null;
  completed_at: NullableTimestamp;
  verified_at: NullableTimestamp;
  last_result: string | null;
  due_day: Generated<number>;
  search_text: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  row_version: Generated<number>;
}

export interface MeasureLinksTable {
  id: Generated<string>;
  organization_id: string;
  measure_id: string;
  link_type: string;
  target_id: string;
  context_id: string | null;
  label: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface MeasureVerificationsTable {
  id: Generated<string>;
  organization_id: string;
  measure_id: string;
  verified_by: string;
  verified_on: DateColumn;
  method: string;
  result: string;
  comment: string | null;
  created_at: Timestamp;
}

export interface MeasureTables {
  measures: MeasuresTable;
  measure_links: MeasureLinksTable;
  measure_verifications: MeasureVerificationsTable;
}

declare module '../../db/types.js' {
  interface DB extends MeasureTables {}
}
