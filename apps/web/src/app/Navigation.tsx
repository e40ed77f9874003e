import { NavLink } from '@mantine/core';
import { IconBuildingCommunity, IconHome, IconKey, IconListDetails, IconSitemap, IconUsers, type Icon } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@tillit/core';
import { useAccess } from './session';
import { AssetsNavSection } from '../features/assets/AssetsNav';

interface Entry {
  to: string;
  label: 'nav.dashboard' | 'nav.units' | 'nav.users' | 'nav.audit' | 'nav.tokens' | 'nav.organizations';
  icon: Icon;
  permission?: Permission;
  platformAdmin?: boolean;
  testId: string;
}

// Only sections that exist; new modules add their entry here together with their route.
const entries: Entry[] = [
  { to: '/', label: 'nav.dashboard', icon: IconHome, testId: 'nav-dashboard' },
  { to: '/units', label: 'nav.units', icon: IconSitemap, permission: 'unit.read', testId: 'nav-units' },
  { to: '/users', label: 'nav.users', icon: IconUsers, permission: 'user.read', testId: 'nav-users' },
  { to: '/audit', label: 'nav.audit', icon: IconListDetails, permission: 'audit.read', testId: 'nav-audit' },
  { to: '/api-tokens', label: 'nav.tokens', icon: IconKey, permission: 'token.manage', testId: 'nav-tokens' },
  { to: '/organizations', label: 'nav.organizations', icon: IconBuildingCommunity, platformAdmin: true, testId: 'nav-organizations' },
];

export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const access = useAccess();
  const { pathname } = useLocation();
  const visible = entries.filter((e) => (!e.permission || access.can(e.permission)) && (!e.platformAdmin || access.isPlatformAdmin));
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {visible.flatMap((entry) => {
        const active = entry.to === '/' ? pathname === '/' : pathname === entry.to || pathname.startsWith(`${entry.to}/`);
        const EntryIcon = entry.icon;
        return [
          <li key={entry.to}>
            <NavLink
              component={RouterNavLink}
              to={entry.to}
              end={entry.to === '/'}
              label={t(entry.label)}
              leftSection={<EntryIcon size={20} stroke={1.6} aria-hidden />}
              active={active}
              variant="light"
              onClick={onNavigate}
              data-testid={entry.testId}
              styles={{ label: { fontSize: 'var(--mantine-font-size-md)' } }}
              py={10}
            />
          </li>,
          // The information-asset section follows the start page.
          ...(entry.to === '/' ? [<AssetsNavSection key="assets-section" onNavigate={onNavigate} />] : []),
        ];
      })}
    </ul>
  );
}
