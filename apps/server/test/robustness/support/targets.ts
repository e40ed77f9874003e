import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/db/database.js';
import type { RouteDef } from '../../../src/platform/http/route.js';
import { fillPath, queryString, sample, type JsonSchema, type Operation } from './openapi.js';
import type { Session } from './harness.js';

/**
 * The object a route acts on, made for one access-matrix cell: path parameters filled with real
 * objects created in the target unit (through the module's own create route, so new modules are
 * covered without changes here), a body generated from the route's schema, and what is known
 * about the target (does it exist, is it bound to a unit, which of the first organisation's ids
 * the request names).
 */
export interface Target {
  url: string;
  body: unknown;
  /** Every path parameter names a real object. */
  exists: boolean;
  /** The target (or a unit named in the body) lies in the target unit: its grants decide. */
  unitBound: boolean;
  /** Ids of the first organisation named in the path / in the body. */
  pathRefs: string[];
  bodyRefs: string[];
  /** Ids of the objects made for this cell (must not appear in other organisations' answers). */
  made: string[];
}

export interface TargetWorld {
  app: FastifyInstance;
  db: Db;
  /** Signed in in the first organisation with every role on its root, and platform administrator. */
  maker: Session;
  /** The unit targets are made in, and every unit below it. */
  unitId: string;
  routes: RouteDef[];
  operation(route: RouteDef): Operation;
  /** Ids that exist before any cell runs (organisation, units, users). */
  baseIds: Set<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUnitField = (field: string) => /unitid$/i.test(field) || field === 'parentId';

/** Objects with an id in a JSON answer, with their depth (the created object is the shallowest new one). */
function objectsWithId(value: unknown, depth = 0, out: { obj: Record<string, unknown>; depth: number }[] = []) {
  if (Array.isArray(value)) for (const v of value) objectsWithId(v, depth + 1, out);
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.id === 'string' && UUID.test(obj.id)) out.push({ obj, depth });
    for (const v of Object.values(obj)) objectsWithId(v, depth + 1, out);
  }
  return out;
}

async function inTargetUnit(w: TargetWorld, obj: Record<string, unknown>): Promise<boolean> {
  const unitId = typeof obj.unitId === 'string' && UUID.test(obj.unitId) ? obj.unitId : (obj.id as string);
  const unit = await w.db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst();
  return !!unit && unit.path.includes(w.unitId);
}

function bodyFor(w: TargetWorld, op: Operation | undefined, marker: string, refs: string[]): unknown {
  if (!op?.body) return undefined;
  return sample(op.body, {
    marker,
    uuid: (field) => {
      if (isUnitField(field)) {
        refs.push(w.unitId);
        return w.unitId;
      }
      return randomUUID();
    },
  });
}

/**
 * A real object for the parameter at `prefix` (`/api/v1/users/<id>/roles` for `:assignmentId`):
 * made with the POST route on the prefix when there is one, else taken from the GET list.
 */
async function makeObject(w: TargetWorld, prefixTemplate: string, prefix: string, taken: string[], seen: Set<string>) {
  const create = w.routes.find((r) => r.method === 'POST' && r.url === prefixTemplate);
  const candidates: { obj: Record<string, unknown>; depth: number }[] = [];
  if (create) {
    const before = new Set(seen);
    const res = await w.maker.request({ method: 'POST', url: prefix, ...(create.body ? { payload: bodyFor(w, w.operation(create), 'qzsecret', []) as object } : {}) });
    if (res.statusCode < 300 && res.body) {
      const found = objectsWithId(res.json()).filter((o) => !taken.includes(o.obj.id as string) && !w.baseIds.has(o.obj.id as string));
      for (const o of found) seen.add(o.obj.id as string);
      const fresh = found.filter((o) => !before.has(o.obj.id as string));
      candidates.push(...(fresh.length ? fresh : found));
    }
  }
  const list = w.routes.find((r) => r.method === 'GET' && r.url === prefixTemplate);
  if (!candidates.length && list) {
    const res = await w.maker.request({ method: 'GET', url: prefix });
    if (res.statusCode === 200) candidates.push(...objectsWithId(res.json()).filter((o) => !taken.includes(o.obj.id as string) && !w.baseIds.has(o.obj.id as string)));
  }
  candidates.sort((a, b) => a.depth - b.depth);
  return candidates[0]?.obj;
}

export async function prepareTarget(w: TargetWorld, route: RouteDef, marker: string, seen: Set<string>): Promise<Target> {
  const op = w.operation(route);
  const values: Record<string, string> = {};
  const made: string[] = [];
  let exists = true;
  let unitBound = false;
  for (const match of route.url.matchAll(/:(\w+)/g)) {
    const name = match[1]!;
    const prefixTemplate = route.url.slice(0, match.index! - 1);
    const prefix = fillPath(prefixTemplate.replace(/:(\w+)/g, '{$1}'), values);
    const obj = await makeObject(w, prefixTemplate, prefix, Object.values(values), seen);
    if (obj) {
      values[name] = obj.id as string;
      made.push(obj.id as string);
      if (await inTargetUnit(w, obj)) unitBound = true;
    } else {
      values[name] = randomUUID();
      exists = false;
    }
  }
  const bodyRefs: string[] = [];
  const body = bodyFor(w, op, marker, bodyRefs);
  if (bodyRefs.length) unitBound = true;
  // A required id in the query names an object this generic setup did not make (unless it is a unit).
  const queryUuid = (field: string) => {
    if (isUnitField(field)) return w.unitId;
    exists = false;
    return randomUUID();
  };
  const query = op.queryParams
    .filter((p) => p.required)
    .map((p) => [p.name, String(sample(p.schema as JsonSchema, { marker, uuid: queryUuid }, p.name))] as [string, string]);
  return {
    url: fillPath(op.path, values) + queryString(query),
    body,
    exists,
    unitBound,
    pathRefs: made,
    bodyRefs,
    made,
  };
}
