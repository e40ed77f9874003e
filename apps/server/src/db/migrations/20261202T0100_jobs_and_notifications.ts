import { sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';

// Frozen: never edit a migration that has shipped; add a new one.
// 1. Background jobs move from the home-made `jobs` table to pg-boss (ADR 0006). Its schema is
//    created here, inside the migration's transaction and under the migration lock, so that a fresh
//    database (and the tests' template) has it before anything enqueues; later pg-boss versions
//    upgrade their own schema at start (`migrate: true`). Waiting mail is carried over, then the old
//    table goes.
// 2. The notification centre: notifications per user, deduplicated per kind, object and day, and
//    each user's preferences (kinds switched off in the app, e-mail digest off/daily/weekly).
export async function up(db: Kysely<any>): Promise<void> {
  const plan = PgBoss.getConstructionPlans('pgboss');
  // The plan is its own transaction; here it runs inside the migration's one.
  const body = plan.replace(/^\s*BEGIN;/, '').replace(/COMMIT;\s*$/, '');
  if (/\bBEGIN;|\bCOMMIT;/.test(body.replace(/\$\$[\s\S]*?\$\$/g, ''))) throw new Error('unexpected pg-boss construction plan');
  await sql.raw(body).execute(db);

  await sql`SELECT pgboss.create_queue('mail.send.dead', '{"policy":"standard"}')`.execute(db);
  await sql`SELECT pgboss.create_queue('mail.send', '{"policy":"standard","retryLimit":5,"retryDelay":10,"retryBackoff":true,"deadLetter":"mail.send.dead"}')`.execute(
    db,
  );
  await sql`
    INSERT INTO pgboss.job (name, data, start_after, retry_limit, retry_delay, retry_backoff, dead_letter, policy)
    SELECT 'mail.send', payload, run_at, 5, 10, true, 'mail.send.dead', 'standard'
    FROM jobs WHERE kind = 'mail.send' AND status IN ('pending', 'running')`.execute(db);
  await sql`DROP TABLE jobs`.execute(db);

  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      user_id uuid NOT NULL REFERENCES users(id),
      kind text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      -- What the text is built from (names, dates), so it is shown in the reader's language.
      params jsonb NOT NULL DEFAULT '{}',
      link text,
      day date NOT NULL DEFAULT (now() AT TIME ZONE 'Europe/Stockholm')::date,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    )`.execute(db);
  // The same notification is not created twice for the same object and day, however many runners produce it.
  await sql`CREATE UNIQUE INDEX notifications_once_a_day ON notifications (user_id, kind, entity_id, day)`.execute(db);
  await sql`CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE notification_preferences (
      user_id uuid PRIMARY KEY REFERENCES users(id),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      muted_kinds text[] NOT NULL DEFAULT '{}',
      digest text NOT NULL DEFAULT 'off' CHECK (digest IN ('off', 'daily', 'weekly')),
      -- Notifications created after this went into no digest yet.
      digest_sent_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The move to pg-boss cannot be reversed.');
}
