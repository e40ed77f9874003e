import type { Db, Trx } from '../../db/database.js';

/** A token with its user's name; never the hash. */
function base(db: Db | Trx) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.scope',
      'api_tokens.user_id',
      'users.name as user_name',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
    ]);
}

/** The organisation's tokens, or only one user's (`userId`). */
export function listByOrg(db: Db | Trx, organizationId: string, userId?: string) {
  let q = base(db).where('api_tokens.organization_id', '=', organizationId);
  if (userId) q = q.where('api_tokens.user_id', '=', userId);
  return q.orderBy('api_tokens.created_at', 'desc').execute();
}

export function findById(db: Db | Trx, id: string) {
  return base(db).where('api_tokens.id', '=', id).executeTakeFirst();
}

export function findInOrg(db: Db | Trx, organizationId: string, id: string) {
  return base(db).where('api_tokens.organization_id', '=', organizationId).where('api_tokens.id', '=', id).executeTakeFirst();
}

export function insert(
  trx: Trx,
  values: { organization_id: string; user_id: string; name: string; scope: string; token_hash: string; expires_at: Date | null },
) {
  return trx.insertInto('api_tokens').values(values).returning('id').executeTakeFirstOrThrow();
}

export function revoke(trx: Trx, id: string, at: Date) {
  return trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
}
