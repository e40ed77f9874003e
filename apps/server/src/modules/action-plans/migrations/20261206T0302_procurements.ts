import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Issue 10 item 7: procurement requirements (upphandlingskrav) and contract follow-up. A procurement
// keeps the SKA-requirements selected for a profile and law triggers (from an existing asset or
// given for a planned one) and the catalogue version they came from. After award the same set is
// checked at go-live and again at the contract's interval; each check records a result per requirement.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE procurements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      asset_id uuid REFERENCES assets(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      reference_number text CHECK (length(reference_number) <= 60),
      procurement_date date NOT NULL,
      supplier text CHECK (length(supplier) <= 200),
      catalogue_version_id uuid NOT NULL,
      level_c smallint, level_i smallint, level_a smallint, level_t smallint,
      triggers text[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing', 'awarded')),
      awarded_on date,
      go_live_on date,
      recheck_months integer CHECK (recheck_months BETWEEN 1 AND 60),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      row_version integer NOT NULL DEFAULT 1,
      CONSTRAINT procurements_award CHECK (status <> 'awarded' OR (supplier IS NOT NULL AND awarded_on IS NOT NULL AND recheck_months IS NOT NULL))
    )`.execute(db);
  await sql`CREATE TRIGGER procurements_row_version BEFORE UPDATE ON procurements FOR EACH ROW EXECUTE FUNCTION tillit_bump_row_version()`.execute(
    db,
  );
  await sql`CREATE INDEX procurements_org_idx ON procurements (organization_id, procurement_date, id)`.execute(db);
  await sql`CREATE INDEX procurements_unit_idx ON procurements (unit_id)`.execute(db);

  await sql`
    CREATE TABLE procurement_requirements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      procurement_id uuid NOT NULL REFERENCES procurements(id),
      requirement_key text NOT NULL,
      theme text NOT NULL,
      position integer NOT NULL,
      UNIQUE (procurement_id, requirement_key)
    )`.execute(db);

  await sql`
    CREATE TABLE contract_checks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      procurement_id uuid NOT NULL REFERENCES procurements(id),
      kind text NOT NULL CHECK (kind IN ('go_live', 'periodic')),
      checked_on date NOT NULL,
      checked_by uuid REFERENCES users(id),
      note text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX contract_checks_procurement_idx ON contract_checks (procurement_id, checked_on)`.execute(db);

  await sql`
    CREATE TABLE contract_check_results (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      check_id uuid NOT NULL REFERENCES contract_checks(id),
      procurement_requirement_id uuid NOT NULL REFERENCES procurement_requirements(id),
      result text NOT NULL CHECK (result IN ('met', 'partly_met', 'not_met', 'not_applicable')),
      comment text,
      UNIQUE (check_id, procurement_requirement_id)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE contract_check_results`.execute(db);
  await sql`DROP TABLE contract_checks`.execute(db);
  await sql`DROP TABLE procurement_requirements`.execute(db);
  await sql`DROP TABLE procurements`.execute(db);
}
