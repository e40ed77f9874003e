import type { RouteFixtures } from '../../platform/fixtures.js';

export const auditFixtures: RouteFixtures = {
  // The audit log is read per organisation; a grant anywhere in it reads the whole log.
  'GET /api/v1/audit-events': { scope: 'organization', build: async () => ({}), audit: [] },
  'GET /api/v1/audit-events/vocabulary': { scope: 'organization', build: async () => ({}), audit: [] },
  // Verification and receipts record a checkpoint, not an audit event. Both are rate-limited per
  // organisation of the actor; the incremental bucket (burst 20, one more every 3 s) covers the
  // matrix's allow cells of both routes, the full walk's (burst 3) would not: hence `full: false`.
  'POST /api/v1/audit-events/verify': { scope: 'organization', build: async () => ({ body: { full: false } }), audit: [] },
  'POST /api/v1/audit-events/receipt': { scope: 'organization', build: async () => ({}), audit: [] },
};
