import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { roles } from '@tillit/core';
import { allRoutes } from '../../src/modules/index.js';
import type { RouteDef } from '../../src/platform/http/route.js';
import { makeUser } from '../../src/seed/factories.js';
import { seedDemo } from '../../src/seed/demo.js';
import demo from '../../src/seed/data/region-exempel.json' with { type: 'json' };
import type { LightMyRequestResponse } from 'fastify';
import { seedOrg, signIn, useTestApp, withToken, type Client } from '../helpers/app.js';
import { buildRequest, hasNonIdParams, idSlots, organisationRows, organisationTables, tableFor, type IdSlot } from '../helpers/routes.js';

/**
 * Organisation 1's people — every role, an admin of one unit only, a platform administrator and an
 * API token — try every route of the API with the ids of organisation 2. Every answer must be the
 * one given for an id that does not exist at all, and no answer may contain anything of
 * organisation 2. The routes come from the route table, so new routes are covered as they are added.
 */
const t = useTestApp({ template: 'demo' });

/** Id fields whose table cannot be told from their name. Others fall back to ids of every table. */
const TABLE_HINTS: [RegExp, string][] = [
  [/^parentId$/, 'units'],
  [/(owner|steward|person|user)Id$/i, 'users'],
];
/** Probes per id slot: the top unit and two more, say. A query id is a filter: the widest (oldest) row is enough. */
const PER_SLOT = { params: 3, body: 3, query: 1 };

const routes = allRoutes().filter((r) => r.permission !== 'public' && !hasNonIdParams(r));
const targeted = routes.filter((r) => idSlots(r).length > 0);
const lists = routes.filter((r) => r.method === 'GET' && idSlots(r).length === 0);

interface Actor {
  label: string;
  client: Client;
  platformAdmin: boolean;
}
const actors: Actor[] = [];
let tables: string[] = [];
let ids1 = new Map<string, string[]>();
let ids2 = new Map<string, string[]>();
let secrets: string[] = [];
let org2Before: unknown;
let org2Id = '';

function idsByTable(rows: Record<string, Record<string, unknown>[]>) {
  const out = new Map<string, string[]>();
  for (const [table, list] of Object.entries(rows)) {
    // Oldest first, roots of a tree before their branches: the top unit comes before the rest.
    const rank = (r: Record<string, unknown>) => [Number(r.created_at ?? 0), r.parent_id ? 1 : 0] as const;
    const byAge = [...list].sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
    const ids = byAge.map((r) => r.id).filter((v): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v));
    if (ids.length) out.set(table, ids);
  }
  return out;
}

/** Every text value of organisation 2's rows that organisation 1's rows do not share (such as the system's name). */
function distinctTexts(rows2: Record<string, Record<string, unknown>[]>, rows1: Record<string, Record<string, unknown>[]>) {
  const texts = (rows: typeof rows1) =>
    Object.values(rows).flatMap((list) => list.flatMap((r) => Object.values(r).filter((v): v is string => typeof v === 'string')));
  const shared = new Set(texts(rows1));
  // Lower-case identifiers (unit kinds, roles, statuses) are vocabulary, not data.
  return [...new Set(texts(rows2))].filter((v) => v.length >= 6 && !/^[a-z_.]+$/.test(v) && !shared.has(v));
}

