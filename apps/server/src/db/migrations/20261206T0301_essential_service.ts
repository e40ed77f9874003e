import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Issue 10: the catalogue's law trigger "NIS-covered service" needs an asset fact. The smallest
// honest one: does the asset serve a service covered by cybersäkerhetslagen (2025:1506), yes or no.
// Issue 13 builds the NIS scope (the services themselves) properly.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE assets ADD COLUMN essential_service text NOT NULL DEFAULT 'no' CHECK (essential_service IN ('yes', 'no'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE assets DROP COLUMN essential_service`.execute(db);
}
