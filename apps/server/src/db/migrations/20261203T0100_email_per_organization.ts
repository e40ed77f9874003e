import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// E-mail addresses were unique across the installation, so inviting an address in organisation B
// answered "taken" when it existed in A: one organisation could probe another's staff. Unique per
// organisation now; signing in with an address that exists in several asks for the organisation
// (see auth.service login).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS users_email_idx`.execute(db);
  await sql`CREATE UNIQUE INDEX users_org_email_idx ON users (organization_id, lower(email))`.execute(db);
  // Sign-in looks an address up without the organisation.
  await sql`CREATE INDEX users_email_lookup_idx ON users (lower(email))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS users_email_lookup_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS users_org_email_idx`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_idx ON users (lower(email))`.execute(db);
}
