import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions, roleGrants, roles, type Permission, type Role } from '@tillit/core';
import { VERSION } from '../../src/app.js';
import { allRoutes } from '../../src/modules/index.js';
import { buildOpenApi } from '../../src/platform/http/openapi.js';
import type { RouteDef } from '../../src/platform/http/route.js';
import type { FixtureUnit, FixtureWorld, RouteFixture } from '../../src/platform/fixtures.js';
import { makeUser } from '../../src/seed/factories.js';
import { seedOrg } from '../helpers/app.js';
import { fixtureKeys, fixtureOf, fixtureWorld, idsIn, injectOf, routeKey } from '../helpers/fixtures.js';
import { auditProblems, expectedEvents, markAudit } from './support/audit-check.js';
import { brief, errorCode, errorShapeProblem, errorsLogged, mintSession, useRobustApp, type Session } from './support/harness.js';
import { label, operationsOf } from './support/openapi.js';

/**
 * Every route × role × scope, read from the route table and roles.json, on real objects made by
 * each route's fixture (`modules/<m>/<m>.fixtures.ts`): a role without the route's permission is
 * refused with 403; a role with it on the object's unit gets a 2xx; a grant on a sibling unit gets
 * what the fixture declares (refused, allowed, or a list without the object); a user of another
 * organisation never gets the first organisation's data. Every request leaves exactly the audit
 * events the fixture declares (none for reads and refusals), in the transaction that made the
 * change. A route without a fixture fails, so new modules are covered. TILLIT_MATRIX_PRINT=1 prints
 * the whole matrix.
 */
const routes = allRoutes();
const ops = new Map(operationsOf(buildOpenApi(routes, VERSION)).map((o) => [label(o), o]));
const operation = (r: RouteDef) => ops.get(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)!;
const SPECIAL = ['public', 'authenticated', 'platform_admin'];
/** 23 cells per route, some with password hashing (sign-in, links): seconds idle, far more on a loaded machine. */
const ROUTE_BUDGET_MS = 120_000;
const scopes = ['own', 'sibling', 'other'] as const;
type Scope = (typeof scopes)[number];
type Expect = 'allow' | 'deny' | 'deny403' | 'unauthenticated' | 'not2xx' | 'hidden' | 'refused';

/** The request a cell sends, made by the route's fixture, and what is known about it. */
interface Target {
  url: string;
  inject: ReturnType<typeof injectOf>;
  /** The objects lie in unit A (its grants decide), or the route acts on the organisation. */
  unitBound: boolean;
  /** Ids of the first organisation named in the path / in the query or body. */
  pathRefs: string[];
  bodyRefs: string[];
  /** Ids of the objects made for this cell (must not appear in refusals or other organisations' answers). */
  made: string[];
  marker: string;
}

const t = useRobustApp();
let units: { a: FixtureUnit; root: FixtureUnit };
let baseIds = new Set<string>();
/** Allow cells that did not get a 2xx: must stay zero. */
const missedAllow: string[] = [];
const auditFailures: string[] = [];
const actors = new Map<string, string>();
/** Ids of the first organisation and the marker in its texts: never in another organisation's answers. */
const secrets = new Set<string>();
let firstOrgId = '';
let otherOrgId = '';
const counts = new Map<Expect, number>();
const table: string[] = [];
const sharedTargets = new Map<RouteDef, Target>();
const sessions = new Map<string, Session>();

function siblingExpectation(route: RouteDef, fixture: RouteFixture): Expect {
  const declared =
    fixture.sibling ??
    (fixture.scope === 'organization' ? 'allow' : route.method === 'GET' && !route.url.includes(':') ? 'hidden' : 'deny');
  return declared;
}

