import type { FastifyBaseLogger } from 'fastify';
import type { Permission } from '@tillit/core';
import type { Config } from '../config.js';
import type { Db, Trx } from '../db/database.js';
import type { Mailer } from './mail/mailer.js';
import type { JobHandler } from './jobs/queue.js';
import type { RouteDef } from './http/route.js';
import type { AuditVocabulary } from './audit/vocabulary.js';
import type { BenchEndpoint } from './bench.js';
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

/** A recurring job: at each `cron` time one job of kind `job` is queued (run by the module's `jobs` handler). */
export interface ScheduledJob {
  name: string;
  /** Five-field cron expression, server time zone. */
  cron: string;
  job: string;
  payload?: unknown;
}

/**
 * Builders of real objects for the robustness tests (access matrix, fuzz, isolation, audit
 * completeness), keyed by route (`'POST /api/v1/assets/:id/submit'`). Their shape is defined by
 * the robustness test support; the manifest only carries them so a new module's routes are
 * covered without the developer editing the tests.
 */
export type ModuleFixtures = Record<string, (...args: any[]) => unknown>;

/**
 * A permission the module owns. The vocabulary and the roles' grants stay in packages/core
 * (permissions.ts, data/roles.json), which server and web share; the manifest says whose it is.
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
  /** What a new organisation gets from this module, written in the transaction that creates it (with its audit events). */
  onOrganizationCreated?: (trx: Trx, org: { organizationId: string; rootUnitId: string }) => Promise<void>;
  jobs?: (deps: ModuleDeps) => Record<string, JobHandler>;
  schedules?: readonly ScheduledJob[];
  fixtures?: ModuleFixtures;
}

/** Declares a module; only types the manifest (and keeps its services' type for `AppServices`). */
export function defineModule<S extends Partial<AppServices>>(manifest: ModuleManifest<S>): ModuleManifest<S> {
  return manifest;
}
