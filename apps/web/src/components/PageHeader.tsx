import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The page's one h1, its description and its main actions; also sets the browser tab's title. */
export function PageHeader({ title, description, actions }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(t('pageTitle', { page: title }));
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="md" wrap="wrap">
      {/* minWidth 0: a flex item would otherwise keep the width of its longest word. */}
      <Stack gap={6} maw={760} miw={0}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="md">
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="sm" wrap="wrap" className="page-header-actions">
          {actions}
        </Group>
      )}
    </Group>
  );
}
