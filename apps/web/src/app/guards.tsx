import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '@tillit/core';
import { changeLocale, currentLocale } from '../i18n';
import { SessionProvider, useAccess, useSessionQuery } from './session';
import { FullPageError, FullPageLoading, NoAccess } from './StatusPages';

const CHANGE_PASSWORD_PATH = '/account/password';

/** Where to go after signing in: only paths inside the app, never another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data: session, isPending, error, refetch } = useSessionQuery();
  const appliedLocaleFor = useRef<string | null>(null);

  // The language saved in the profile wins once per sign-in; later switches update the profile.
  useEffect(() => {
    if (!session || appliedLocaleFor.current === session.user.id) return;
    appliedLocaleFor.current = session.user.id;
    if (session.user.locale !== currentLocale()) void changeLocale(session.user.locale);
  }, [session]);

  if (isPending) return <FullPageLoading />;
  if (error) return <FullPageError error={error} onRetry={() => void refetch()} />;
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <SessionProvider session={session}>{children}</SessionProvider>;
}

/** Public pages such as sign-in send people who are already signed in onwards. */
export function PublicOnly({ children }: { children: ReactNode }) {
  const { data: session, isPending } = useSessionQuery();
  const location = useLocation();
  if (isPending) return <FullPageLoading />;
  if (session) return <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace />;
  return <>{children}</>;
}

export function RequirePermission({
  permission,
  platformAdmin,
  children,
}: {
  permission?: Permission;
  platformAdmin?: boolean;
  children: ReactNode;
}) {
  const access = useAccess();
  const allowed = (permission ? access.can(permission) : true) && (platformAdmin ? access.isPlatformAdmin : true);
  return allowed ? <>{children}</> : <NoAccess />;
}
