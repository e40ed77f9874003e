import type { RouteDef } from '../platform/http/route.js';
import { authRoutes } from './auth/auth.routes.js';
import { organizationRoutes } from './organizations/organizations.routes.js';
import { unitRoutes } from './units/units.routes.js';
import { userRoutes } from './users/users.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { tokenRoutes } from './tokens/tokens.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { assetRoutes } from './assets/assets.routes.js';
import { classificationRoutes } from './classification/classification.routes.js';
import { informationTypeRoutes } from './information-types/information-types.routes.js';
import { assetImportRoutes } from './asset-import/asset-import.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';

/** Every API route, in one table: registered by the app, documented in OpenAPI, enumerated by the access-matrix test. */
export function allRoutes(): RouteDef[] {
  return [...authRoutes, ...organizationRoutes, ...unitRoutes, ...userRoutes, ...auditRoutes, ...tokenRoutes, ...dashboardRoutes, ...assetRoutes, ...classificationRoutes, ...informationTypeRoutes, ...assetImportRoutes, ...notificationRoutes] as RouteDef[];
}
