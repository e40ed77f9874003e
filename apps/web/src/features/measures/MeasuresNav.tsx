import { useState } from 'react';
import { NavLink } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../app/session';

const entries = [
  { to: '/measures/mine', label: 'nav.mine', testId: 'nav-my-measures' },
  { to: '/measures', label: 'nav.all', testId: 'nav-measures' },
  { to: '/measures/board', label: 'nav.board', testId: 'nav-measures-board' },
] as const;

/** A measure's own page (/measures/:id) belongs to the list. */
function isActive(to: string, pathname: string) {
  if (to === '/measures')
    return pathname === '/measures' || (/^\/measures\/[^/]+$/.test(pathname) && !['/measures/mine', '/measures/board'].includes(pathname));
  return pathname === to;
}

/** "Åtgärder" in the main menu: Mina åtgärder, all measures, grouped per owner. */
export function MeasuresNavSection({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('measures');
  const access = useAccess();
  const { pathname } = useLocation();
  const [opened, setOpened] = useState(true);
  if (!access.can('measure.read')) return null;
  return (
    <li>
      <NavLink
        label={t('nav.section')}
        leftSection={<IconChecklist size={20} stroke={1.6} aria-hidden />}
        opened={opened}
        onChange={setOpened}
        active={pathname.startsWith('/measures') && !opened}
        variant="light"
        childrenOffset={24}
        styles={{ label: { fontSize: 'var(--mantine-font-size-md)', whiteSpace: 'normal', hyphens: 'manual' } }}
        py={10}
        data-testid="nav-measures-section"
      >
        {entries.map((e) => (
          <NavLink
            key={e.to}
            component={RouterNavLink}
            to={e.to}
            end
            label={t(e.label)}
            active={isActive(e.to, pathname)}
            variant="light"
            onClick={onNavigate}
            data-testid={e.testId}
            py={8}
          />
        ))}
      </NavLink>
    </li>
  );
}
