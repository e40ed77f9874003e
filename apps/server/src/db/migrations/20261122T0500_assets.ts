import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Issue 3: information assets, classification models and versions, information types, imports.
export async function up(db: Kysely<any>): Promise<void> {
  const levels = (prefix: string) =>
    ['c', 'i', 'a', 't'].map((a) => sql.raw(`${prefix}_${a} smallint CHECK (${prefix}_${a} BETWEEN 0 AND 9)`));

  await sql`
    CREATE TABLE information_types (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      key text NOT NULL,
      name text NOT NULL,
      description text,
      personal_data text NOT NULL DEFAULT 'none',
      ${sql.join(levels('rec'))},
      justification text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, key)
    )`.execute(db);

  await sql`
    CREATE TABLE classification_models (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      version integer NOT NULL,
      definition jsonb NOT NULL,
      note text,
      is_current boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, version)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX classification_models_current_idx ON classification_models (organization_id) WHERE is_current`.execute(db);

  await sql`
    CREATE TABLE assets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL CHECK (kind IN ('information_set', 'system', 'process')),
      name text NOT NULL,
      description text,
      unit_id uuid NOT NULL REFERENCES units(id),
      information_owner_id uuid REFERENCES users(id),
      system_owner_id uuid REFERENCES users(id),
      system_steward_id uuid REFERENCES users(id),
      supplier text,
      hosting text,
      third_country_transfer text NOT NULL DEFAULT 'unknown',
      third_countries text[] NOT NULL DEFAULT '{}',
      personal_data text NOT NULL DEFAULT 'none',
      lifecycle text NOT NULL DEFAULT 'in_use',
      external_id text,
      tags text[] NOT NULL DEFAULT '{}',
      information_type_id uuid REFERENCES information_types(id),
      -- Denormalised classification state, so the inventory page is one indexed read.
      ${sql.join(levels('approved'))},
      ${sql.join(levels('derived'))},
      ${sql.join(levels('level'))},
      special_analysis boolean NOT NULL DEFAULT false,
      current_version_id uuid,
      approved_at timestamptz,
      review_due_at timestamptz,
      open_version_id uuid,
      work_status text,
      -- Lower-cased text for the inventory's free-text search (LIKE on one column, not ILIKE on four).
      search_text text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(external_id, '') || ' ' || coalesce(supplier, '') || ' ' || coalesce(description, ''))) STORED,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX assets_external_id_idx ON assets (organization_id, external_id) WHERE external_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX assets_org_kind_name_idx ON assets (organization_id, kind, lower(name))`.execute(db);
  await sql`CREATE INDEX assets_org_name_idx ON assets (organization_id, lower(name))`.execute(db);
  await sql`CREATE INDEX assets_unit_idx ON assets (unit_id)`.execute(db);
  await sql`CREATE INDEX assets_review_idx ON assets (organization_id, review_due_at)`.execute(db);
  await sql`CREATE INDEX assets_type_idx ON assets (information_type_id) WHERE information_type_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX assets_tags_idx ON assets USING gin (tags)`.execute(db);
  for (const col of ['information_owner_id', 'system_owner_id', 'system_steward_id']) {
    await sql`CREATE INDEX ${sql.raw(`assets_${col}_idx`)} ON assets (${sql.raw(col)}) WHERE ${sql.raw(col)} IS NOT NULL`.execute(db);
  }

  // A system or process processes information sets (many-to-many).
  await sql`
    CREATE TABLE asset_links (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
      information_set_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (asset_id, information_set_id),
      CHECK (asset_id <> information_set_id)
    )`.execute(db);
  await sql`CREATE INDEX asset_links_set_idx ON asset_links (information_set_id)`.execute(db);

  await sql`
    CREATE TABLE asset_integrations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      from_asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
      to_asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
      description text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (from_asset_id <> to_asset_id)
    )`.execute(db);
  await sql`CREATE INDEX asset_integrations_from_idx ON asset_integrations (from_asset_id)`.execute(db);
  await sql`CREATE INDEX asset_integrations_to_idx ON asset_integrations (to_asset_id)`.execute(db);

  await sql`
    CREATE TABLE classification_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
      version_no integer NOT NULL,
      model_id uuid NOT NULL REFERENCES classification_models(id),
      status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
      answers jsonb NOT NULL DEFAULT '{}',
      justifications jsonb NOT NULL DEFAULT '{}',
      raises jsonb NOT NULL DEFAULT '{}',
      type_deviation_reason text,
      notes text,
      -- The facts the rules used, frozen on approval.
      personal_data text NOT NULL DEFAULT 'none',
      third_country_transfer text NOT NULL DEFAULT 'unknown',
      information_type_id uuid REFERENCES information_types(id) ON DELETE SET NULL,
      information_type_name text,
      type_recommended jsonb,
      inherited jsonb,
      derivation jsonb,
      ${sql.join(levels('level'))},
      special_analysis boolean NOT NULL DEFAULT false,
      author_id uuid REFERENCES users(id),
      contributor_ids uuid[] NOT NULL DEFAULT '{}',
      submitted_by uuid REFERENCES users(id),
      submitted_at timestamptz,
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      decision_comment text,
      approved_at timestamptz,
      review_due_at timestamptz,
      superseded_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (asset_id, version_no)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX classification_versions_one_open_idx ON classification_versions (asset_id) WHERE status <> 'approved'`.execute(
    db,
  );
  await sql`CREATE INDEX classification_versions_status_idx ON classification_versions (organization_id, status, updated_at DESC)`.execute(
    db,
  );
  await sql`ALTER TABLE assets ADD FOREIGN KEY (current_version_id) REFERENCES classification_versions(id) ON DELETE SET NULL`.execute(db);
  await sql`ALTER TABLE assets ADD FOREIGN KEY (open_version_id) REFERENCES classification_versions(id) ON DELETE SET NULL`.execute(db);

  await sql`
    CREATE TABLE asset_imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      created_by uuid REFERENCES users(id),
      file_name text NOT NULL,
      -- Parsed sheets [{ name, headers, rows }]; cleared once the import is applied.
      sheet_data jsonb,
      sheet_names text[] NOT NULL DEFAULT '{}',
      sheet text,
      headers text[] NOT NULL DEFAULT '{}',
      row_count integer NOT NULL DEFAULT 0,
      mapping jsonb,
      status text NOT NULL DEFAULT 'uploaded',
      report jsonb,
      progress_done integer NOT NULL DEFAULT 0,
      progress_total integer NOT NULL DEFAULT 0,
      error_code text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX asset_imports_org_idx ON asset_imports (organization_id, created_at DESC)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE assets DROP COLUMN current_version_id, DROP COLUMN open_version_id`.execute(db);
  for (const t of [
    'asset_imports',
    'classification_versions',
    'asset_integrations',
    'asset_links',
    'assets',
    'classification_models',
    'information_types',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.raw(t)}`.execute(db);
  }
}
