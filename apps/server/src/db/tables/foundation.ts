import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  org_number: string;
  kind: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitsTable {
  id: Generated<string>;
  organization_id: string;
  parent_id: string | null;
  name: string;
  kind: string;
  description: string | null;
  path: string[];
  closed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  name: string;
  password_hash: string | null;
  status: string;
  locale: Generated<string>;
  is_platform_admin: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  role: string;
  unit_id: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface UserLinksTable {
  id: Generated<string>;
  user_id: string;
  purpose: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  name: string;
  scope: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface LoginThrottleTable {
  key: string;
  attempts: number;
  window_start: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  organization_id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  entity_label: string | null;
  unit_id: string | null;
  changes: unknown;
  prev_hash: string;
  hash: string;
  /** 1: unkeyed SHA-256 (before the audit key), 2: HMAC with the audit key (ADR 0002). */
  chain_version: Generated<number>;
}

export interface FoundationTables {
  organizations: OrganizationsTable;
  units: UnitsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  user_links: UserLinksTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventsTable;
}
