import { sql } from 'kysely';
import { klassaPresetModel, type ClassificationModelDefinition } from '@tillit/core';
import type { Db, Trx } from '../../db/database.js';

export interface ModelRow {
  id: string;
  organization_id: string;
  version: number;
  definition: ClassificationModelDefinition;
  note: string | null;
  is_current: boolean;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const SELECT = sql`m.id, m.organization_id, m.version, m.definition, m.note, m.is_current, m.created_by, u.name as created_by_name, m.created_at`;

export async function findById(db: Db | Trx, organizationId: string, id: string): Promise<ModelRow | undefined> {
  return (
    await sql<ModelRow>`select ${SELECT} from classification_models m left join users u on u.id = m.created_by where m.organization_id = ${organizationId} and m.id = ${id}`.execute(
      db,
    )
  ).rows[0];
}

export async function list(db: Db, organizationId: string) {
  return (
    await sql<ModelRow & { usage_count: number }>`
      select ${SELECT}, (select count(*)::int from classification_versions v where v.model_id = m.id) as usage_count
      from classification_models m left join users u on u.id = m.created_by
      where m.organization_id = ${organizationId} order by m.version desc`.execute(db)
  ).rows;
}

export async function usageCount(db: Db | Trx, modelId: string) {
  const r = await db
    .selectFrom('classification_versions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('model_id', '=', modelId)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** The organisation's current model (every organisation has one from its creation on). */
export async function findCurrent(db: Db | Trx, organizationId: string): Promise<ModelRow | undefined> {
  return (
    await sql<ModelRow>`select ${SELECT} from classification_models m left join users u on u.id = m.created_by where m.organization_id = ${organizationId} and m.is_current`.execute(
      db,
    )
  ).rows[0];
}

/** Version 1 from the shipped preset; nothing when the organisation already has a model. */
export async function insertPreset(trx: Trx, organizationId: string): Promise<string | undefined> {
  const inserted = await trx
    .insertInto('classification_models')
    .values({
      organization_id: organizationId,
      version: 1,
      definition: JSON.stringify(klassaPresetModel),
      note: 'Förinställd modell',
      is_current: true,
      created_by: null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

/** Serialises saves of one organisation's model until the transaction ends. */
export async function lockModel(trx: Trx, organizationId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${'model:' + organizationId}, 0))`.execute(trx);
}

/** A new current version (call under `lockModel`); the previous versions stay, as classifications refer to them. */
export async function insertVersion(
  trx: Trx,
  organizationId: string,
  definition: ClassificationModelDefinition,
  note: string | null,
  createdBy: string | null,
) {
  const last = await trx
    .selectFrom('classification_models')
    .select(sql<number>`coalesce(max(version), 0)`.as('v'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('classification_models')
    .set({ is_current: false })
    .where('organization_id', '=', organizationId)
    .where('is_current', '=', true)
    .execute();
  return trx
    .insertInto('classification_models')
    .values({
      organization_id: organizationId,
      version: Number(last.v) + 1,
      definition: JSON.stringify(definition),
      note,
      is_current: true,
      created_by: createdBy,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}
