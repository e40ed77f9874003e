import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The measure lists' other views read index ranges too: done-but-unverified (a partial index like the
// open one) and a status filter (status, then the due day) and the grouped list per owner — measured on 60,000 measures, without them
// "unverified" read every row of the organisation.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX measures_org_done_due_idx ON measures (organization_id, due_day, id) WHERE status = 'done'`.execute(db);
  await sql`CREATE INDEX measures_org_status_due_idx ON measures (organization_id, status, due_day, id)`.execute(db);
  // The grouped list's first measures of each owner, due first.
  await sql`CREATE INDEX measures_owner_due_idx ON measures (owner_id, due_day, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX measures_owner_due_idx`.execute(db);
  await sql`DROP INDEX measures_org_status_due_idx`.execute(db);
  await sql`DROP INDEX measures_org_done_due_idx`.execute(db);
}
