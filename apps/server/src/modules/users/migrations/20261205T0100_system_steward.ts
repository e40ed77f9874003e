import { sql, type Kysely } from 'kysely';

// The role code `system_administrator` is now `system_steward` (systemförvaltare): "administrator" read
// as the organisation's Tillit administrator. Grants move to the new code; audit events keep the code
// they were written with (append-only), and the users module's audit vocabulary still names it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE role_assignments SET role = 'system_steward' WHERE role = 'system_administrator'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`UPDATE role_assignments SET role = 'system_administrator' WHERE role = 'system_steward'`.execute(db);
}
