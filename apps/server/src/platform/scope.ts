import { sql, type SqlBool } from 'kysely';

/**
 * The SQL condition "the unit `u` lies in the actor's scope" (`scope` from `visibleScope`: the
 * unit ids where the permission is granted; null = everywhere). Shared by every repository that
 * lists unit-scoped data, joined to `units u`.
 */
export function scopeCondition(scope: string[] | null) {
  return scope === null ? sql<SqlBool>`true` : sql<SqlBool>`u.path && ${sql.val(scope)}::uuid[]`;
}
