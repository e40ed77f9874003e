import type { FoundationTables } from './tables/foundation.js';
import type { AssetTables } from './tables/assets.js';
import type { AuditTables } from './tables/audit.js';
import type { NotificationTables } from './tables/notifications.js';

/** The one database interface. Each feature adds its tables in `tables/<feature>.ts` and extends it here. */
export interface DB extends FoundationTables, AssetTables, AuditTables, NotificationTables {}
