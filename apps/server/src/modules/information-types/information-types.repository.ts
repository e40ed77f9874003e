import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';

export interface TypeRow {
  id: string;
  row_version: number;
  organization_id: string;
  key: string;
  name: string;
  description: string | null;
  personal_data: string;
  rec_c: number | null;
  rec_i: number | null;
  rec_a: number | null;
  rec_t: number | null;
  justification: string | null;
  usage_count: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = sql`t.*, (select count(*)::int from assets a where a.information_type_id = t.id) as usage_count`;

export async function list(db: Db | Trx, organizationId: string): Promise<TypeRow[]> {
  return (
    await sql<TypeRow>`select ${SELECT} from information_types t where t.organization_id = ${organizationId} order by lower(t.name)`.execute(
      db,
    )
  ).rows;
}

export async function findById(db: Db | Trx, organizationId: string, id: string): Promise<TypeRow | undefined> {
  return (
    await sql<TypeRow>`select ${SELECT} from information_types t where t.organization_id = ${organizationId} and t.id = ${id}`.execute(db)
  ).rows[0];
}

/** The row locked for the rest of the transaction, so its version check and audit "before" are exact. */
export async function findForUpdate(trx: Trx, organizationId: string, id: string): Promise<TypeRow | undefined> {
  return (
    await sql<TypeRow>`select ${SELECT} from information_types t where t.organization_id = ${organizationId} and t.id = ${id} for update of t`.execute(
      trx,
    )
  ).rows[0];
}

export function findByKey(db: Db | Trx, organizationId: string, key: string) {
  return db
    .selectFrom('information_types')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export interface TypeValues {
  key?: string;
  name?: string;
  description?: string | null;
  personal_data?: string;
  rec_c?: number | null;
  rec_i?: number | null;
  rec_a?: number | null;
  rec_t?: number | null;
  justification?: string | null;
}

export function insert(trx: Trx, values: TypeValues & { organization_id: string; key: string; name: string }) {
  return trx.insertInto('information_types').values(values).returning('id').executeTakeFirstOrThrow();
}

export function update(trx: Trx, id: string, values: TypeValues) {
  return trx
    .updateTable('information_types')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function remove(trx: Trx, id: string) {
  return trx.deleteFrom('information_types').where('id', '=', id).execute();
}

export function findAnyById(db: Db | Trx, id: string) {
  return db.selectFrom('information_types').selectAll().where('id', '=', id).executeTakeFirst();
}

export function organization(db: Db | Trx, organizationId: string) {
  return db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirstOrThrow();
}
