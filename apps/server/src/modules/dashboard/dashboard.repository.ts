import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export async function organizationName(db: Db, organizationId: string): Promise<string> {
  return (await db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirstOrThrow()).name;
}

export async function organizationCounts(db: Db, organizationId: string) {
  const r = await sql<{ units: number; users: number; active_users: number; audit30: number }>`
    select
      (select count(*)::int from units where organization_id = ${organizationId} and closed_at is null) as units,
      (select count(*)::int from users where organization_id = ${organizationId} and status != 'disabled') as users,
      (select count(*)::int from users where organization_id = ${organizationId} and status = 'active') as active_users,
      (select count(*)::int from audit_events where organization_id = ${organizationId} and occurred_at > now() - interval '30 days') as audit30
  `.execute(db);
  return r.rows[0]!;
}
