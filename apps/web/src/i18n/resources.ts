import { messages } from '@tillit/core/messages';
import svCommon from './sv/common.json';
import svAuth from './sv/auth.json';
import svDashboard from './sv/dashboard.json';
import svUnits from './sv/units.json';
import svUsers from './sv/users.json';
import svAudit from './sv/audit.json';
import svTokens from './sv/tokens.json';
import svOrganizations from './sv/organizations.json';
import svAssets from './sv/assets.json';
import svClassification from './sv/classification.json';
import svInformationTypes from './sv/informationTypes.json';
import svAssetImport from './sv/assetImport.json';
import svNotifications from './sv/notifications.json';
import enCommon from './en/common.json';
import enAuth from './en/auth.json';
import enDashboard from './en/dashboard.json';
import enUnits from './en/units.json';
import enUsers from './en/users.json';
import enAudit from './en/audit.json';
import enTokens from './en/tokens.json';
import enOrganizations from './en/organizations.json';
import enAssets from './en/assets.json';
import enClassification from './en/classification.json';
import enInformationTypes from './en/informationTypes.json';
import enAssetImport from './en/assetImport.json';
import enNotifications from './en/notifications.json';

/**
 * One namespace per feature plus `common`; `errors` are the server's error texts from core, so a
 * client-side failure reads exactly like the same failure reported by the server.
 */
export const resources = {
  sv: {
    common: svCommon,
    auth: svAuth,
    dashboard: svDashboard,
    units: svUnits,
    users: svUsers,
    audit: svAudit,
    tokens: svTokens,
    organizations: svOrganizations,
    assets: svAssets,
    classification: svClassification,
    informationTypes: svInformationTypes,
    assetImport: svAssetImport,
    notifications: svNotifications,
    errors: messages.sv.errors,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    dashboard: enDashboard,
    units: enUnits,
    users: enUsers,
    audit: enAudit,
    tokens: enTokens,
    organizations: enOrganizations,
    assets: enAssets,
    classification: enClassification,
    informationTypes: enInformationTypes,
    assetImport: enAssetImport,
    notifications: enNotifications,
    errors: messages.en.errors,
  },
} as const;

export type Namespace = keyof (typeof resources)['sv'];
export const namespaces = Object.keys(resources.sv) as Namespace[];
