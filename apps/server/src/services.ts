import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { Mailer } from './platform/mail/mailer.js';
import type { JobHandler } from './platform/jobs/queue.js';
import { createHealth } from './platform/health.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createOrganizationsService } from './modules/organizations/organizations.service.js';
import { createUnitsService } from './modules/units/units.service.js';
import { createUsersService } from './modules/users/users.service.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createTokensService } from './modules/tokens/tokens.service.js';
import { createDashboardService } from './modules/dashboard/dashboard.service.js';
import { createAssetsService } from './modules/assets/assets.service.js';
import { createAssetExportService } from './modules/assets/export.service.js';
import { createModelsService } from './modules/classification/models.service.js';
import { createClassificationService } from './modules/classification/classification.service.js';
import { createCoverageService } from './modules/classification/coverage.service.js';
import { createInformationTypesService } from './modules/information-types/information-types.service.js';
import { createAssetImportService } from './modules/asset-import/asset-import.service.js';

export interface ServiceDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  log: FastifyBaseLogger;
}

export function createServices({ db, config, mailer }: ServiceDeps) {
  const users = createUsersService(db, config, mailer);
  return {
    config,
    auth: createAuthService(db, config),
    organizations: createOrganizationsService(db, () => users),
    units: createUnitsService(db),
    users,
    audit: createAuditService(db),
    tokens: createTokensService(db),
    dashboard: createDashboardService(db),
    assets: createAssetsService(db),
    assetExport: createAssetExportService(db),
    classificationModels: createModelsService(db),
    classification: createClassificationService(db),
    coverage: createCoverageService(db),
    informationTypes: createInformationTypesService(db),
    assetImport: createAssetImportService(db),
    health: createHealth(db),
  };
}

export type Services = ReturnType<typeof createServices>;

/** Background job kinds and what runs them. */
export function jobHandlers(mailer: Mailer): Record<string, JobHandler> {
  return {
    'mail.send': (payload: { to: string; subject: string; text: string }) => mailer.send(payload),
  };
}
