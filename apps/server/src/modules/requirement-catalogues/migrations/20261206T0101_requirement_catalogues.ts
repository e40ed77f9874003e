import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Requirement catalogues as versioned data per organisation (issue 10 scope 1). A version is
// published when it is stored and never changes afterwards: action plans record the version they
// were made from, and their answers are only meaningful against its exact texts. The database
// refuses any UPDATE or direct DELETE of a version or its requirements, whatever code path tries.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE requirement_catalogue_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      catalogue text NOT NULL,
      version text NOT NULL,
      name jsonb NOT NULL,
      description jsonb,
      published_at date NOT NULL,
      source text NOT NULL CHECK (source IN ('shipped', 'imported')),
      -- The file as published (themes, requirements), for export and for readers of the whole version.
      definition jsonb NOT NULL,
      requirement_count integer NOT NULL,
      imported_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, catalogue, version)
    )`.execute(db);
  await sql`CREATE INDEX requirement_catalogue_versions_org_idx ON requirement_catalogue_versions (organization_id, catalogue, published_at DESC, created_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE catalogue_requirements (
      version_id uuid NOT NULL REFERENCES requirement_catalogue_versions(id) ON DELETE CASCADE,
      requirement_id text NOT NULL,
      position integer NOT NULL,
      theme text NOT NULL,
      title jsonb NOT NULL,
      statement jsonb NOT NULL,
      procurement jsonb NOT NULL,
      guidance jsonb NOT NULL,
      applies_at jsonb NOT NULL,
      triggers text[] NOT NULL,
      "references" jsonb NOT NULL,
      -- ISO/IEC 27002 control numbers referenced, for the statement of applicability and the control filter.
      controls text[] NOT NULL,
      search_text text NOT NULL,
      PRIMARY KEY (version_id, requirement_id),
      UNIQUE (version_id, position)
    )`.execute(db);
  await sql`CREATE INDEX catalogue_requirements_controls_idx ON catalogue_requirements USING gin (controls)`.execute(db);

  // A cascade from a parent (pg_trigger_depth() > 1) may remove rows; nothing else may touch them.
  await sql`
    CREATE FUNCTION tillit_catalogue_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION 'a published requirement catalogue version never changes (%)', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
    END $$`.execute(db);
  for (const table of ['requirement_catalogue_versions', 'catalogue_requirements']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_immutable`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION tillit_catalogue_version_immutable()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE catalogue_requirements`.execute(db);
  await sql`DROP TABLE requirement_catalogue_versions`.execute(db);
  await sql`DROP FUNCTION tillit_catalogue_version_immutable()`.execute(db);
}
