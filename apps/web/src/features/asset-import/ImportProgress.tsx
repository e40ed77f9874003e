import { Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssetImportView } from '../../api';
import { formatNumber } from '../../lib/format';

/** While the import is written in the background; the page polls the server. */
export function ImportProgress({ view }: { view: AssetImportView }) {
  const { t } = useTranslation('assetImport');
  const { done, total } = view.progress;
  const share = total > 0 ? Math.round((done / total) * 100) : 0;
  const text = t('progress.text', { done: formatNumber(done), total: formatNumber(total), percent: share });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="progress-heading" data-testid="import-progress">
      <Stack gap="sm">
        <Title order={2} size="h3" id="progress-heading">
          {t('progress.title')}
        </Title>
        <Text>{t('progress.intro')}</Text>
        <Progress.Root size="xl">
          <Progress.Section value={share} color="tillit" aria-label={t('progress.label')} aria-valuetext={text} animated />
        </Progress.Root>
        <Text role="status" aria-live="polite">
          {text}
        </Text>
      </Stack>
    </Paper>
  );
}
