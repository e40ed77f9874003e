import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One row per organisation: the last audit event a verification found intact, and its hash. */
export interface AuditCheckpointsTable {
  organization_id: string;
  event_id: number;
  hash: string;
  verified_at: Timestamp;
  /** Null when verified from the command line (no signed-in user). */
  verified_by: string | null;
  verified_by_name: string;
}

export interface AuditTables {
  audit_checkpoints: AuditCheckpointsTable;
}
