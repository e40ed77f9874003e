import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../../db/types.js';

/**
 * Kysely over one pg client, so that Kysely queries and COPY streams (which need the raw client)
 * share a single connection and therefore a single transaction.
 */
export async function singleConnection(url: string): Promise<{ db: Kysely<DB>; client: pg.Client; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url, application_name: 'tillit-generator' });
  await client.connect();
  const pool = {
    connect: async () => Object.assign(client, { release: () => undefined }),
    end: async () => undefined,
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as never }) });
  return {
    db,
    client,
    close: async () => {
      await db.destroy();
      await client.end();
    },
  };
}
