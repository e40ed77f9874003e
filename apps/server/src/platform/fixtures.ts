import type { Role } from '@tillit/core';
import type { Db, Trx } from '../db/database.js';
import type { AuditAction, AuditEntityType } from './audit/vocabulary.js';

/**
 * Route fixtures: for every route, a builder that makes the real objects the route acts on (with the
 * seed factories) and a valid request, plus what a successful request must leave in the audit log.
 * The access-matrix and audit-completeness tests run every route with them; a module declares its
 * fixtures next to its routes (`modules/<m>/<m>.fixtures.ts`), keyed `METHOD /url/:param`.
 */
export interface FixtureUnit {
  id: string;
  organization_id: string;
  path: string[];
}

export interface FixtureWorld {
  db: Db;
  organizationId: string;
  /** The unit the objects are made in: a role on it (or above it) holds them. */
  unit: FixtureUnit;
  root: FixtureUnit;
  /** Text to put in names, so a test can see whether an answer holds the objects made here. */
  marker: string;
  /** The password of every person made by `person` and of every acting user of the tests. */
  password: string;
  /** Runs the factories in one transaction. */
  tx<T>(fn: (trx: Trx) => Promise<T>): Promise<T>;
  /** A person of the organisation (with the given roles), e.g. an author other than the actor. */
  person(roles?: { role: Role; unitId: string }[]): Promise<{ id: string; email: string; name: string }>;
}

export interface FixtureRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A raw body (file upload) instead of JSON. */
  raw?: { payload: string | Buffer; contentType: string };
}

/** One audit event a successful request writes: its action and entity type, from the typed audit vocabulary. */
export interface ExpectedAudit {
  action: AuditAction;
  entityType: AuditEntityType;
}

export interface RouteFixture {
  /** Makes the objects and the request; called once per request that may change them. */
  build(w: FixtureWorld): Promise<FixtureRequest>;
  /**
   * `unit`: the object (or a unit in the body) lies in `w.unit`, whose grants decide; `organization`:
   * the route acts on the organisation as a whole (a grant anywhere in it, or on its root, decides).
   */
  scope: 'unit' | 'organization';
  /**
   * What a user holding the permission only on a sibling unit gets: `deny` (403/404), `allow` (2xx),
   * `hidden` (2xx without the objects made here, e.g. a list filtered to the user's units), or
   * `refused` (a 4xx of any kind, e.g. an import whose rows lie in units the user may not write).
   * Defaults: `allow` for organisation scope; for unit scope `hidden` on a GET without path
   * parameters, else `deny`.
   */
  sibling?: 'deny' | 'allow' | 'hidden' | 'refused';
  /**
   * The events a successful state-changing request writes, in the same transaction (GETs write none);
   * a function when the answer says how many (one per type an import added or changed).
   */
  audit: ExpectedAudit[] | ((answer: unknown) => ExpectedAudit[]);
}

/** Fixtures of a module, keyed by `METHOD /api/v1/url/:param` exactly as in its route table. */
export type RouteFixtures = Record<string, RouteFixture>;
