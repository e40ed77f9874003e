import type { Db } from '../../db/database.js';
import { assetsDashboard } from '../assets/assets.dashboard.js';
import { classificationDashboard } from '../classification/classification.dashboard.js';
import type { DashboardContribution } from './contribution.js';
import { organizationDashboard } from './organization.dashboard.js';

/** The modules' start-page contributions, in page order. (Moves to each module's manifest once they exist.) */
export const dashboardContributions = (db: Db): DashboardContribution<any>[] => [organizationDashboard(db), assetsDashboard, classificationDashboard];
