import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Permission, SessionView } from '@tillit/core';
import { permissionsOf } from '@tillit/core/permissions';
import { api, isApiError, queryKeys, setCsrfToken } from '../api';

/** The signed-in session, or null when signed out (the server answers 401). */
async function fetchSession(): Promise<SessionView | null> {
  try {
    const session = await api.auth.session();
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: queryKeys.session, queryFn: fetchSession, staleTime: 5 * 60_000, retry: 1 });
}

const SessionContext = createContext<SessionView | null>(null);

export function SessionProvider({ session, children }: { session: SessionView; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session inside the signed-in part of the app; the route guard guarantees it exists. */
export function useSession(): SessionView {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in route');
  return session;
}

export interface Access {
  /** Holds the permission somewhere in the organisation: enough to show a page or a menu entry. */
  can(permission: Permission): boolean;
  /** Holds the permission on this unit, directly or inherited from a unit above it. */
  canOnUnit(permission: Permission, unitId: string, parentOf: (id: string) => string | null | undefined): boolean;
  isPlatformAdmin: boolean;
}

/**
 * Mirrors the server's rule (roles are granted on a unit and inherited by its sub-units) so the UI
 * offers only actions that will be allowed. The server still decides every request.
 */
export function useAccess(): Access {
  const session = useSession();
  return useMemo(() => {
    const held = new Set(session.permissions);
    return {
      can: (permission) => held.has(permission),
      canOnUnit: (permission, unitId, parentOf) => {
        const units = new Set(session.roles.filter((r) => permissionsOf(r.role).includes(permission)).map((r) => r.unitId));
        let current: string | null | undefined = unitId;
        const seen = new Set<string>();
        while (current && !seen.has(current)) {
          if (units.has(current)) return true;
          seen.add(current);
          current = parentOf(current);
        }
        return false;
      },
      isPlatformAdmin: session.user.isPlatformAdmin,
    };
  }, [session]);
}