beforeAll(async () => {
  // Organisation 2 is the demo region: every module adds its demo content to it, so new modules'
  // data is there to be probed too. Its administrator adds a token, an invitation and a unit.
  org2Id = (await seedDemo(t.db)).organizationId;
  const demoAdmin = demo.users.find((u) => u.role === 'admin')!;
  const admin2 = await signIn(t.app, demoAdmin.email, demo.password);
  const root2 = (await admin2.get('/api/v1/organization')).json().rootUnitId;
  expect((await admin2.post('/api/v1/api-tokens', { name: 'Exempels integration', scope: 'read' })).statusCode).toBe(201);
  expect(
    (await admin2.post('/api/v1/users', { email: 'inbjuden@exempel.se', name: 'Ingrid Inbjuden', role: 'auditor', unitId: root2 }))
      .statusCode,
  ).toBe(201);
  expect((await admin2.post('/api/v1/units', { parentId: root2, name: 'Exempels labb', kind: 'unit' })).statusCode).toBe(201);

  // Organisation 1 and its people.
  const org1 = await seedOrg(t.db, [...roles.map((role) => ({ role })), { role: 'admin', unit: 'a' }]);
  const paEmail = `plattform-${randomUUID().slice(0, 8)}@test.example`;
  await t.db
    .transaction()
    .execute((trx) =>
      makeUser(trx, org1.org.id, { email: paEmail, isPlatformAdmin: true, roles: [{ role: 'admin', unitId: org1.units.root.id }] }),
    );
  for (const [label, u] of Object.entries(org1.users)) actors.push({ label, client: await signIn(t.app, u.email), platformAdmin: false });
  actors.push({ label: 'platform admin', client: await signIn(t.app, paEmail), platformAdmin: true });
  const created = await actors[0]!.client.post('/api/v1/api-tokens', { name: 'Organisation 1:s integration', scope: 'write' });
  actors.push({ label: 'admin via API token', client: withToken(t.app, created.json().secret), platformAdmin: false });

  // Defaults some modules create on first use (a classification model) then exist in both organisations.
  for (const route of lists) await actors[0]!.client.request(buildRequest(route, new Map()));

  tables = await organisationTables(t.db);
  const rows1 = await organisationRows(t.db, org1.org.id);
  const rows2 = await organisationRows(t.db, org2Id);
  ids1 = idsByTable(rows1);
  ids2 = idsByTable(rows2);
  // Tillit's own words (the audit vocabulary's labels, e.g. "Upphandling" for a procurement) are the
  // same for every organisation: a unit of organisation 2 that happens to share one is no secret.
  const ownWords = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') ownWords.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect((await actors[0]!.client.get('/api/v1/audit-events/vocabulary')).json());
  secrets = distinctTexts(rows2, rows1).filter((v) => !ownWords.has(v));
  org2Before = rows2;
  expect(secrets).toEqual(
    expect.arrayContaining(['Region Exempel', org2Id, root2, demoAdmin.email, 'Exempels integration', 'Ingrid Inbjuden']),
  );
});

const leaks = (text: string) => secrets.filter((s) => text.includes(s));

/** What a person would read in an answer: the JSON, the cells of an Excel file, or the text. */
async function readable(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  return res.body;
}

/** Organisation-2 ids for one slot (a few of its table, or one of every table when the table is unknown), and an organisation-1 id. */
function candidates(route: RouteDef, slot: IdSlot) {
  const hint = TABLE_HINTS.find(([pattern]) => pattern.test(slot.name))?.[1];
  const table = hint ?? tableFor(route, slot, tables);
  const of2 = table && ids2.has(table) ? ids2.get(table)!.slice(0, PER_SLOT[slot.where]) : [...ids2.values()].map((ids) => ids[0]!);
  const of1 = (table && ids1.get(table)?.[0]) ?? [...ids1.values()][0]![0]!;
  return { of2, of1 };
}

/** Ids that exist nowhere, one per slot position; a value used in two slots gets the same one in both. */
const NOWHERE = Array.from({ length: 8 }, () => randomUUID());

/** Each slot in turn with organisation-2 ids (the others valid in organisation 1), then all slots at once. */
function probes(route: RouteDef) {
  const slots = idSlots(route);
  const key = (s: IdSlot) => `${s.where}.${s.name}`;
  const out: { foreign: Map<string, string>; where: Set<string>; onlyForeign: boolean }[] = [];
  for (const slot of slots) {
    for (const id of candidates(route, slot).of2) {
      const foreign = new Map(slots.map((s) => [key(s), s === slot ? id : candidates(route, s).of1]));
      out.push({ foreign, where: new Set([slot.where]), onlyForeign: slots.length === 1 });
    }
  }
  if (slots.length > 1) {
    const foreign = new Map(slots.map((s) => [key(s), candidates(route, s).of2[0]!]));
    out.push({ foreign, where: new Set(slots.map((s) => s.where)), onlyForeign: true });
  }
  const ours = new Set([...ids1.values()].flat());
  return out.map((p) => {
    const values = [...p.foreign.values()];
    const twin = new Map([...p.foreign].map(([k, v]) => [k, ours.has(v) ? v : NOWHERE[values.indexOf(v)]!]));
    return { ...p, twin };
  });
}

