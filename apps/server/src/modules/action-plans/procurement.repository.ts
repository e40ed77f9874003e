import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import type {} from './action-plans.tables.js';

export interface ProcurementRow {
  id: string;
  row_version: number;
  organization_id: string;
  unit_id: string;
  unit_name: string;
  unit_path: string[];
  asset_id: string | null;
  asset_name: string | null;
  name: string;
  reference_number: string | null;
  procurement_date: string;
  supplier: string | null;
  catalogue_version_id: string;
  level_c: number | null;
  level_i: number | null;
  level_a: number | null;
  level_t: number | null;
  triggers: string[];
  status: string;
  awarded_on: string | null;
  go_live_on: string | null;
  recheck_months: number | null;
  last_check_on: string | null;
  requirement_count: number;
}

const SELECT = sql`
  p.id, p.row_version, p.organization_id, p.unit_id, u.name as unit_name, u.path as unit_path, p.asset_id, a.name as asset_name,
  p.name, p.reference_number, to_char(p.procurement_date, 'YYYY-MM-DD') as procurement_date, p.supplier, p.catalogue_version_id,
  p.level_c, p.level_i, p.level_a, p.level_t, p.triggers, p.status, to_char(p.awarded_on, 'YYYY-MM-DD') as awarded_on,
  to_char(p.go_live_on, 'YYYY-MM-DD') as go_live_on, p.recheck_months,
  (select to_char(max(c.checked_on), 'YYYY-MM-DD') from contract_checks c where c.procurement_id = p.id) as last_check_on,
  (select count(*)::int from procurement_requirements r where r.procurement_id = p.id) as requirement_count`;
const FROM = sql`procurements p join units u on u.id = p.unit_id left join assets a on a.id = p.asset_id`;

export async function find(db: Db | Trx, organizationId: string, id: string, forUpdate = false): Promise<ProcurementRow | undefined> {
  const lock = forUpdate ? sql`for update of p` : sql``;
  return (
    await sql<ProcurementRow>`select ${SELECT} from ${FROM} where p.organization_id = ${organizationId} and p.id = ${id} ${lock}`.execute(
      db,
    )
  ).rows[0];
}

export async function list(db: Db | Trx, organizationId: string, scope: readonly string[] | null): Promise<ProcurementRow[]> {
  const where = scope ? sql`and u.path && ${sql.val(scope)}::uuid[]` : sql``;
  return (
    await sql<ProcurementRow>`select ${SELECT} from ${FROM} where p.organization_id = ${organizationId} ${where} order by p.procurement_date desc, p.id limit 500`.execute(
      db,
    )
  ).rows;
}

export async function insert(
  trx: Trx,
  values: {
    organization_id: string;
    unit_id: string;
    asset_id: string | null;
    name: string;
    reference_number: string | null;
    procurement_date: string;
    catalogue_version_id: string;
    level_c: number | null;
    level_i: number | null;
    level_a: number | null;
    level_t: number | null;
    triggers: string[];
    created_by: string | null;
  },
): Promise<string> {
  return (await trx.insertInto('procurements').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function update(
  trx: Trx,
  id: string,
  values: Partial<{
    name: string;
    reference_number: string | null;
    supplier: string | null;
    status: string;
    awarded_on: string;
    go_live_on: string | null;
    recheck_months: number;
  }>,
): Promise<void> {
  await trx
    .updateTable('procurements')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertRequirements(
  trx: Trx,
  rows: { organization_id: string; procurement_id: string; requirement_key: string; theme: string; position: number }[],
): Promise<void> {
  if (rows.length) await trx.insertInto('procurement_requirements').values(rows).execute();
}

export async function requirements(db: Db | Trx, procurementId: string) {
  return db.selectFrom('procurement_requirements').selectAll().where('procurement_id', '=', procurementId).orderBy('position').execute();
}

export async function checks(db: Db | Trx, procurementId: string) {
  return (
    await sql<{
      id: string;
      kind: string;
      checked_on: string;
      checked_by: string | null;
      checked_by_name: string | null;
      note: string | null;
      met: number;
      partly_met: number;
      not_met: number;
      not_applicable: number;
    }>`
    select c.id, c.kind, to_char(c.checked_on, 'YYYY-MM-DD') as checked_on, c.checked_by, us.name as checked_by_name, c.note,
           count(*) filter (where r.result = 'met')::int as met, count(*) filter (where r.result = 'partly_met')::int as partly_met,
           count(*) filter (where r.result = 'not_met')::int as not_met, count(*) filter (where r.result = 'not_applicable')::int as not_applicable
    from contract_checks c left join users us on us.id = c.checked_by left join contract_check_results r on r.check_id = c.id
    where c.procurement_id = ${procurementId}
    group by c.id, us.name order by c.checked_on, c.created_at`.execute(db)
  ).rows;
}

/** The latest result of each requirement of the procurement. */
export async function lastResults(db: Db | Trx, procurementId: string) {
  return (
    await sql<{ procurement_requirement_id: string; result: string; result_id: string }>`
    select distinct on (r.procurement_requirement_id) r.procurement_requirement_id, r.result, r.id as result_id
    from contract_check_results r join contract_checks c on c.id = r.check_id
    where c.procurement_id = ${procurementId} order by r.procurement_requirement_id, c.checked_on desc, c.created_at desc`.execute(db)
  ).rows;
}

export async function insertCheck(
  trx: Trx,
  values: {
    organization_id: string;
    procurement_id: string;
    kind: string;
    checked_on: string;
    checked_by: string | null;
    note: string | null;
  },
): Promise<string> {
  return (await trx.insertInto('contract_checks').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertResults(
  trx: Trx,
  rows: { organization_id: string; check_id: string; procurement_requirement_id: string; result: string; comment: string | null }[],
) {
  return trx.insertInto('contract_check_results').values(rows).returning(['id', 'procurement_requirement_id']).execute();
}

export async function allResults(db: Db | Trx, procurementId: string) {
  return db
    .selectFrom('contract_check_results as r')
    .innerJoin('contract_checks as c', 'c.id', 'r.check_id')
    .select(['r.id', 'r.procurement_requirement_id'])
    .where('c.procurement_id', '=', procurementId)
    .execute();
}
