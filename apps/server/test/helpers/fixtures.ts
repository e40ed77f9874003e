import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { Db } from '../../src/db/database.js';
import type { RouteDef } from '../../src/platform/http/route.js';
import type { FixtureRequest, FixtureUnit, FixtureWorld, RouteFixture, RouteFixtures } from '../../src/platform/fixtures.js';
import { makeUser } from '../../src/seed/factories.js';
import { modules } from '../../src/modules/index.js';
import { PASSWORD } from './app.js';

/**
 * Every module's route fixtures in one table, read from the module manifests (`fixtures`), for
 * the tests that walk the route table (access matrix, audit completeness). A route two modules
 * claim is refused here.
 */
const all: RouteFixtures = {};
for (const m of modules) {
  for (const [key, fixture] of Object.entries((await m.fixtures?.()) ?? {})) {
    if (all[key]) throw new Error(`fixture ${key} is declared twice (module ${m.name})`);
    all[key] = fixture;
  }
}

export const routeKey = (r: Pick<RouteDef, 'method' | 'url'>) => `${r.method} ${r.url}`;

export function fixtureOf(route: RouteDef): RouteFixture | undefined {
  return all[routeKey(route)];
}

/** Fixture keys that name no route (a renamed route whose fixture was left behind). */
export const fixtureKeys = () => Object.keys(all);

export function fixtureWorld(db: Db, unit: FixtureUnit, root: FixtureUnit, marker: string): FixtureWorld {
  return {
    db,
    organizationId: unit.organization_id,
    unit,
    root,
    marker,
    password: PASSWORD,
    tx: (fn) => db.transaction().execute(fn),
    person: async (roles = []) => {
      const u = await db.transaction().execute((trx) => makeUser(trx, unit.organization_id, { roles }));
      return { id: u.id, email: u.email, name: u.name };
    },
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Ids a value names (for which organisation's data a request refers to). */
export const idsIn = (value: unknown): string[] => (value === undefined ? [] : (JSON.stringify(value).match(UUID) ?? []));

/** The request of a fixture for a route: path filled in, query string, JSON or raw body. */
export function injectOf(route: RouteDef, req: FixtureRequest): InjectOptions & { url: string } {
  const url = route.url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(req.params?.[name] ?? randomUUID()));
  const query = req.query && Object.keys(req.query).length ? `?${new URLSearchParams(req.query)}` : '';
  if (req.raw)
    return { method: route.method, url: url + query, payload: req.raw.payload, headers: { 'content-type': req.raw.contentType } };
  return { method: route.method, url: url + query, ...(req.body !== undefined ? { payload: req.body as object } : {}) };
}