/** One caller's answers to requests with ids that exist nowhere; the same request is asked once. */
function twinAnswers(client: Client) {
  const cache = new Map<string, Promise<{ status: number; text: string }>>();
  return (request: ReturnType<typeof buildRequest>) => {
    const k = JSON.stringify(request);
    if (!cache.has(k))
      cache.set(
        k,
        client.request(request).then(async (res) => ({ status: res.statusCode, text: await readable(res) })),
      );
    return cache.get(k)!;
  };
}

describe('isolation between organisations', () => {
  it('covers the routes of the API', () => {
    expect(targeted.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/units/:id',
        'DELETE /api/v1/users/:id/roles/:assignmentId',
        'DELETE /api/v1/api-tokens/:id',
        'POST /api/v1/units',
        'GET /api/v1/audit-events',
      ]),
    );
    expect(lists.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/units', 'GET /api/v1/dashboard', 'GET /api/v1/api-tokens']),
    );
  });

  describe.each(targeted.map((r) => [`${r.method} ${r.url}`, r] as const))('%s with organisation 2’s ids', (_name, route) => {
    it('answers as for an id that does not exist, and shows nothing of organisation 2', async () => {
      let reached = 0;
      // Callers in parallel (each one's probes in turn) keep the walk over every route quick.
      await Promise.all(
        actors.map(async (actor) => {
          const twinOf = twinAnswers(actor.client);
          for (const probe of probes(route)) {
            const request = buildRequest(route, probe.foreign);
            const res = await actor.client.request(request);
            const text = await readable(res);
            const twin = await twinOf(buildRequest(route, probe.twin));
            const what = `${actor.label}: ${route.method} ${request.url} ${JSON.stringify(request.payload ?? '')} → ${res.statusCode} ${text.slice(0, 300)}`;
            expect(leaks(text), what).toEqual([]);
            expect({ status: res.statusCode, text }, what).toEqual(twin);
            expect(text, what).not.toContain('"validation_failed"');
            expect(res.statusCode, what).toBeLessThan(500);
            // Path and body ids name what is acted on; query ids may also be mere filters, answered with an empty list.
            // With organisation 1's ids beside it, a rule about those (e.g. "the top unit cannot move") may answer first.
            if (probe.where.has('params') || probe.where.has('body')) {
              if (probe.onlyForeign) expect([400, 403, 404], what).toContain(res.statusCode);
              else expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
            }
            if (!text.includes('"forbidden"')) reached++;
          }
        }),
      );
      // At least some callers got past the permission check, so the service itself was tried.
      if (route.permission !== 'platform_admin') expect(reached).toBeGreaterThan(0);
    }, 120_000); // ten callers × every probe: allow for a busy machine
  });

  describe.each(lists.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (_name, route) => {
    it('lists nothing of organisation 2', async () => {
      let answered = 0;
      for (const actor of actors) {
        // A platform administrator sees every organisation on the installation's own routes, by design.
        if (actor.platformAdmin && route.permission === 'platform_admin') continue;
        const res = await actor.client.request(buildRequest(route, new Map()));
        expect(res.statusCode, `${actor.label}: ${res.body}`).toBeLessThan(500);
        expect(leaks(res.body), actor.label).toEqual([]);
        if (res.statusCode === 200) answered++;
      }
      if (route.permission !== 'platform_admin') expect(answered).toBeGreaterThan(0);
    });
  });

  it('finds nothing of organisation 2 by searching', async () => {
    const admin = actors.find((a) => a.label === 'admin')!.client;
    for (const url of ['/api/v1/users?q=hemlig', '/api/v1/audit-events?q=hemlig', `/api/v1/audit-events?entityId=${org2Id}`]) {
      const res = await admin.get(url);
      expect(res.json(), url).toMatchObject({ items: [], total: 0 });
    }
  });

  it('left organisation 2’s data untouched', async () => {
    expect(await organisationRows(t.db, org2Id)).toEqual(org2Before);
  });
});
