import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { Mailer } from './platform/mail/mailer.js';
import type { JobDef } from './platform/jobs/queue.js';
import { mailJob } from './platform/mail/mail.job.js';
import { housekeepingJob } from './platform/housekeeping.js';
import { createHealth } from './platform/health.js';
import type { AppServices, ContentTable, ModuleDeps } from './platform/module.js';
import { modules } from './modules/index.js';

export interface ServiceDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  log: FastifyBaseLogger;
}

/** Every module's services (from the manifests), plus the configuration and the readiness check. */
export function createServices({ db, config, mailer, log }: ServiceDeps): AppServices {
  const services = {
    config,
    health: createHealth(db),
  } as AppServices;
  const contentTables: ContentTable[] = modules.flatMap((m) => m.contentTables ?? []);
  const deps: ModuleDeps = { db, config, mailer, log, services, contentTables, modules };
  for (const m of modules) {
    if (!m.services) continue;
    const made = m.services(deps);
    for (const name of Object.keys(made)) if (name in services) throw new Error(`module ${m.name}: service name ${name} is taken`);
    Object.assign(services, made);
  }
  return services;
}

export type Services = AppServices;

/** What a background job runs with: the modules' dependencies, with every service. */
export type JobContext = ModuleDeps;

/** The platform's job kinds (mail, housekeeping) and every module's (their manifests' `jobs`); a kind is declared once. */
export function jobDefinitions(): JobDef<JobContext>[] {
  const defs: JobDef<JobContext>[] = [mailJob, housekeepingJob];
  for (const m of modules) {
    for (const def of m.jobs?.(modules) ?? []) {
      if (defs.some((d) => d.name === def.name)) throw new Error(`module ${m.name}: job kind ${def.name} is taken`);
      defs.push(def);
    }
  }
  return defs;
}

export function jobContext(deps: ServiceDeps, services: AppServices = createServices(deps)): JobContext {
  return { ...deps, services, contentTables: modules.flatMap((m) => m.contentTables ?? []), modules };
}
