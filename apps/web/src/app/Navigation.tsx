import { NavLink } from '@mantine/core';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccess } from './session';
import { webModules } from './modules';
import type { NavEntry } from './module';

// Only sections that exist: every feature's menu entries come from its manifest, in `order`.
const entries: NavEntry[] = webModules.flatMap((m) => m.nav ?? []).sort((a, b) => a.order - b.order);

export function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const access = useAccess();
  const { pathname } = useLocation();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.map((entry) => {
        if ('section' in entry) {
          const Section = entry.section;
          return <Section key={entry.key} onNavigate={onNavigate} />;
        }
        if ((entry.permission && !access.can(entry.permission)) || (entry.platformAdmin && !access.isPlatformAdmin)) return null;
        const active = entry.to === '/' ? pathname === '/' : pathname === entry.to || pathname.startsWith(`${entry.to}/`);
        const EntryIcon = entry.icon;
        return (
          <li key={entry.to}>
            <NavLink
              component={RouterNavLink}
              to={entry.to}
              end={entry.to === '/'}
              label={entry.label(t)}
              leftSection={<EntryIcon size={20} stroke={1.6} aria-hidden />}
              active={active}
              variant="light"
              onClick={onNavigate}
              data-testid={entry.testId}
              styles={{ label: { fontSize: 'var(--mantine-font-size-md)' } }}
              py={10}
            />
          </li>
        );
      })}
    </ul>
  );
}
