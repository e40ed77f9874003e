import type { FastifyBaseLogger } from 'fastify';
import type { ListSpec, Permission } from '@tillit/core';
import type { Config } from '../config.js';
import type { Db, Trx } from '../db/database.js';
import type { Mailer } from './mail/mailer.js';
import type { JobDef } from './jobs/queue.js';
import type { DashboardContribution, NotificationProducer } from './contributions.js';
import type { RouteDef } from './http/route.js';
import type { AuditVocabulary } from './audit/vocabulary.js';
import type { BenchEndpoint } from './bench.js';
import type { RouteFixtures } from './fixtures.js';
import type { GeneratorStep } from '../seed/generator/steps.js';

/**
 * The services of every module, by name, as the routes see them (`ctx.services.units`). The
 * platform knows none of them: each module adds its own entry from its `module.ts`,
 *
 *   declare module '../../platform/module.js' {
 *     interface AppServices { units: UnitsService }
 *   }
 *
 * so the route context is typed from the manifests without the platform importing a module.
 */
export interface AppServices {
  config: Config;
  health: { ready(): Promise<boolean> };
}

/** What a module's services factory receives. */
export interface ModuleDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  log: FastifyBaseLogger;
  /**
   * All services, filled once every factory has run: use it inside service methods (never while
   * constructing) to call another module through its published service interface.
   */
  services: AppServices;
  /** Every table any module declared in `contentTables` (for the units module's "has content" check). */
  contentTables: readonly ContentTable[];
  /** Every manifest, for modules that gather what the others contribute (notifications, start page). */
  modules: readonly ModuleManifest[];
}

/** A table holding module data about a unit: a unit with rows in it cannot be deleted. */
export interface ContentTable {
  table: string;
  /** The column referencing `units.id`. */
  column: string;
}

/** Demo content of a module, run after the base of Region Exempel (organisation, units, users) exists. */
export type DemoSeedStep = (
  db: Db,
  ctx: { organizationId: string; units: Map<string, { id: string; path: string[] }>; users: Map<string, string> },
) => Promise<void>;

/**
 * Builders of real objects for the robustness tests (access matrix, audit completeness), keyed by
 * route (`'POST /api/v1/classifications/:id/submit'`), defined in `platform/fixtures.ts`. Loaded only
 * by the tests (like `bench`), so the server never loads them; a route without one fails the tests.
 */
export type ModuleFixtures = () => Promise<RouteFixtures>;

/**
 * A permission the module owns. The vocabulary and the roles' grants live in packages/core, which
 * server and web share: centrally (permissions.ts, data/roles.json) for the older modules, in the
 * module's own `packages/core/src/modules/<m>/permissions.json` for newer ones (ADR 0016). The
 * manifest says whose it is.
 */
export interface ModulePermission {
  permission: Permission;
}

/**
 * One module's registration: everything the application, the demo seed, the Region Stor generator,
 * the bench and the robustness tests need from it. `modules/index.ts` lists the manifests; nothing
 * else in the application names a module.
 */
export interface ModuleManifest<S extends Partial<AppServices> = Partial<AppServices>> {
  name: string;
  /** Modules whose demo seed and generator steps must run before this one's (by `name`). */
  after?: readonly string[];
  routes?: readonly RouteDef[];
  /** Creates the module's service objects, by the names under which routes find them. */
  services?: (deps: ModuleDeps) => S;
  permissions?: readonly ModulePermission[];
  audit?: AuditVocabulary;
  seed?: DemoSeedStep;
  generator?: GeneratorStep;
  /** Loaded only by `npm run bench`, so the server never loads bench code. */
  bench?: () => Promise<readonly BenchEndpoint[]>;
  contentTables?: readonly ContentTable[];
  /**
   * The module's lists (core's `defineList`: path, sorts, filters, search). Their repositories page with
   * platform/list; the bench and the fuzz test read the vocabulary from here (docs/performance.md).
   */
  lists?: readonly ListSpec[];
  /** What a new organisation gets from this module, written in the transaction that creates it (with its audit events). */
  onOrganizationCreated?: (trx: Trx, org: { organizationId: string; rootUnitId: string }) => Promise<void>;
  /**
   * The module's background job kinds (each a pg-boss queue; with `cron`, also scheduled once per
   * slot across all instances). Given every manifest, for a module that makes jobs of what others
   * declare (the notification producers).
   */
  jobs?: (modules: readonly ModuleManifest[]) => readonly JobDef<ModuleDeps>[];
  /** Scheduled producers of notifications, each with the kinds (and their texts) it sends. */
  notifications?: readonly NotificationProducer<ModuleDeps>[];
  /** The module's section of the start page and what awaits the user in it. */
  dashboard?: DashboardContribution<ModuleDeps>;
  fixtures?: ModuleFixtures;
}

/** Declares a module; only types the manifest (and keeps its services' type for `AppServices`). */
export function defineModule<S extends Partial<AppServices>>(manifest: ModuleManifest<S>): ModuleManifest<S> {
  return manifest;
}
