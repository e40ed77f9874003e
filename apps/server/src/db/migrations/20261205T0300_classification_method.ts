import { sql, type Kysely } from 'kysely';
import { klassaPresetModel } from '@tillit/core';
import { systemActor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Trx } from '../database.js';
import * as modelsRepo from '../../modules/classification/models.repository.js';

// Frozen: never edit a migration that has shipped; add a new one.
// Classification as Swedish practice has it (issue 9, ADR 0018):
// - facts of an information set apart from the kind of personal data: secrecy (OSL chapter),
//   protected identity, criminal-offence data (GDPR art. 10), säkerhetsskydd — on the asset, and
//   snapshotted on each classification version like the other facts;
// - the coordinator's quality check (granskad) of a submitted version, and the owner's recorded
//   delegate for the decision;
// - why an approved classification is to be reviewed before its date (its facts changed).
// No version is rewritten: level-4 versions stay as they were decided and are listed for review
// (classification list, filter levelReview). Organisations still on the untouched shipped model
// (version 1) get the new shipped model as their next version; adapted models are theirs to change.
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (trx: Kysely<any>) => {
    await sql`
      ALTER TABLE assets
        ADD COLUMN secrecy_chapter smallint CHECK (secrecy_chapter BETWEEN 1 AND 50),
        ADD COLUMN protected_identity boolean NOT NULL DEFAULT false,
        ADD COLUMN criminal_offence_data boolean NOT NULL DEFAULT false,
        ADD COLUMN security_protection boolean NOT NULL DEFAULT false,
        ADD COLUMN decision_delegate_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN classification_review_reasons jsonb`.execute(trx);
    await sql`
      ALTER TABLE classification_versions
        ADD COLUMN secrecy_chapter smallint,
        ADD COLUMN protected_identity boolean NOT NULL DEFAULT false,
        ADD COLUMN criminal_offence_data boolean NOT NULL DEFAULT false,
        ADD COLUMN security_protection boolean NOT NULL DEFAULT false,
        ADD COLUMN checked_by uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN checked_at timestamptz,
        ADD COLUMN check_comment text`.execute(trx);
    await upgradeShippedModels(trx as unknown as Trx);
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}

/** Organisations whose current model is the untouched shipped version 1 get the new shipped model as version 2, audited. */
export async function upgradeShippedModels(trx: Trx): Promise<void> {
  const orgs = await sql<{ organization_id: string }>`
    select organization_id from classification_models m
    where is_current and version = 1 and definition->>'key' = ${klassaPresetModel.key}
    order by organization_id`.execute(trx);
  for (const o of orgs.rows) {
    const created = await modelsRepo.insertVersion(
      trx,
      o.organization_id,
      klassaPresetModel,
      'Nivå 4 endast för säkerhetsskydd; lagkrav som policy med lagrum; tredjelandsöverföring höjer inte konfidentialiteten.',
      null,
    );
    await recordAudit(trx, systemActor(o.organization_id), {
      action: 'create',
      entityType: 'classification_model',
      entityId: created.id,
      entityLabel: `Version ${created.version}`,
      after: { version: created.version, key: klassaPresetModel.key, levels: klassaPresetModel.levels.length, traceability: true },
    });
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE classification_versions
      DROP COLUMN IF EXISTS check_comment, DROP COLUMN IF EXISTS checked_at, DROP COLUMN IF EXISTS checked_by,
      DROP COLUMN IF EXISTS security_protection, DROP COLUMN IF EXISTS criminal_offence_data,
      DROP COLUMN IF EXISTS protected_identity, DROP COLUMN IF EXISTS secrecy_chapter`.execute(db);
  await sql`
    ALTER TABLE assets
      DROP COLUMN IF EXISTS classification_review_reasons, DROP COLUMN IF EXISTS decision_delegate_id,
      DROP COLUMN IF EXISTS security_protection, DROP COLUMN IF EXISTS criminal_offence_data,
      DROP COLUMN IF EXISTS protected_identity, DROP COLUMN IF EXISTS secrecy_chapter`.execute(db);
}
