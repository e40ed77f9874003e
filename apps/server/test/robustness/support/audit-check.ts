import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../../src/db/database.js';
import { auditVocabulary } from '../../../src/platform/audit/vocabulary.js';
import type { ExpectedAudit, RouteFixture } from '../../../src/platform/fixtures.js';

/**
 * What one request left in the audit log, and whether it is what the route's fixture declares:
 * exactly the expected events (action and entity type, as a multiset), all written by one
 * transaction, and that transaction is the one that wrote the audited row (when the row still exists
 * and was written by this request). Requests run one at a time in a test file's own database, so
 * the events after the mark are the request's.
 */
export interface AuditMark {
  lastId: string;
  txid: bigint;
}

interface NewEvent {
  id: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  xmin: string;
}

/** Audited entity type → table holding it by id (where the names differ from `<type>s`). */
const TABLE_OF: Record<string, string> = { classification: 'classification_versions', role_assignment: 'role_assignments' };

export async function markAudit(db: Db): Promise<AuditMark> {
  const r = await sql<{
    last: string | null;
    txid: string;
  }>`select (select max(id) from audit_events)::text as last, txid_current()::text as txid`.execute(db);
  return { lastId: r.rows[0]!.last ?? '0', txid: BigInt(r.rows[0]!.txid) };
}

export async function eventsSince(db: Db, mark: AuditMark): Promise<NewEvent[]> {
  const r =
    await sql<NewEvent>`select id::text, action, entity_type, entity_id, xmin::text as xmin from audit_events where id > ${mark.lastId}::bigint order by id`.execute(
      db,
    );
  return r.rows;
}

let tables: Set<string> | null = null;
async function tableFor(db: Db, entityType: string): Promise<string | null> {
  tables ??= new Set(
    (
      await sql<{
        t: string;
      }>`select table_name as t from information_schema.columns where table_schema = 'public' and column_name = 'id'`.execute(db)
    ).rows.map((x) => x.t),
  );
  const name = TABLE_OF[entityType] ?? `${entityType}s`;
  return tables.has(name) ? name : null;
}

const key = (e: { action: string; entityType: string }) => `${e.action}/${e.entityType}`;
const tally = (list: string[]) => [...list].sort().join(', ') || 'none';

export function expectedEvents(fixture: RouteFixture, answer: unknown): ExpectedAudit[] {
  return typeof fixture.audit === 'function' ? fixture.audit(answer) : fixture.audit;
}

/** Problems with the events a request left; `expected` is empty for reads and refused requests. */
export async function auditProblems(db: Db, mark: AuditMark, expected: ExpectedAudit[]): Promise<string[]> {
  const events = await eventsSince(db, mark);
  const got = tally(events.map((e) => key({ action: e.action, entityType: e.entity_type })));
  const want = tally(expected.map(key));
  const out: string[] = [];
  if (got !== want) out.push(`audit events: expected [${want}], got [${got}]`);
  const xids = new Set(events.map((e) => e.xmin));
  if (xids.size > 1) out.push(`audit events written by ${xids.size} transactions`);
  for (const e of events) {
    const table = e.entity_id ? await tableFor(db, e.entity_type) : null;
    if (!table) continue;
    const row = await sql<{ xmin: string }>`select xmin::text as xmin from ${sql.table(table)} where id::text = ${e.entity_id}`.execute(db);
    const xmin = row.rows[0]?.xmin;
    // A row this request wrote carries the request's transaction id; it must be the audit event's.
    if (xmin && BigInt(xmin) > mark.txid && xmin !== e.xmin)
      out.push(`${key({ action: e.action, entityType: e.entity_type })}: ${table} row written in another transaction than its audit event`);
  }
  return out;
}

/** Kinds of field whose recorded value is what a person reads. */
const FREE_KINDS = new Set(['text', 'number', 'date', 'profile', 'justifications']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A code as stored (snake_case, camelCase, JSON): a value a person reads holds none (as in helpers/audit.ts). */
const CODE = /^[a-z]+(?:_[a-z0-9]+)+$|^[a-z]+[A-Z][A-Za-z]*$|^[[{]/;

interface DisplayedEvent {
  id: string;
  action: string;
  entityType: string;
  changes: Record<string, { before?: unknown; after?: unknown }> | null;
  display: { changes: { field: string; label: string; before: string | null; after: string | null }[] };
}

/**
 * Values of the request's events, as the audit log shows them (Swedish and English), that are a raw
 * id or a code, or fields without a label: a field a module records as an id or a code must be declared in its audit vocabulary
 * so the log resolves it to a name or a label. Reads through the API (`read` is a session of someone
 * who may read the whole log), so the resolution checked is the one people see. Events written in
 * another organisation (creating one) are not in this reader's log.
 */
export async function displayProblems(
  read: (o: InjectOptions) => Promise<{ statusCode: number; body: string }>,
  mark: AuditMark,
): Promise<string[]> {
  const out: string[] = [];
  const vocabulary = auditVocabulary();
  for (const locale of ['sv', 'en']) {
    const mine: DisplayedEvent[] = [];
    for (let page = 1; ; page++) {
      const res = await read({
        method: 'GET',
        url: `/api/v1/audit-events?pageSize=100&page=${page}`,
        headers: { 'accept-language': locale },
      });
      if (res.statusCode !== 200) return [`reading the audit log: ${res.statusCode} ${res.body.slice(0, 200)}`];
      const items = (JSON.parse(res.body) as { items: DisplayedEvent[] }).items;
      const newer = items.filter((e) => BigInt(e.id) > BigInt(mark.lastId));
      mine.push(...newer);
      if (newer.length < items.length || items.length < 100) break;
    }
    for (const e of mine) {
      for (const c of e.display.changes) {
        // A value of a coded kind shown exactly as recorded ('admin', 'active') was not resolved either.
        const field = c.field.split('.')[0]!;
        const kind = vocabulary.fields.get(e.entityType)?.get(field)?.kind ?? 'text';
        const raw = e.changes?.[field];
        // An undeclared field gets the fallback label, and its values are shown as recorded.
        if (/^(Övrig uppgift|Other detail)$/.test(c.label))
          out.push(`${locale} ${e.action}/${e.entityType} ${c.field} is not in the module's audit vocabulary`);
        for (const [side, value] of [
          ['before', c.before],
          ['after', c.after],
        ] as const) {
          if (!value) continue;
          const asRecorded = !FREE_KINDS.has(kind) && c.field === field && raw?.[side] === value;
          if (UUID.test(value) || CODE.test(value) || asRecorded)
            out.push(`${locale} ${e.action}/${e.entityType} ${c.field}.${side} shows "${value}"`);
        }
      }
    }
  }
  return out;
}
