import type { FoundationTables } from './tables/foundation.js';
import type { AssetTables } from './tables/assets.js';
import type { AuditTables } from './tables/audit.js';
import type { NotificationTables } from './tables/notifications.js';

/**
 * The one database interface. The foundation's tables are in `tables/`; a module may keep its table
 * types in its own folder and add them by declaration merging, touching nothing here:
 *
 *   // modules/risks/risks.tables.ts
 *   declare module '../../db/types.js' {
 *     interface DB extends RiskTables {}
 *   }
 */
export interface DB extends FoundationTables, AssetTables, AuditTables, NotificationTables {}
