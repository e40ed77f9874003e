import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One row per verification that found the chain intact: the head it reached; the newest row counts. */
export interface AuditCheckpointsTable {
  id: Generated<number>;
  organization_id: string;
  event_id: number;
  hash: string;
  verified_at: Timestamp;
  /** Null when verified from the command line (no signed-in user). */
  verified_by: string | null;
  verified_by_name: string;
  /** HMAC with the audit key over organisation, event, hash and time; null for checkpoints before the key. */
  mac: string | null;
}

export interface AuditTables {
  audit_checkpoints: AuditCheckpointsTable;
}
