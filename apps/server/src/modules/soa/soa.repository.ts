import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import type { SoaEntriesTable } from './soa.tables.js';

export interface VersionRow {
  id: string;
  organization_id: string;
  year: number;
  note: string | null;
  copied_from_id: string | null;
  copied_from_year: number | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  row_version: number;
  controls: number;
  decided: number;
  applicable: number;
  implemented: number;
  partly: number;
  not_implemented: number;
}

export type EntryRow = Selectable<SoaEntriesTable> & { updated_by_name: string | null };

const SELECT_VERSION = sql`v.id, v.organization_id, v.year, v.note, v.copied_from_id, f.year as copied_from_year, v.created_by, u.name as created_by_name,
  v.created_at, v.row_version,
  (select count(*)::int from soa_entries e where e.version_id = v.id) as controls,
  (select count(*)::int from soa_entries e where e.version_id = v.id and e.applicable is not null) as decided,
  (select count(*)::int from soa_entries e where e.version_id = v.id and e.applicable) as applicable,
  (select count(*)::int from soa_entries e where e.version_id = v.id and e.applicable and e.implementation = 'yes') as implemented,
  (select count(*)::int from soa_entries e where e.version_id = v.id and e.applicable and e.implementation = 'partly') as partly,
  (select count(*)::int from soa_entries e where e.version_id = v.id and e.applicable and e.implementation = 'no') as not_implemented`;
const FROM_VERSION = sql`soa_versions v left join soa_versions f on f.id = v.copied_from_id left join users u on u.id = v.created_by`;

export async function listVersions(db: Db | Trx, organizationId: string): Promise<VersionRow[]> {
  return (
    await sql<VersionRow>`select ${SELECT_VERSION} from ${FROM_VERSION} where v.organization_id = ${organizationId} order by v.year desc`.execute(
      db,
    )
  ).rows;
}

export async function findVersion(db: Db | Trx, organizationId: string, id: string): Promise<VersionRow | undefined> {
  return (
    await sql<VersionRow>`select ${SELECT_VERSION} from ${FROM_VERSION} where v.organization_id = ${organizationId} and v.id = ${id}`.execute(
      db,
    )
  ).rows[0];
}

export async function yearExists(db: Db | Trx, organizationId: string, year: number): Promise<boolean> {
  return (
    (await db
      .selectFrom('soa_versions')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('year', '=', year)
      .executeTakeFirst()) !== undefined
  );
}

export async function insertVersion(
  trx: Trx,
  v: {
    id?: string;
    organization_id: string;
    year: number;
    note: string | null;
    copied_from_id: string | null;
    created_by: string | null;
    created_at?: Date;
  },
) {
  return trx
    .insertInto('soa_versions')
    .values(v)
    .onConflict((oc) => oc.columns(['organization_id', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function insertEntries(trx: Trx, rows: Insertable<SoaEntriesTable>[]) {
  if (rows.length) await trx.insertInto('soa_entries').values(rows).execute();
}

export async function entriesOf(db: Db | Trx, versionId: string): Promise<EntryRow[]> {
  return db
    .selectFrom('soa_entries as e')
    .leftJoin('users as u', 'u.id', 'e.updated_by')
    .selectAll('e')
    .select('u.name as updated_by_name')
    .where('e.version_id', '=', versionId)
    .execute();
}

export async function findEntryForUpdate(trx: Trx, versionId: string, control: string): Promise<EntryRow | undefined> {
  const row = await trx
    .selectFrom('soa_entries')
    .selectAll()
    .where('version_id', '=', versionId)
    .where('control', '=', control)
    .forUpdate()
    .executeTakeFirst();
  return row ? { ...row, updated_by_name: null } : undefined;
}

export async function findEntry(db: Db | Trx, versionId: string, control: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('soa_entries as e')
    .leftJoin('users as u', 'u.id', 'e.updated_by')
    .selectAll('e')
    .select('u.name as updated_by_name')
    .where('e.version_id', '=', versionId)
    .where('e.control', '=', control)
    .executeTakeFirst();
}

export async function updateEntry(
  trx: Trx,
  id: string,
  set: Partial<
    Pick<
      SoaEntriesTable,
      'applicable' | 'reason_text' | 'implementation' | 'gap_severity' | 'current_state' | 'planned_improvement' | 'updated_by'
    >
  > & { reasons?: string[] },
) {
  await trx
    .updateTable('soa_entries')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
