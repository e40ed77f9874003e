import type { BenchEndpoint } from '../../platform/bench.js';

/**
 * Issue 10's measure lists on Region Stor (60,000 measures). Targets: p95 ≤ 100 ms at concurrency 1
 * and ≤ 2× the bare SQL (the bench replays the statements each request sent). Declared in the
 * measures manifest (`bench`), loaded only by `npm run bench`.
 */
export const measureBenchEndpoints: BenchEndpoint[] = [
  { name: 'measures: open page', prepare: async () => ({ path: '/api/v1/measures?view=open&pageSize=50' }) },
  { name: 'measures: overdue filter', prepare: async () => ({ path: '/api/v1/measures?view=overdue&priority=high,critical&pageSize=50' }) },
  { name: 'measures: unverified', prepare: async () => ({ path: '/api/v1/measures?view=unverified&sort=-dueDate&pageSize=50' }) },
  { name: 'measures: board by owner', prepare: async () => ({ path: '/api/v1/measures/board?groupBy=owner' }) },
];
