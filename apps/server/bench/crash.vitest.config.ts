import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:crash`: kill -9 rounds against a real server process. Not part of `npm test`.
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..'),
  test: {
    include: ['apps/server/bench/crash.test.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 2 * 60_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
