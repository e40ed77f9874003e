import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';
import type { Client } from './app.js';

/** An audit event as the API answers it: as recorded, and resolved for reading. */
export interface Shown {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  entityLabel: string | null;
  actorName: string;
  changes: Record<string, { before?: unknown; after?: unknown }> | null;
  display: { action: string; entityType: string; changes: { field: string; label: string; before: string | null; after: string | null }[] };
}

export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A code as stored: snake_case or camelCase words, or JSON. A label a person reads has none of these. */
export const CODE = /^[a-z]+(?:_[a-z0-9]+)+$|^[a-z]+[A-Z][A-Za-z]*$|^[[{]/;
export const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export async function events(client: Client, query: string, locale: 'sv' | 'en' = 'sv'): Promise<Shown[]> {
  const res = await client.request({
    method: 'GET',
    url: `/api/v1/audit-events?pageSize=500&${query}`,
    headers: { 'accept-language': locale },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** Every event of the organisation, all pages (keyset: OFFSET pages stop at LIST_OFFSET_MAX rows). */
export async function allEvents(client: Client, locale: 'sv' | 'en'): Promise<Shown[]> {
  const out: Shown[] = [];
  for (let cursor: string | null = null; ;) {
    const res = await client.request({
      method: 'GET',
      url: `/api/v1/audit-events?pageSize=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      headers: { 'accept-language': locale },
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: Shown[]; nextCursor?: string | null };
    out.push(...page.items);
    if (!page.nextCursor || page.items.length === 0) return out;
    cursor = page.nextCursor;
  }
}

export const row = (e: Shown, field: string) => e.display.changes.find((c) => c.field === field);
export const countEvents = async (db: Db, organizationId: string) =>
  (
    await db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow()
  ).n;

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inventarie');
  ws.addRow(['Typ', 'Namn', 'Förvaltning', 'Drift', 'Externt id']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads rows (Typ, Namn, Förvaltning, Drift, Externt id) and applies them with the suggested mapping. */
export async function importRows(client: Client, rows: string[][]) {
  const up = await client.request({
    method: 'POST',
    url: '/api/v1/asset-imports?fileName=inventarie.xlsx',
    payload: await workbook(rows),
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
  expect(up.statusCode, up.body).toBe(201);
  const imp = up.json();
  const applied = await client.post(`/api/v1/asset-imports/${imp.id}/apply?wait=true`, { mapping: imp.suggestedMapping });
  expect(applied.statusCode, applied.body).toBe(202);
  return imp.id as string;
}
