import { registerAuditVocabulary, type AuditVocabulary } from '../../platform/audit/vocabulary.js';
import { assetImportAudit } from '../asset-import/asset-import.audit.js';
import { assetsAudit } from '../assets/assets.audit.js';
import { authAudit } from '../auth/auth.audit.js';
import { classificationAudit } from '../classification/classification.audit.js';
import { informationTypesAudit } from '../information-types/information-types.audit.js';
import { organizationsAudit } from '../organizations/organizations.audit.js';
import { tokensAudit } from '../tokens/tokens.audit.js';
import { unitsAudit } from '../units/units.audit.js';
import { usersAudit } from '../users/users.audit.js';

/**
 * Every module's audit vocabulary, registered with the platform when the app loads the audit
 * module. Interim: once each module has a manifest (`modules/<m>/module.ts` with `audit`), the app
 * registers them from there and this list goes.
 */
export const moduleAuditVocabularies: AuditVocabulary[] = [
  organizationsAudit,
  unitsAudit,
  usersAudit,
  authAudit,
  tokensAudit,
  assetsAudit,
  classificationAudit,
  informationTypesAudit,
  assetImportAudit,
];

for (const v of moduleAuditVocabularies) registerAuditVocabulary(v);
