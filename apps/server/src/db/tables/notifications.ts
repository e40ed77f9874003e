import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** One notice to one user; unique per user, kind, object and (Swedish) day. */
export interface NotificationsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  params: ColumnType<Record<string, string>, string | undefined, string>;
  link: string | null;
  day: ColumnType<string, string | undefined, string>;
  created_at: Generated<Date>;
  read_at: NullableTimestamp;
}

export interface NotificationPreferencesTable {
  user_id: string;
  organization_id: string;
  muted_kinds: ColumnType<string[], string[] | undefined, string[]>;
  digest: ColumnType<'off' | 'daily' | 'weekly', string | undefined, string>;
  digest_sent_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
}