function expectation(route: RouteDef, role: Role, scope: Scope, target: Target, fixture: RouteFixture): Expect {
  const p = route.permission;
  if (scope === 'other' && target.pathRefs.length && p !== 'public') return 'deny';
  if (p === 'public' || p === 'authenticated') return scope === 'other' && target.bodyRefs.length ? 'not2xx' : 'allow';
  if (p === 'platform_admin' || !roleGrants(role, p as Permission)) return 'deny403';
  if (scope === 'own') return 'allow';
  if (scope === 'sibling') return target.unitBound || fixture.sibling ? siblingExpectation(route, fixture) : 'allow';
  // Another organisation's user acts in its own organisation: allowed, unless the request names the first one's objects.
  return target.bodyRefs.length ? 'not2xx' : 'allow';
}

/** What is wrong with an answer, given what was expected; empty when nothing is. */
function judge(res: LightMyRequestResponse, exp: Expect, target: Target, signedIn: boolean, foreign: boolean, method: string): string[] {
  const out: string[] = [];
  const status = res.statusCode;
  const code = status >= 400 ? errorCode(res) : undefined;
  if (status >= 500) out.push(`status ${status}`);
  if (status >= 400) {
    const shape = errorShapeProblem(res);
    if (shape) out.push(`error shape: ${shape}`);
  }
  if (signedIn && code === 'unauthenticated') out.push('a signed-in user was answered unauthenticated');
  if (code === 'csrf_failed') out.push('CSRF refused a request that sent the token');
  const denied = status === 403 || status === 404;
  if (denied && (res.body.includes('qzsecret') || target.made.some((id) => res.body.includes(id)))) out.push('a refusal holds data');
  if (foreign) {
    const leaked = [...secrets, ...target.made].filter((s) => res.body.includes(s));
    if (leaked.length) out.push(`another organisation's answer holds the first one's data: ${brief(leaked)}`);
  }
  switch (exp) {
    case 'deny403':
      if (status !== 403 || code !== 'forbidden') out.push('expected 403 forbidden');
      break;
    case 'deny':
      if (!denied) out.push('expected 403 or 404');
      break;
    case 'unauthenticated':
      if (status !== 401 || code !== 'unauthenticated') out.push('expected 401 unauthenticated');
      break;
    case 'not2xx':
    case 'refused':
      if (status < 400 || status >= 500) out.push('expected a refusal (4xx)');
      break;
    case 'hidden':
      if (status < 200 || status >= 300) out.push('expected a 2xx without the objects made for the cell');
      else if (res.body.includes(target.marker) || target.made.some((id) => res.body.includes(id)))
        out.push('the answer holds objects of a unit the user has no grant on');
      break;
    case 'allow':
      if (status < 200 || status >= 300) out.push(`an allow cell was not answered 2xx (${method})`);
      break;
  }
  return out;
}

/** One session per actor; self-service routes (sign-out, password change) may end it, so they get a fresh one. */
async function sessionOf(userId: string, route: RouteDef): Promise<Session> {
  const cached = sessions.get(userId);
  if (cached && route.permission !== 'authenticated' && route.permission !== 'public') return cached;
  const fresh = await mintSession(t.app, t.db, userId);
  sessions.set(userId, fresh);
  return fresh;
}

async function prepareTarget(route: RouteDef, fixture: RouteFixture, marker: string, actor?: FixtureWorld['actor']): Promise<Target> {
  const req = await fixture.build(fixtureWorld(t.db, units.a, units.root, marker, actor));
  const inject = injectOf(route, req);
  const first = (ids: string[]) => ids.filter((id) => id === units.a.id || !baseIds.has(id) || secrets.has(id));
  const pathRefs = first(idsIn(req.params));
  const bodyRefs = first([...idsIn(req.query), ...idsIn(req.body)]);
  return {
    url: inject.url,
    inject,
    unitBound: fixture.scope === 'unit',
    pathRefs,
    bodyRefs,
    made: [...pathRefs, ...bodyRefs].filter((id) => !baseIds.has(id)),
    marker,
  };
}

/**
 * A request that gets through may change its target, so it gets a fresh one. Reads, and requests
 * refused before the handler (no permission anywhere), share one target per route.
 */
