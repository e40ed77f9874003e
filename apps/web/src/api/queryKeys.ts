import type { AuditListQuery, UserListQuery } from './types';

/** Every cache key in one place, so a mutation can invalidate exactly what it changed. */
export const queryKeys = {
  session: ['session'] as const,
  dashboard: ['dashboard'] as const,
  organization: ['organization'] as const,
  organizations: ['organizations'] as const,
  units: {
    all: ['units'] as const,
    list: (includeClosed: boolean) => ['units', { includeClosed }] as const,
  },
  users: {
    all: ['users'] as const,
    list: (query: UserListQuery) => ['users', 'list', query] as const,
    detail: (id: string) => ['users', 'detail', id] as const,
  },
  audit: {
    all: ['audit'] as const,
    /** Display values come in the interface language, so the language is part of the key. */
    list: (query: AuditListQuery, locale: string) => ['audit', 'list', locale, query] as const,
    vocabulary: ['audit', 'vocabulary'] as const,
  },
  tokens: ['tokens'] as const,
  link: (token: string) => ['link', token] as const,
};
