import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('.', import.meta.url).pathname,
    include: ['specs/**/*.e2e.ts'],
    globalSetup: ['support/global.ts'],
    // The longest flow (classify, submit, approve as another user) takes ~40 s idle and much more on a loaded 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // One browser and one server; the specs share the demo organisation and run one after the other.
    fileParallelism: false,
  },
});