async function targetFor(
  route: RouteDef,
  fixture: RouteFixture,
  mayPass: boolean,
  foreign: boolean,
  actor?: FixtureWorld['actor'],
): Promise<Target> {
  if (route.method !== 'GET' && mayPass) return prepareTarget(route, fixture, foreign ? 'qzother' : 'qzsecret', actor);
  const shared = sharedTargets.get(route) ?? (await prepareTarget(route, fixture, 'qzsecret'));
  sharedTargets.set(route, shared);
  return shared;
}

async function runCell(
  route: RouteDef,
  fixture: RouteFixture,
  who: string | null,
  scopeFor: (target: Target) => string | null,
  exp: (target: Target) => Expect,
  tag: string,
  mayPass: boolean,
) {
  const foreign = tag.endsWith('other');
  // Who acts depends only on where the fixture's objects lie, so it is known before they are made.
  const key = scopeFor({ unitBound: fixture.scope === 'unit' } as Target) ?? who;
  const userId = key ? actors.get(key) : undefined;
  if (key && !userId) throw new Error(`no actor ${key}`);
  const actor = userId ? { id: userId, organizationId: foreign ? otherOrgId : units.a.organization_id } : undefined;
  const target = await targetFor(route, fixture, mayPass, foreign, actor);
  // A public route acts on what the request carries (credentials, a link of the first organisation), not on the caller.
  const leakCheck = foreign && route.permission !== 'public';
  const request = userId ? (await sessionOf(userId, route)).request : (o: InjectOptions) => t.app.inject(o);
  const mark = await markAudit(t.db);
  const res = await request(target.inject);
  const e = exp(target);
  counts.set(e, (counts.get(e) ?? 0) + 1);
  const found = judge(res, e, target, !!userId, leakCheck, route.method);
  if (e === 'allow' && (res.statusCode < 200 || res.statusCode >= 300)) missedAllow.push(`${routeKey(route)} ${tag}`);
  // Audit completeness: a successful change leaves exactly the declared events; a read or a refusal leaves none.
  const changed = route.method !== 'GET' && res.statusCode >= 200 && res.statusCode < 300;
  const audit = await auditProblems(t.db, mark, changed ? expectedEvents(fixture, res.body ? JSON.parse(res.body) : null) : []);
  if (audit.length) auditFailures.push(`${routeKey(route)} ${tag}`);
  found.push(...audit);
  table.push(`${route.method} ${route.url} [${route.permission}] ${tag} → ${res.statusCode} ${errorCode(res) ?? ''} (${e})`);
  return {
    res,
    problems: found.map(
      (p) => `${tag}: ${p} — got ${res.statusCode} ${brief(res.body, 200)} for ${route.method} ${brief(target.url, 120)}`,
    ),
  };
}

