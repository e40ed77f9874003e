import { assetListQuery, assetSorts, auditListQuery, classificationListQuery, userListQuery } from '@tillit/core';
import type { BenchListSpec } from './support/lists.js';

/**
 * The lists as their query schemas stand before they declare a `ListSpec` (issue 15, item 1): the
 * bench takes a list's own declaration when @tillit/core exports one under the same name, and these
 * only for lists that have none yet.
 */
const filtersOf = (shape: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(shape).filter(([k]) => !['page', 'pageSize', 'sort', 'q'].includes(k))) as BenchListSpec['filters'];

export const fallbackLists: BenchListSpec[] = [
  {
    name: 'users',
    path: '/api/v1/users',
    sorts: { name: 'text' },
    defaultSort: 'name',
    search: true,
    filters: filtersOf(userListQuery.shape),
  },
  { name: 'audit-events', path: '/api/v1/audit-events', sorts: {}, search: false, filters: filtersOf(auditListQuery.shape) },
  {
    name: 'assets',
    path: '/api/v1/assets',
    sorts: Object.fromEntries(assetSorts.map((s) => [s, s === 'updatedAt' || s === 'reviewDueAt' ? 'time' : 'text'])),
    defaultSort: 'name',
    search: true,
    filters: filtersOf(assetListQuery.shape),
  },
  { name: 'classifications', path: '/api/v1/classifications', sorts: {}, search: false, filters: filtersOf(classificationListQuery.shape) },
];
