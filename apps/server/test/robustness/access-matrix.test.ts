import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadPermission, permissions, roleGrants, roles, type Permission, type Role } from '@tillit/core';
import { VERSION } from '../../src/app.js';
import { allRoutes } from '../../src/modules/index.js';
import { buildOpenApi } from '../../src/platform/http/openapi.js';
import type { RouteDef } from '../../src/platform/http/route.js';
import { makeUser } from '../../src/seed/factories.js';
import { seedOrg } from '../helpers/app.js';
import { brief, errorCode, errorShapeProblem, errorsLogged, mintSession, useRobustApp, type Session } from './support/harness.js';
import { label, operationsOf } from './support/openapi.js';
import { prepareTarget, type Target, type TargetWorld } from './support/targets.js';

/**
 * Every route × role × scope, read from the route table and roles.json: a role without the
 * route's permission is refused with 403; a role with it is let through where it holds it (on the
 * target's own unit); a grant on a sibling unit does not reach another unit's objects for changes;
 * a user of another organisation never gets the first organisation's data. New routes join the
 * matrix by being in the route table. TILLIT_MATRIX_PRINT=1 prints the whole matrix.
 */
const routes = allRoutes();
const ops = new Map(operationsOf(buildOpenApi(routes, VERSION)).map((o) => [label(o), o]));
const operation = (r: RouteDef) => ops.get(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)!;
const SPECIAL = ['public', 'authenticated', 'platform_admin'];
const scopes = ['own', 'sibling', 'other'] as const;
type Scope = (typeof scopes)[number];
type Expect = 'allow' | 'deny' | 'deny403' | 'unauthenticated' | 'not2xx' | 'any';

const t = useRobustApp();
let world: TargetWorld;
const actors = new Map<string, string>();
/** Ids of the first organisation and the marker in its texts: never in another organisation's answers. */
const secrets = new Set<string>();
let firstOrgId = '';
const seen = new Set<string>();
const counts = new Map<Expect, number>();
const table: string[] = [];
const sharedTargets = new Map<RouteDef, Target>();
const sessions = new Map<string, Session>();