describe('access matrix', () => {
  beforeAll(async () => {
    const first = await seedOrg(t.db, []);
    const second = await seedOrg(t.db, []);
    await t.db.transaction().execute(async (trx) => {
      for (const role of roles) {
        for (const unit of ['root', 'a', 'b'] as const)
          actors.set(`${role}@${unit}`, (await makeUser(trx, first.org.id, { roles: [{ role, unitId: first.units[unit].id }] })).id);
        actors.set(`${role}@other`, (await makeUser(trx, second.org.id, { roles: [{ role, unitId: second.units.root.id }] })).id);
      }
      actors.set('platform-admin', (await makeUser(trx, first.org.id, { isPlatformAdmin: true })).id);
    });
    for (const id of [
      first.org.id,
      ...Object.values(first.units).map((u) => u.id),
      ...[...actors].filter(([k]) => !k.endsWith('@other')).map(([, v]) => v),
    ])
      secrets.add(id);
    secrets.add('qzsecret');
    firstOrgId = first.org.id;
    otherOrgId = second.org.id;
    units = { a: first.units.a, root: first.units.root };
    baseIds = new Set([...secrets, second.org.id, ...Object.values(second.units).map((u) => u.id), ...actors.values()]);
  });

  afterAll(() => {
    if (process.env.TILLIT_MATRIX_PRINT) console.info(table.join('\n'));
  });

  it('has a declared permission from the vocabulary on every route, also in the OpenAPI document', () => {
    for (const r of routes) {
      expect(
        SPECIAL.includes(r.permission) || (permissions as readonly string[]).includes(r.permission),
        `${r.method} ${r.url}: ${String(r.permission)}`,
      ).toBe(true);
      expect(operation(r)?.permission, `${r.method} ${r.url} in OpenAPI`).toBe(r.permission);
    }
    expect(ops.size).toBe(routes.length);
  });

  it('has a fixture for every route, and none for a route that does not exist', () => {
    expect(routes.filter((r) => !fixtureOf(r)).map(routeKey), 'routes without a fixture in their module').toEqual([]);
    expect(
      fixtureKeys().filter((k) => !routes.some((r) => routeKey(r) === k)),
      'fixtures of no route',
    ).toEqual([]);
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s',
    async (_name, route) => {
      const fixture = fixtureOf(route);
      if (!fixture) throw new Error(`${routeKey(route)} has no fixture: add it to its module's <module>.fixtures.ts`);
      const problems: string[] = [];
      const logFrom = t.log.length;
      const p = route.permission;

      const anon = await runCell(
        route,
        fixture,
        null,
        () => null,
        () => (p === 'public' ? 'allow' : 'unauthenticated'),
        'anonymous',
        p === 'public',
      );
      problems.push(...anon.problems);
      // Platform administration without any role: the case "holds the permission nowhere" for every vocabulary route.
      const pa = await runCell(
        route,
        fixture,
        'platform-admin',
        () => null,
        () => (SPECIAL.includes(p) ? 'allow' : 'deny403'),
        'platform admin without roles',
        SPECIAL.includes(p),
      );
      problems.push(...pa.problems);

      for (const role of roles) {
        for (const scope of scopes) {
          const scopeFor = (target: Target) =>
            scope === 'own' ? `${role}@${target.unitBound ? 'a' : 'root'}` : scope === 'sibling' ? `${role}@b` : `${role}@other`;
          const mayPass = p === 'public' || p === 'authenticated' || (p !== 'platform_admin' && roleGrants(role, p as Permission));
          const cell = await runCell(
            route,
            fixture,
            null,
            scopeFor,
            (target) => expectation(route, role, scope, target, fixture),
            `${role} ${scope}`,
            mayPass,
          );
          problems.push(...cell.problems);
        }
      }
      const logged = errorsLogged(t.log, logFrom);
      if (logged.length) problems.push(`logged errors: ${brief(logged)}`);
      expect(problems).toEqual([]);
    },
    ROUTE_BUDGET_MS,
  );

  it('ran every cell, with strict expectations on every non-public route', async () => {
    const cells = [...counts.values()].reduce((a, b) => a + b, 0);
    console.info(
      `access matrix: ${routes.length} routes × (${roles.length} roles × ${scopes.length} scopes + anonymous + platform admin) = ${cells} cells; ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
    console.info(
      `access matrix: allow cells without a 2xx: ${missedAllow.length}; cells with unexpected audit events: ${auditFailures.length}`,
    );
    expect(cells).toBe(routes.length * (roles.length * scopes.length + 2));
    expect(missedAllow, 'allow cells without a 2xx').toEqual([]);
    expect(auditFailures, 'cells whose audit events differ from the declared ones').toEqual([]);
    for (const r of routes.filter((x) => x.permission !== 'public')) {
      const rows = table.filter((l) => l.startsWith(`${r.method} ${r.url} [`));
      expect(rows.filter((l) => l.endsWith('(unauthenticated)')).length, `${r.method} ${r.url}`).toBe(1);
      if (r.permission !== 'authenticated')
        expect(rows.filter((l) => l.endsWith('(deny403)')).length, `${r.method} ${r.url}`).toBeGreaterThanOrEqual(1);
    }
    // Nothing another organisation's users did was recorded against the first organisation.
    const foreignActors = [...actors].filter(([k]) => k.endsWith('@other')).map(([, v]) => v);
    const crossed = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('actor_user_id', 'in', foreignActors)
      .where('organization_id', '=', firstOrgId)
      .execute();
    expect(crossed).toEqual([]);
  });
});
