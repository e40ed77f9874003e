import { Suspense, useEffect, useRef } from 'react';
import { Anchor, AppShell, Burger, Group, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { EditConflictNotice } from '../components/EditConflictNotice';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/QueryStates';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { UserMenu } from './UserMenu';
import { useSession } from './session';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main-content">
      {t('skipToContent')}
    </a>
  );
}

export function Brand() {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to="/"
      underline="never"
      c="tillit.8"
      fw={700}
      fz="xl"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}
    >
      <IconShieldCheck size={26} aria-hidden />
      {t('appName')}
      <VisuallyHidden component="span">{` – ${t('tagline')}`}</VisuallyHidden>
    </Anchor>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const forcedPasswordChange = session.user.mustChangePassword;

  // After client-side navigation, move focus to the new page so screen readers start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened, desktop: forcedPasswordChange } }}
        // Narrow phones keep more of their 320 px for the page (WCAG 1.4.10).
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 4, sm: 'md' }} justify="space-between" wrap="nowrap" gap={4}>
            <Group gap="xs" wrap="nowrap">
              {!forcedPasswordChange && (
                <Burger
                  opened={navOpened}
                  onClick={nav.toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={navOpened ? t('nav.closeMenu') : t('nav.openMenu')}
                  aria-expanded={navOpened}
                  aria-controls="main-navigation"
                />
              )}
              <Brand />
              <Text visibleFrom="md" size="sm" c="dimmed" data-testid="header-organization">
                <VisuallyHidden component="span">{`${t('header.organization')}: `}</VisuallyHidden>
                {session.user.organizationName}
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              {!forcedPasswordChange && <NotificationBell />}
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        {!forcedPasswordChange && (
          <AppShell.Navbar id="main-navigation" aria-label={t('nav.label')} p="sm">
            <Navigation onNavigate={nav.close} />
          </AppShell.Navbar>
        )}

        <EditConflictNotice />
        <AppShell.Main id="main-content" ref={main} tabIndex={-1} bg="gray.0">
          <div style={{ maxWidth: 1280 }}>
            <Suspense fallback={<LoadingState />}>
              <Outlet />
            </Suspense>
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
