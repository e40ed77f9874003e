import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * The start page's figures. The dashboard owns no tables: these are read-only counts over the
 * foundation's tables (organisation, units, users, audit events), kept in one place.
 */
export function organizationName(db: Db, organizationId: string) {
  return db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirstOrThrow();
}

export async function counts(db: Db, organizationId: string) {
  const r = await sql<{ units: number; users: number; active_users: number; audit30: number }>`
    select
      (select count(*)::int from units where organization_id = ${organizationId} and closed_at is null) as units,
      (select count(*)::int from users where organization_id = ${organizationId} and status != 'disabled') as users,
      (select count(*)::int from users where organization_id = ${organizationId} and status = 'active') as active_users,
      (select count(*)::int from audit_events where organization_id = ${organizationId} and occurred_at > now() - interval '30 days') as audit30
  `.execute(db);
  return r.rows[0]!;
}
