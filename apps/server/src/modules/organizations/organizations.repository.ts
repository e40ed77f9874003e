import type { Db, Trx } from '../../db/database.js';

export function findById(db: Db | Trx, id: string) {
  return db
    .selectFrom('organizations')
    .innerJoin('units', (j) => j.onRef('units.organization_id', '=', 'organizations.id').on('units.parent_id', 'is', null))
    .selectAll('organizations')
    .select('units.id as root_unit_id')
    .where('organizations.id', '=', id)
    .executeTakeFirst();
}

/** The organisation locked for the rest of the transaction (version check and audit "before"). */
export function findForUpdate(trx: Trx, id: string) {
  return trx
    .selectFrom('organizations')
    .innerJoin('units', (j) => j.onRef('units.organization_id', '=', 'organizations.id').on('units.parent_id', 'is', null))
    .selectAll('organizations')
    .select('units.id as root_unit_id')
    .where('organizations.id', '=', id)
    .forUpdate('organizations')
    .executeTakeFirst();
}

export function listAll(db: Db) {
  return db
    .selectFrom('organizations')
    .innerJoin('units', (j) => j.onRef('units.organization_id', '=', 'organizations.id').on('units.parent_id', 'is', null))
    .selectAll('organizations')
    .select('units.id as root_unit_id')
    .orderBy('organizations.name')
    .execute();
}

export function findByOrgNumber(db: Db | Trx, orgNumber: string) {
  return db.selectFrom('organizations').select('id').where('org_number', '=', orgNumber).executeTakeFirst();
}

export function insert(trx: Trx, values: { name: string; org_number: string; kind: string }) {
  return trx.insertInto('organizations').values(values).returningAll().executeTakeFirstOrThrow();
}

export function update(trx: Trx, id: string, values: { name?: string; org_number?: string; kind?: string }) {
  return trx
    .updateTable('organizations')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
