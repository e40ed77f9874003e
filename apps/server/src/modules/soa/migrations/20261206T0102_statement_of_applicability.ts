import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// The statement of applicability (issue 10 scope 6): one version per organisation and year, one
// entry per Annex A control. Years are kept side by side; a new year starts as a copy of the last.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE soa_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
      note text,
      copied_from_id uuid REFERENCES soa_versions(id),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      row_version integer NOT NULL DEFAULT 1,
      UNIQUE (organization_id, year)
    )`.execute(db);
  await sql`
    CREATE TABLE soa_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version_id uuid NOT NULL REFERENCES soa_versions(id),
      control text NOT NULL,
      applicable boolean,
      reasons text[] NOT NULL DEFAULT '{}',
      reason_text text,
      implementation text CHECK (implementation IN ('yes', 'partly', 'no')),
      gap_severity text CHECK (gap_severity IN ('none', 'low', 'medium', 'high')),
      current_state text,
      planned_improvement text,
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      row_version integer NOT NULL DEFAULT 1,
      UNIQUE (version_id, control),
      -- A decision on applicability is always justified (ISO/IEC 27001 6.1.3 d).
      CONSTRAINT soa_entries_reason_check CHECK (applicable IS NULL OR cardinality(reasons) > 0)
    )`.execute(db);
  for (const table of ['soa_versions', 'soa_entries']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_row_version`)} BEFORE UPDATE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION tillit_bump_row_version('updated_by')`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE soa_entries`.execute(db);
  await sql`DROP TABLE soa_versions`.execute(db);
}
