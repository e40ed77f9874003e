import { recordCheckpoint } from '../../platform/audit/checkpoint.js';
import { eventHash, GENESIS_HASH, type HashedFields } from '../../platform/audit/hash.js';
import { copyRows, copyValue } from './copy.js';
import type { Random } from './random.js';
import type { AuditActivity, AuditTemplate, GeneratorContext } from './steps.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Swedish office hours in UTC (roughly; the difference daylight saving makes does not matter here).
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.5, 2, 8, 30, 60, 70, 65, 45, 50, 65, 60, 45, 25, 12, 8, 6, 5, 4, 3, 2];
const HOUR_CUMULATIVE: number[] = [];
for (const w of HOUR_WEIGHTS) HOUR_CUMULATIVE.push((HOUR_CUMULATIVE.at(-1) ?? 0) + w);
const HOUR_TOTAL = HOUR_CUMULATIVE[HOUR_CUMULATIVE.length - 1]!;

/** Relative activity of a day: quiet weekends, summer holiday and Christmas, and growing use over the years. */
function dayWeight(day: Date, progress: number): number {
  const dow = day.getUTCDay();
  const month = day.getUTCMonth();
  const date = day.getUTCDate();
  let w = dow === 0 || dow === 6 ? 0.08 : 1;
  if (month === 6) w *= 0.4;
  if (month === 11 && date >= 22) w *= 0.3;
  return w * (0.5 + 0.5 * progress);
}

/** `count` moments in one day, in order, bunched into office hours. */
function momentsOfDay(rng: Random, dayStart: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const r = rng.next() * HOUR_TOTAL;
    let h = 0;
    while (HOUR_CUMULATIVE[h]! <= r) h++;
    out[i] = dayStart + h * HOUR + Math.floor(rng.next() * HOUR);
  }
  return out.sort();
}

/** The filler's moments, day by day from the day after `since` to `until`, `count` in all. */
function* fillerMoments(rng: Random, since: Date, until: Date, count: number): Generator<number> {
  const first = Math.floor(since.getTime() / DAY) * DAY + DAY;
  const days = Math.max(1, Math.floor((until.getTime() - first) / DAY));
  const weights = Array.from({ length: days }, (_, d) => dayWeight(new Date(first + d * DAY), d / days));
  const total = weights.reduce((a, b) => a + b, 0);
  let carried = 0;
  let left = count;
  for (let d = 0; d < days && left > 0; d++) {
    carried += (count * weights[d]!) / total;
    const n = d === days - 1 ? left : Math.min(left, Math.floor(carried));
    carried -= n;
    left -= n;
    yield* momentsOfDay(rng, first + d * DAY, n);
  }
}

function pickActivity(rng: Random, table: { weight: number; value: AuditActivity }[], at: Date): Omit<AuditTemplate, 'occurredAt'> {
  for (let tries = 0; tries < 50; tries++) {
    const made = rng.weighted(table).make(rng, at);
    if (made) return made;
  }
  throw new Error(`no audit activity has anything to record at ${at.toISOString()}`);
}

/**
 * Writes the organisation's whole audit history with one COPY: the recorded events and, between
 * them, everyday activity up to `total` events, all in time order and hash-chained exactly as
 * `recordAudit` would have chained them, so `verifyAuditChain` accepts the result.
 */
export async function writeAuditHistory(ctx: GeneratorContext, recorded: AuditTemplate[], total: number): Promise<number> {
  const rng = ctx.random('audit-history');
  const orgId = ctx.organization.id;
  const events = [...recorded].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const filler = Math.max(0, total - events.length);
  const last = await ctx.trx
    .selectFrom('audit_events')
    .select('hash')
    .where('organization_id', '=', orgId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prev = last?.hash ?? GENESIS_HASH;
  const orgCell = copyValue(orgId);

  function line(t: AuditTemplate): string {
    const fields: HashedFields = {
      organizationId: orgId,
      occurredAt: t.occurredAt,
      actorUserId: t.actor.id,
      actorName: t.actor.name,
      action: t.action,
      entityType: t.entityType,
      entityId: t.entityId ?? null,
      entityLabel: t.entityLabel ?? null,
      unitId: t.unitId ?? null,
      changes: t.changes && Object.keys(t.changes).length ? t.changes : null,
    };
    const hash = eventHash(prev, fields);
    const cells = [
      orgCell,
      t.occurredAt.toISOString(),
      copyValue(fields.actorUserId),
      copyValue(fields.actorName),
      copyValue(fields.action),
      copyValue(fields.entityType),
      copyValue(fields.entityId),
      copyValue(fields.entityLabel),
      copyValue(fields.unitId),
      copyValue(fields.changes),
      prev,
      hash,
    ];
    prev = hash;
    return cells.join('\t') + '\n';
  }

  function* lines(): Generator<string> {
    const table = ctx.audit.activities.map((a) => ({ weight: a.weight, value: a }));
    let r = 0;
    for (const at of fillerMoments(rng, ctx.since, ctx.until, filler)) {
      while (r < events.length && events[r]!.occurredAt.getTime() <= at) yield line(events[r++]!);
      const moment = new Date(at);
      yield line({ occurredAt: moment, ...pickActivity(rng, table, moment) });
    }
    while (r < events.length) yield line(events[r++]!);
  }

  const superuser = await ctx.client.query<{ su: boolean }>('select rolsuper as su from pg_roles where rolname = current_user');
  // The only foreign key of audit_events is the organisation created in this transaction: checking it
  // two million times is pure cost. Needs a superuser (the embedded server); others check as usual.
  if (superuser.rows[0]?.su) await ctx.client.query('SET LOCAL session_replication_role = replica');
  const written = await copyRows(
    ctx.client,
    'audit_events',
    [
      'organization_id',
      'occurred_at',
      'actor_user_id',
      'actor_name',
      'action',
      'entity_type',
      'entity_id',
      'entity_label',
      'unit_id',
      'changes',
      'prev_hash',
      'hash',
    ],
    lines(),
  );
  if (superuser.rows[0]?.su) await ctx.client.query('SET LOCAL session_replication_role = origin');
  // The chain was hashed here, event by event: its head is a checkpoint, as a running installation's
  // receipt walk would have left one. Without it the first walk after start rehashes the whole history
  // (a minute of the server's one thread at Region Stor), which is not what a user of a running
  // installation meets. A full `tillit audit verify` still walks everything.
  const head = await ctx.trx
    .selectFrom('audit_events')
    .select(['id', 'hash'])
    .where('organization_id', '=', orgId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (head) await recordCheckpoint(ctx.trx, orgId, { eventId: head.id, hash: head.hash }, { userId: null, name: 'Tillit (testdata)' });
  return written;
}
