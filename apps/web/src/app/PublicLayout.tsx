import { Suspense } from 'react';
import { Box, Container, Group } from '@mantine/core';
import { Outlet } from 'react-router';
import { LoadingState } from '../components/QueryStates';
import { Brand, SkipLink } from './AppLayout';
import { LanguageSwitch } from './LanguageSwitch';

/** Sign-in and invitation pages: the brand, the language switch and one centred column. */
export function PublicLayout() {
  return (
    <>
      <SkipLink />
      <Box component="header" py="sm" px="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} bg="white">
        <Group justify="space-between">
          <Brand />
          <LanguageSwitch />
        </Group>
      </Box>
      <Box component="main" id="main-content" tabIndex={-1} bg="gray.0" mih="calc(100vh - 62px)" py={{ base: 'lg', sm: 48 }}>
        <Container size={480} px="md">
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Container>
      </Box>
    </>
  );
}
