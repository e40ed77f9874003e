import { useState } from 'react';
import { NavLink } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@tillit/core';
import { useAccess } from '../../app/session';

interface Entry {
  to: string;
  label: 'nav.inventory' | 'nav.coverage' | 'nav.classifications' | 'nav.informationTypes' | 'nav.import' | 'nav.model';
  permission: Permission;
  testId: string;
}

const entries: Entry[] = [
  { to: '/assets', label: 'nav.inventory', permission: 'asset.read', testId: 'nav-assets' },
  { to: '/assets/coverage', label: 'nav.coverage', permission: 'classification.read', testId: 'nav-coverage' },
  { to: '/classifications', label: 'nav.classifications', permission: 'classification.read', testId: 'nav-classifications' },
  { to: '/information-types', label: 'nav.informationTypes', permission: 'classification.read', testId: 'nav-information-types' },
  { to: '/assets/import', label: 'nav.import', permission: 'asset.import', testId: 'nav-asset-import' },
  {
    to: '/settings/classification-model',
    label: 'nav.model',
    permission: 'classification_model.manage',
    testId: 'nav-classification-model',
  },
];

/** The inventory's own address (/assets, /assets/:id) excludes its sibling pages below /assets. */
function isActive(entry: Entry, pathname: string): boolean {
  if (entry.to === '/assets')
    return pathname === '/assets' || (/^\/assets\/[^/]+$/.test(pathname) && !['/assets/coverage', '/assets/import'].includes(pathname));
  return pathname === entry.to || pathname.startsWith(`${entry.to}/`);
}

/** "Informationstillgångar" in the main menu, with the sub-pages the person's permissions allow. */
export function AssetsNavSection({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('assets');
  const access = useAccess();
  const { pathname } = useLocation();
  const [opened, setOpened] = useState(true);
  const visible = entries.filter((e) => access.can(e.permission));
  if (!visible.length) return null;
  const sectionActive = visible.some((e) => isActive(e, pathname));
  return (
    <li>
      <NavLink
        label={t('nav.section')}
        leftSection={<IconDatabase size={20} stroke={1.6} aria-hidden />}
        opened={opened}
        onChange={setOpened}
        active={sectionActive && !opened}
        variant="light"
        childrenOffset={24}
        styles={{ label: { fontSize: 'var(--mantine-font-size-md)', whiteSpace: 'normal', hyphens: 'manual' } }}
        py={10}
        data-testid="nav-assets-section"
      >
        {visible.map((entry) => (
          <NavLink
            key={entry.to}
            component={RouterNavLink}
            to={entry.to}
            end
            label={t(entry.label)}
            active={isActive(entry, pathname)}
            variant="light"
            onClick={onNavigate}
            data-testid={entry.testId}
            py={8}
          />
        ))}
      </NavLink>
    </li>
  );
}
