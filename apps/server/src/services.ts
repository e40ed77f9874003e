import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { Mailer } from './platform/mail/mailer.js';
import type { JobHandler } from './platform/jobs/queue.js';
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
    health: {
      ready: async () => {
        try {
          await sql`select 1`.execute(db);
          return true;
        } catch {
          return false;
        }
      },
    },
  } as AppServices;
  const contentTables: ContentTable[] = modules.flatMap((m) => m.contentTables ?? []);
  const deps: ModuleDeps = { db, config, mailer, log, services, contentTables };
  for (const m of modules) {
    if (!m.services) continue;
    const made = m.services(deps);
    for (const name of Object.keys(made)) if (name in services) throw new Error(`module ${m.name}: service name ${name} is taken`);
    Object.assign(services, made);
  }
  return services;
}

export type Services = AppServices;

/** Background job kinds and what runs them: the platform's mail job. */
export function jobHandlers(mailer: Mailer): Record<string, JobHandler> {
  return {
    'mail.send': (payload: { to: string; subject: string; text: string }) => mailer.send(payload),
  };
}

/** The platform's job kinds and every module's (their manifests' `jobs`); a kind is declared once. */
export function allJobHandlers(deps: ServiceDeps, services: AppServices): Record<string, JobHandler> {
  const handlers = jobHandlers(deps.mailer);
  const moduleDeps: ModuleDeps = { ...deps, services, contentTables: modules.flatMap((m) => m.contentTables ?? []) };
  for (const m of modules) {
    for (const [kind, handler] of Object.entries(m.jobs?.(moduleDeps) ?? {})) {
      if (kind in handlers) throw new Error(`module ${m.name}: job kind ${kind} is taken`);
      handlers[kind] = handler;
    }
  }
  return handlers;
}
