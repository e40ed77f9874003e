import { Button, Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@mantine/hooks';
import { ErrorState } from '../components/QueryStates';

export function FullPageLoading() {
  const { t } = useTranslation();
  return (
    <main id="main-content">
      <Center mih="60vh" role="status" aria-live="polite">
        <Stack align="center" gap="sm">
          <Loader aria-hidden />
          <Title order={1} size="h4" fw={500}>
            {t('state.loading')}
          </Title>
        </Stack>
      </Center>
    </main>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  useDocumentTitle(t('pageTitle', { page: t('state.errorTitle') }));
  return (
    <main id="main-content">
      <Container size="sm" py="xl">
        <Stack gap="md">
          <Title order={1}>{t('appName')}</Title>
          <ErrorState error={error} onRetry={onRetry} />
        </Stack>
      </Container>
    </main>
  );
}

/** A page that only says what happened and leads back to the start page. */
function MessagePage({
  titleKey,
  textKey,
}: {
  titleKey: 'state.noAccessTitle' | 'state.notFoundTitle';
  textKey: 'state.noAccessText' | 'state.notFoundText';
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('pageTitle', { page: t(titleKey) }));
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t(titleKey)}</Title>
      <Text>{t(textKey)}</Text>
      <div>
        <Button component={Link} to="/" variant="default">
          {t('state.goHome')}
        </Button>
      </div>
    </Stack>
  );
}

export const NoAccess = () => <MessagePage titleKey="state.noAccessTitle" textKey="state.noAccessText" />;
export const NotFoundPage = () => <MessagePage titleKey="state.notFoundTitle" textKey="state.notFoundText" />;

/** Shown by the router when a page throws while rendering or its code cannot be loaded (after an upgrade). */
export function RouteError({ inShell = false }: { inShell?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('pageTitle', { page: t('state.crashTitle') }));
  // Logged so whoever supports the installation can see what happened in the browser console.
  console.error(error);
  const content = (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('state.crashTitle')}</Title>
      <Text>{t('state.crashText')}</Text>
      <div>
        <Button onClick={() => window.location.reload()}>{t('actions.reload')}</Button>
      </div>
    </Stack>
  );
  if (inShell) return content;
  return (
    <main id="main-content">
      <Container size="sm" py="xl">
        {content}
      </Container>
    </main>
  );
}