function expectation(route: RouteDef, role: Role, scope: Scope, target: Target, ownOk: boolean): Expect {
  const p = route.permission;
  if (scope === 'other' && target.pathRefs.length && p !== 'public') return 'deny';
  if (p === 'public' || p === 'authenticated') return scope === 'other' && target.bodyRefs.length ? 'not2xx' : 'allow';
  if (p === 'platform_admin' || !roleGrants(role, p as Permission)) return 'deny403';
  if (scope === 'own') return 'allow';
  if (scope === 'sibling') return target.unitBound && !isReadPermission(p as Permission) && ownOk ? 'deny' : 'any';
  return target.bodyRefs.length ? 'not2xx' : 'any';
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
      if (status < 400) out.push('expected a refusal');
      break;
    case 'allow':
      // 403 is only acceptable when the target does not exist (a service may check access on the missing object first).
      if (code === 'forbidden' && target.exists) out.push('refused with 403 although the role holds the permission on the target');
      if (method === 'GET' && target.exists && status >= 300) out.push('a read of an existing target was not answered 2xx');
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

/**
 * A request that gets through may change its target, so it gets a fresh one. Reads, and requests
 * refused before the handler (no permission anywhere), share one target per route.
 */
async function targetFor(route: RouteDef, mayPass: boolean, foreign: boolean): Promise<Target> {
  if (route.method !== 'GET' && mayPass) return prepareTarget(world, route, foreign ? 'qzother' : 'qzsecret', seen);
  const shared = sharedTargets.get(route) ?? (await prepareTarget(world, route, 'qzsecret', seen));
  sharedTargets.set(route, shared);
  return shared;
}

async function runCell(route: RouteDef, who: string | null, scopeFor: (target: Target) => string | null, exp: (target: Target) => Expect, tag: string, mayPass: boolean) {
  const foreign = tag.endsWith('other');
  const target = await targetFor(route, mayPass, foreign);
  const key = scopeFor(target) ?? who;
  const userId = key ? actors.get(key) : undefined;
  if (key && !userId) throw new Error(`no actor ${key}`);
  const request = userId ? (await sessionOf(userId, route)).request : (o: InjectOptions) => t.app.inject(o);
  const res = await request({ method: route.method, url: target.url, ...(target.body !== undefined ? { payload: target.body as object } : {}) });
  const e = exp(target);
  counts.set(e, (counts.get(e) ?? 0) + 1);
  const found = judge(res, e, target, !!userId, foreign, route.method);
  table.push(`${route.method} ${route.url} [${route.permission}] ${tag} → ${res.statusCode} ${errorCode(res) ?? ''} (${e})`);
  return { res, problems: found.map((p) => `${tag}: ${p} — got ${res.statusCode} ${brief(res.body, 200)} for ${route.method} ${brief(target.url, 120)}`) };
}

describe('access matrix', () => {
  beforeAll(async () => {
    const first = await seedOrg(t.db, []);
    const second = await seedOrg(t.db, []);
    let maker = '';
    await t.db.transaction().execute(async (trx) => {
      for (const role of roles) {
        for (const unit of ['root', 'a', 'b'] as const) actors.set(`${role}@${unit}`, (await makeUser(trx, first.org.id, { roles: [{ role, unitId: first.units[unit].id }] })).id);
        actors.set(`${role}@other`, (await makeUser(trx, second.org.id, { roles: [{ role, unitId: second.units.root.id }] })).id);
      }
      actors.set('platform-admin', (await makeUser(trx, first.org.id, { isPlatformAdmin: true })).id);
      maker = (await makeUser(trx, first.org.id, { isPlatformAdmin: true, roles: roles.map((role) => ({ role, unitId: first.units.root.id })) })).id;
    });
    for (const id of [first.org.id, ...Object.values(first.units).map((u) => u.id), maker, ...[...actors].filter(([k]) => !k.endsWith('@other')).map(([, v]) => v)]) secrets.add(id);
    secrets.add('qzsecret');
    firstOrgId = first.org.id;
    world = {
      app: t.app,
      db: t.db,
      maker: await mintSession(t.app, t.db, maker),
      unitId: first.units.a.id,
      routes,
      operation,
      baseIds: new Set([...secrets, second.org.id, ...Object.values(second.units).map((u) => u.id), ...actors.values()]),
    };
  });

  afterAll(() => {
    if (process.env.TILLIT_MATRIX_PRINT) console.info(table.join('\n'));
  });

  it('has a declared permission from the vocabulary on every route, also in the OpenAPI document', () => {
    for (const r of routes) {
      expect(SPECIAL.includes(r.permission) || (permissions as readonly string[]).includes(r.permission), `${r.method} ${r.url}: ${String(r.permission)}`).toBe(true);
      expect(operation(r)?.permission, `${r.method} ${r.url} in OpenAPI`).toBe(r.permission);
    }
    expect(ops.size).toBe(routes.length);
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', async (_name, route) => {
    const problems: string[] = [];
    const logFrom = t.log.length;
    const p = route.permission;

    const anon = await runCell(route, null, () => null, () => (p === 'public' ? 'allow' : 'unauthenticated'), 'anonymous', p === 'public');
    problems.push(...anon.problems);
    // Platform administration without any role: the case "holds the permission nowhere" for every vocabulary route.
    const pa = await runCell(route, 'platform-admin', () => null, () => (SPECIAL.includes(p) ? 'allow' : 'deny403'), 'platform admin without roles', SPECIAL.includes(p));
    problems.push(...pa.problems);

    for (const role of roles) {
      let ownOk = false;
      for (const scope of scopes) {
        const scopeFor = (target: Target) => (scope === 'own' ? `${role}@${target.unitBound ? 'a' : 'root'}` : scope === 'sibling' ? `${role}@b` : `${role}@other`);
        const mayPass = p === 'public' || p === 'authenticated' || (p !== 'platform_admin' && roleGrants(role, p as Permission));
        const cell = await runCell(route, null, scopeFor, (target) => expectation(route, role, scope, target, ownOk), `${role} ${scope}`, mayPass);
        if (scope === 'own') ownOk = cell.res.statusCode < 300;
        problems.push(...cell.problems);
      }
    }
    const logged = errorsLogged(t.log, logFrom);
    if (logged.length) problems.push(`logged errors: ${brief(logged)}`);
    expect(problems).toEqual([]);
  });

  it('ran every cell, with strict expectations on every non-public route', async () => {
    const cells = [...counts.values()].reduce((a, b) => a + b, 0);
    console.info(`access matrix: ${routes.length} routes × (${roles.length} roles × ${scopes.length} scopes + anonymous + platform admin) = ${cells} cells; ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    expect(cells).toBe(routes.length * (roles.length * scopes.length + 2));
    for (const r of routes.filter((x) => x.permission !== 'public')) {
      const rows = table.filter((l) => l.startsWith(`${r.method} ${r.url} [`));
      expect(rows.filter((l) => l.endsWith('(unauthenticated)')).length, `${r.method} ${r.url}`).toBe(1);
      if (r.permission !== 'authenticated') expect(rows.filter((l) => l.endsWith('(deny403)')).length, `${r.method} ${r.url}`).toBeGreaterThanOrEqual(1);
    }
    // Nothing another organisation's users did was recorded against the first organisation.
    const foreignActors = [...actors].filter(([k]) => k.endsWith('@other')).map(([, v]) => v);
    const crossed = await t.db.selectFrom('audit_events').select(['action', 'entity_type']).where('actor_user_id', 'in', foreignActors).where('organization_id', '=', firstOrgId).execute();
    expect(crossed).toEqual([]);
  });
});
