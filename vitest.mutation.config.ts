import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (`npm run test:mutation`): the pure tests of the core
 * rules and of the access and audit-diff helpers. No database: a mutant run takes milliseconds.
 */
export default defineConfig({
  test: {
    include: [
      'packages/core/src/rules/**/*.test.ts',
      'packages/core/src/permissions.test.ts',
      'apps/server/src/platform/access.test.ts',
      'apps/server/src/platform/audit/diff.test.ts',
    ],
    pool: 'threads',
  },
});
