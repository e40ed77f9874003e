import { Alert, Stack, Text } from '@mantine/core';
import { IconMailCheck, IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyField } from './CopyField';

/** A one-time link (invitation or reset) as the server returned it, and whether it was mailed. */
export function LinkResult({ link, mailed, email, lead }: { link: string | null; mailed: boolean; email: string; lead: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="link-result">
      <Text>{lead}</Text>
      <Alert
        color={mailed ? 'green' : 'orange'}
        variant="light"
        icon={mailed ? <IconMailCheck aria-hidden /> : <IconMailOff aria-hidden />}
        data-testid={mailed ? 'link-mailed' : 'link-not-mailed'}
      >
        {mailed ? t('link.mailed', { email }) : t('link.notMailed', { email })}
      </Alert>
      {/* A mailed link is never shown: only its addressee may follow it. */}
      {link && <CopyField label={t('link.label')} description={t('link.validity')} value={link} testId="one-time-link" />}
    </Stack>
  );
}
