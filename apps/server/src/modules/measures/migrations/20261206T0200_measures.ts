import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Issue 10 item 3: ONE measures table for all of Tillit (action plans, the statement of applicability,
// contract follow-up, later risks, incidents, audits, supplier findings, management-review decisions).
// What a measure answers is a row in measure_links whose link_type is data (core
// data/measure-link-types.json), so a new module adds a link type, never a table or a migration.
// Verifications of effect are kept as history (append-only by the service; the latest decides).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE measures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      description text,
      owner_id uuid REFERENCES users(id),
      start_date date,
      due_date date NOT NULL,
      priority text NOT NULL DEFAULT 'medium',
      estimated_cost integer CHECK (estimated_cost >= 0),
      estimated_hours integer CHECK (estimated_hours >= 0),
      status text NOT NULL DEFAULT 'planned',
      cancel_reason text,
      completed_at timestamptz,
      verified_at timestamptz,
      -- The result of the latest verification (null until verified once); history in measure_verifications.
      last_result text,
      -- The due date as a day number, the integer key of the lists' keyset (an index on it serves them).
      due_day integer GENERATED ALWAYS AS (due_date - date '1970-01-01') STORED,
      search_text text GENERATED ALWAYS AS (lower(title || ' ' || coalesce(description, ''))) STORED,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      row_version integer NOT NULL DEFAULT 1,
      CONSTRAINT measures_due_after_start CHECK (start_date IS NULL OR due_date >= start_date),
      CONSTRAINT measures_cancel_reason CHECK (status <> 'cancelled' OR (cancel_reason IS NOT NULL AND length(btrim(cancel_reason)) > 0))
    )`.execute(db);
  await sql`CREATE TRIGGER measures_row_version BEFORE UPDATE ON measures
    FOR EACH ROW EXECUTE FUNCTION tillit_bump_row_version('search_text', 'due_day', 'last_result')`.execute(db);
  // Keyset indexes of the lists (organization_id, key, id): due date (open/overdue), title, updated.
  await sql`CREATE INDEX measures_org_due_idx ON measures (organization_id, due_day, id)`.execute(db);
  await sql`CREATE INDEX measures_org_open_due_idx ON measures (organization_id, due_day, id) WHERE status IN ('planned', 'in_progress')`.execute(
    db,
  );
  await sql`CREATE INDEX measures_org_title_idx ON measures (organization_id, lower(title), id)`.execute(db);
  await sql`CREATE INDEX measures_org_updated_idx ON measures (organization_id, updated_at, id)`.execute(db);
  await sql`CREATE INDEX measures_owner_idx ON measures (owner_id, status)`.execute(db);
  await sql`CREATE INDEX measures_unit_idx ON measures (unit_id)`.execute(db);
  await sql`CREATE INDEX measures_search_idx ON measures USING gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    CREATE TABLE measure_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
      -- A key of data/measure-link-types.json; checked by the service, not by a constraint, so a
      -- new link type needs no migration.
      link_type text NOT NULL,
      -- The object the measure answers (a requirement assessment, an SoA row, a finding …).
      target_id uuid NOT NULL,
      -- The object that holds it, for the link (e.g. the action plan of a requirement assessment).
      context_id uuid,
      -- What the measure answers, in words, as the linking module named it; refreshed by it on rename.
      label text NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (measure_id, link_type, target_id)
    )`.execute(db);
  await sql`CREATE INDEX measure_links_target_idx ON measure_links (organization_id, link_type, target_id)`.execute(db);
  await sql`CREATE INDEX measure_links_context_idx ON measure_links (organization_id, link_type, context_id) WHERE context_id IS NOT NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE measure_verifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
      verified_by uuid NOT NULL REFERENCES users(id),
      verified_on date NOT NULL,
      method text NOT NULL CHECK (length(btrim(method)) > 0),
      result text NOT NULL CHECK (result IN ('effective', 'partly', 'not_effective')),
      comment text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX measure_verifications_measure_idx ON measure_verifications (measure_id, created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE measure_verifications`.execute(db);
  await sql`DROP TABLE measure_links`.execute(db);
  await sql`DROP TABLE measures`.execute(db);
}
