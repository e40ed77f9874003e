import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { Mailer } from './platform/mail/mailer.js';
import type { JobDef } from './platform/jobs/queue.js';
import { mailJob } from './platform/mail/mail.job.js';
import { housekeepingJob } from './platform/housekeeping.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createOrganizationsService } from './modules/organizations/organizations.service.js';
import { createUnitsService } from './modules/units/units.service.js';
import { createUsersService } from './modules/users/users.service.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createTokensService } from './modules/tokens/tokens.service.js';
import { createDashboardService } from './modules/dashboard/dashboard.service.js';
import { dashboardContributions } from './modules/dashboard/registry.js';
import { createAssetsService } from './modules/assets/assets.service.js';
import { createAssetExportService } from './modules/assets/export.service.js';
import { createModelsService } from './modules/classification/models.service.js';
import { createClassificationService } from './modules/classification/classification.service.js';
import { createCoverageService } from './modules/classification/coverage.service.js';
import { createInformationTypesService } from './modules/information-types/information-types.service.js';
import { createAssetImportService } from './modules/asset-import/asset-import.service.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { notificationJobs, notificationKinds } from './modules/notifications/registry.js';

export interface ServiceDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  log: FastifyBaseLogger;
}

export function createServices({ db, config, mailer }: ServiceDeps) {
  const users = createUsersService(db, config, mailer);
  const notifications = createNotificationsService(db, notificationKinds);
  // The start page reads the other modules through their services, so it gets the finished set.
  const late: { services?: unknown } = {};
  const services = {
    config,
    auth: createAuthService(db, config),
    organizations: createOrganizationsService(db, () => users),
    units: createUnitsService(db),
    users,
    audit: createAuditService(db),
    tokens: createTokensService(db),
    dashboard: createDashboardService(db, notifications, () => late.services, () => dashboardContributions(db)),
    assets: createAssetsService(db),
    assetExport: createAssetExportService(db),
    classificationModels: createModelsService(db),
    classification: createClassificationService(db),
    coverage: createCoverageService(db),
    informationTypes: createInformationTypesService(db),
    assetImport: createAssetImportService(db),
    notifications,
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
  };
  late.services = services;
  return services;
}

export type Services = ReturnType<typeof createServices>;

/** What a background job runs with. */
export interface JobContext {
  db: Db;
  config: Config;
  mailer: Mailer;
  services: Services;
  log: FastifyBaseLogger;
}

/** Every background job kind, each a pg-boss queue; some also run on a cron schedule. */
export function jobDefinitions(): JobDef<JobContext>[] {
  return [mailJob, housekeepingJob, ...notificationJobs()];
}

export function jobContext(deps: ServiceDeps): JobContext {
  return { ...deps, services: createServices(deps) };
}
