import { sql, type Kysely } from 'kysely';
import type { Trx } from '../database.js';
import { createInitialModel } from '../../modules/classification/models.service.js';

// Frozen: never edit a migration that has shipped; add a new one.
// Reading the classification model used to create version 1 (and its audit event) on first read.
// Now every organisation gets it when it is created; this gives it, once, to every organisation
// that never opened the classification pages, with the same audit event in the same chain.
export async function up(db: Kysely<any>): Promise<void> {
  const add = async (trx: Kysely<any>) => {
    const orgs = await sql<{ id: string }>`
      select o.id from organizations o
      where not exists (select 1 from classification_models m where m.organization_id = o.id) order by o.created_at`.execute(trx);
    for (const o of orgs.rows) await createInitialModel(trx as unknown as Trx, o.id);
  };
  if (db.isTransaction) await add(db);
  else await db.transaction().execute(add);
}

// Version 1 is data the organisations now own (classifications refer to it): nothing to undo.
export async function down(): Promise<void> {}
