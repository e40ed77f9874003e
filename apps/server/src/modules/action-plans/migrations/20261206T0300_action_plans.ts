import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Issue 10 items 2 and 4: action plans (handlingsplaner). A plan belongs to one classified asset and
// to one catalogue version, with the profile and law triggers it was generated from. A new catalogue
// version or a changed profile makes a NEW plan that supersedes the old one (which stays readable);
// answers of unchanged requirements are copied into it, changed ones point at the answer they replace.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE action_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      asset_id uuid NOT NULL REFERENCES assets(id),
      catalogue_version_id uuid NOT NULL,
      level_c smallint, level_i smallint, level_a smallint, level_t smallint,
      triggers text[] NOT NULL DEFAULT '{}',
      -- Aspects at the level that needs a separate security-protection analysis (no requirements from them).
      security_analysis_aspects text[] NOT NULL DEFAULT '{}',
      previous_plan_id uuid REFERENCES action_plans(id),
      superseded_at timestamptz,
      generated_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      row_version integer NOT NULL DEFAULT 1
    )`.execute(db);
  await sql`CREATE TRIGGER action_plans_row_version BEFORE UPDATE ON action_plans
    FOR EACH ROW EXECUTE FUNCTION tillit_bump_row_version('superseded_at')`.execute(db);
  // One current plan per asset; superseded ones are history.
  await sql`CREATE UNIQUE INDEX action_plans_current_idx ON action_plans (asset_id) WHERE superseded_at IS NULL`.execute(db);
  await sql`CREATE INDEX action_plans_org_idx ON action_plans (organization_id, created_at, id)`.execute(db);
  await sql`CREATE INDEX action_plans_asset_idx ON action_plans (asset_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE plan_requirements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      plan_id uuid NOT NULL REFERENCES action_plans(id),
      requirement_key text NOT NULL,
      theme text NOT NULL,
      position integer NOT NULL,
      -- Against the previous plan: added, changed (text or applicability changed) or unchanged; null for a first plan.
      change text CHECK (change IN ('added', 'changed', 'unchanged')),
      -- The answer this one replaces (the previous plan's), shown beside a changed requirement.
      previous_id uuid REFERENCES plan_requirements(id),
      status text CHECK (status IN ('met', 'partly_met', 'not_met', 'not_applicable')),
      how text,
      comment text,
      na_reason text,
      assessed_by uuid REFERENCES users(id),
      assessed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      row_version integer NOT NULL DEFAULT 1,
      UNIQUE (plan_id, requirement_key),
      CONSTRAINT plan_requirements_na_reason CHECK (status IS DISTINCT FROM 'not_applicable' OR length(btrim(coalesce(na_reason, ''))) > 0)
    )`.execute(db);
  await sql`CREATE TRIGGER plan_requirements_row_version BEFORE UPDATE ON plan_requirements
    FOR EACH ROW EXECUTE FUNCTION tillit_bump_row_version()`.execute(db);
  await sql`CREATE INDEX plan_requirements_org_key_idx ON plan_requirements (organization_id, requirement_key, status)`.execute(db);
  await sql`CREATE INDEX plan_requirements_stale_idx ON plan_requirements (organization_id, assessed_at)`.execute(db);

  // Evidence: a link or a file kept in PostgreSQL (bytea; size and type checked by the service and here).
  await sql`
    CREATE TABLE plan_evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      plan_requirement_id uuid NOT NULL REFERENCES plan_requirements(id),
      kind text NOT NULL CHECK (kind IN ('link', 'file')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      url text,
      file_name text,
      media_type text,
      size_bytes integer CHECK (size_bytes BETWEEN 1 AND 10485760),
      content bytea,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT plan_evidence_shape CHECK (
        (kind = 'link' AND url IS NOT NULL AND content IS NULL) OR
        (kind = 'file' AND content IS NOT NULL AND file_name IS NOT NULL AND media_type IS NOT NULL AND size_bytes = octet_length(content)))
    )`.execute(db);
  await sql`CREATE INDEX plan_evidence_requirement_idx ON plan_evidence (plan_requirement_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE plan_evidence`.execute(db);
  await sql`DROP TABLE plan_requirements`.execute(db);
  await sql`DROP TABLE action_plans`.execute(db);
}
