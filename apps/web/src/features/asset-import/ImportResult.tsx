import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssetImportView } from '../../api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ImportReportView } from './ImportReportView';
import { UndoImport } from './UndoImport';

export function ImportResult({ view, onRestart }: { view: AssetImportView; onRestart: () => void }) {
  const { t } = useTranslation('assetImport');
  if (view.status === 'failed') {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('result.failedTitle')}
        data-testid="import-failed"
      >
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{view.error?.message ?? t('result.failedText')}</Text>
          <Text size="sm">{t('result.nothingSaved')}</Text>
          <Button variant="default" size="xs" onClick={onRestart}>
            {t('restart')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  const report = view.report;
  if (view.status === 'undone') {
    return (
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="result-heading" data-testid="import-undone">
        <Stack gap="md" align="flex-start">
          <Title order={2} size="h3" id="result-heading">
            {t('undo.doneTitle')}
          </Title>
          <Text>{t('undo.doneText', { date: formatDateTime(view.undoneAt) })}</Text>
          <Anchor component="button" onClick={onRestart}>
            {t('result.another')}
          </Anchor>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="result-heading" data-testid="import-applied">
      <Stack gap="md">
        <Group gap="xs">
          <IconCheck size={22} color="var(--mantine-color-green-7)" aria-hidden />
          <Title order={2} size="h3" id="result-heading">
            {t('result.title')}
          </Title>
        </Group>
        <Text>
          {report
            ? t('result.text', {
                created: formatNumber(report.toCreate),
                updated: formatNumber(report.toUpdate),
                links: formatNumber(report.links),
                date: formatDateTime(view.finishedAt),
              })
            : t('result.textShort', { date: formatDateTime(view.finishedAt) })}
        </Text>
        {report && <ImportReportView report={report} />}
        <UndoImport view={view} />
        <Group gap="lg">
          <Anchor component={Link} to="/assets?sort=-updatedAt" data-testid="import-open-inventory">
            {t('result.openInventory')}
          </Anchor>
          <Anchor component={Link} to="/assets?kind=system&reviewState=missing&sort=-updatedAt">
            {t('result.openUnclassified')}
          </Anchor>
          <Anchor component="button" onClick={onRestart}>
            {t('result.another')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
