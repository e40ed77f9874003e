import { Box, Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLock, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, queryKeys, setCsrfToken } from '../api';
import { useSession } from './session';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  async function signOut() {
    try {
      await api.auth.logout();
    } catch {
      // Signing out locally is what matters; a session the server already ended is fine too.
    }
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(queryKeys.session, null);
    notifications.show({ message: t('userMenu.signedOut') });
    void navigate('/login', { replace: true });
  }

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconUserCircle size={20} aria-hidden />}
          rightSection={<IconChevronDown size={16} aria-hidden />}
          px={{ base: 'xs', sm: 'sm' }}
          title={session.user.email}
          // On small screens only the icon shows; the name stays in the accessible name either way.
          aria-label={t('userMenu.label', { name: session.user.name })}
          data-testid="user-menu"
        >
          <Box component="span" visibleFrom="sm">
            {session.user.name}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component={Link}
          to="/account/password"
          leftSection={<IconLock size={16} aria-hidden />}
          data-testid="menu-change-password"
        >
          {t('userMenu.changePassword')}
        </Menu.Item>
        <Menu.Item onClick={signOut} leftSection={<IconLogout size={16} aria-hidden />} data-testid="menu-sign-out">
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
