import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SoaVersionsTable {
  id: Generated<string>;
  organization_id: string;
  year: number;
  note: string | null;
  copied_from_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  row_version: Generated<number>;
}

export interface SoaEntriesTable {
  id: Generated<string>;
  version_id: string;
  control: string;
  applicable: boolean | null;
  reasons: ColumnType<string[], string[] | undefined, string[]>;
  reason_text: string | null;
  implementation: 'yes' | 'partly' | 'no' | null;
  gap_severity: 'none' | 'low' | 'medium' | 'high' | null;
  current_state: string | null;
  planned_improvement: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
  row_version: Generated<number>;
}

export interface SoaTables {
  soa_versions: SoaVersionsTable;
  soa_entries: SoaEntriesTable;
}

declare module '../../db/types.js' {
  interface DB extends SoaTables {}
}
