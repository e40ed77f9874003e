import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import type { NotificationDraft } from './kinds.js';

type Conn = Db | Trx;

/**
 * Stores the drafts for active users of the draft's organisation, except kinds the user switched
 * off and notices the user has still unread for the same object. The unique index on user, kind,
 * object and day makes a second delivery the same day a no-op, also when two runners race.
 */
export async function deliver(db: Conn, drafts: NotificationDraft[]): Promise<number> {
  if (!drafts.length) return 0;
  const rows = drafts.map((d) => ({
    organization_id: d.organizationId,
    user_id: d.userId,
    kind: d.kind,
    entity_type: d.entityType,
    entity_id: d.entityId,
    params: d.params,
    link: d.link,
  }));
  const r = await sql`
    INSERT INTO notifications (organization_id, user_id, kind, entity_type, entity_id, params, link)
    SELECT d.organization_id, d.user_id, d.kind, d.entity_type, d.entity_id, d.params, d.link
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS d(organization_id uuid, user_id uuid, kind text, entity_type text, entity_id text, params jsonb, link text)
    JOIN users u ON u.id = d.user_id AND u.organization_id = d.organization_id AND u.status = 'active'
    LEFT JOIN notification_preferences p ON p.user_id = d.user_id
    WHERE NOT (d.kind = ANY (coalesce(p.muted_kinds, '{}')))
      AND NOT EXISTS (SELECT 1 FROM notifications n
                      WHERE n.user_id = d.user_id AND n.kind = d.kind AND n.entity_id = d.entity_id AND n.read_at IS NULL)
    ON CONFLICT DO NOTHING`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function preferences(db: Conn, userId: string) {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function savePreferences(trx: Trx, row: { user_id: string; organization_id: string; muted_kinds: string[]; digest: string }) {
  await trx
    .insertInto('notification_preferences')
    .values({ ...row, updated_at: new Date() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ muted_kinds: row.muted_kinds, digest: row.digest, updated_at: new Date() }))
    .execute();
}

export async function list(db: Conn, userId: string, muted: string[], f: { unread?: boolean; page: number; pageSize: number }) {
  let q = db.selectFrom('notifications').where('user_id', '=', userId);
  if (muted.length) q = q.where('kind', 'not in', muted);
  const unreadQ = q.where('read_at', 'is', null);
  if (f.unread) q = q.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    q
      .select(['id', 'kind', 'params', 'link', 'created_at', 'read_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    unreadQ.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), unread: Number(unread.n) };
}

export async function unreadCount(db: Conn, userId: string, muted: string[]): Promise<number> {
  let q = db.selectFrom('notifications').where('user_id', '=', userId).where('read_at', 'is', null);
  if (muted.length) q = q.where('kind', 'not in', muted);
  const r = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markRead(db: Conn, userId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markAllRead(db: Conn, userId: string): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Active users of an organisation holding one of the roles anywhere, or on a unit of the given path. */
export async function usersWithRole(db: Conn, organizationId: string, roles: string[], unitPath?: string[]): Promise<string[]> {
  if (!roles.length) return [];
  let q = db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('u.id')
    .distinct()
    .where('u.organization_id', '=', organizationId)
    .where('u.status', '=', 'active')
    .where('r.role', 'in', roles);
  if (unitPath) q = q.where('r.unit_id', 'in', unitPath);
  return (await q.execute()).map((r) => r.id);
}

export async function organizationIds(db: Conn): Promise<string[]> {
  return (await db.selectFrom('organizations').select('id').execute()).map((r) => r.id);
}

export interface DigestUser {
  user_id: string;
  organization_id: string;
  digest: 'daily' | 'weekly';
  digest_sent_at: Date | null;
  muted_kinds: string[];
  email: string;
  name: string;
  locale: string;
  organization_name: string;
}

/** Users whose digest is due: daily after 20 hours, weekly after six and a half days (a run may be late). */
export async function digestsDue(db: Conn, now: Date): Promise<DigestUser[]> {
  const r = await sql<DigestUser>`
    SELECT p.user_id, p.organization_id, p.digest, p.digest_sent_at, p.muted_kinds, u.email, u.name, u.locale, o.name AS organization_name
    FROM notification_preferences p
    JOIN users u ON u.id = p.user_id AND u.status = 'active'
    JOIN organizations o ON o.id = p.organization_id
    WHERE (p.digest = 'daily' AND (p.digest_sent_at IS NULL OR p.digest_sent_at < ${now}::timestamptz - interval '20 hours'))
       OR (p.digest = 'weekly' AND (p.digest_sent_at IS NULL OR p.digest_sent_at < ${now}::timestamptz - interval '156 hours'))`.execute(
    db,
  );
  return r.rows;
}

/** The unread notices a digest reports: created since the last digest (or its period when none was sent). */
export async function forDigest(db: Conn, u: DigestUser, now: Date) {
  const since = u.digest_sent_at ?? new Date(now.getTime() - (u.digest === 'daily' ? 1 : 7) * 86_400_000);
  let q = db
    .selectFrom('notifications')
    .select(['kind', 'params', 'link'])
    .where('user_id', '=', u.user_id)
    .where('read_at', 'is', null)
    .where('created_at', '>', since);
  if (u.muted_kinds.length) q = q.where('kind', 'not in', u.muted_kinds);
  return q.orderBy('created_at').limit(200).execute();
}

/** Compare-and-set: only one of two racing digest runs records the digest, and only it sends the mail. */
export async function claimDigest(trx: Trx, u: DigestUser, now: Date): Promise<boolean> {
  const r = await sql`
    UPDATE notification_preferences SET digest_sent_at = ${now}
    WHERE user_id = ${u.user_id} AND digest_sent_at IS NOT DISTINCT FROM ${u.digest_sent_at}::timestamptz`.execute(trx);
  return Number(r.numAffectedRows ?? 0) === 1;
}
