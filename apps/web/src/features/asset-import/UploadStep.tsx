import { useState, type FormEvent } from 'react';
import { Button, FileInput, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { assetImportApi, downloadFile, type AssetImportView } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { useUploadImport } from './api';

const MAX_BYTES = 20 * 1024 * 1024;

export function UploadStep({ onUploaded }: { onUploaded: (view: AssetImportView) => void }) {
  const { t } = useTranslation(['assetImport', 'common']);
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [templateError, setTemplateError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError(t('assetImport:upload.chooseFile'));
    if (!/\.(xlsx|csv)$/i.test(file.name)) return setError(t('assetImport:upload.wrongType'));
    if (file.size > MAX_BYTES) return setError(t('assetImport:upload.tooLarge'));
    upload.mutate(file, { onSuccess: onUploaded });
  }

  async function template() {
    setTemplateError(null);
    try {
      await downloadFile(assetImportApi.templatePath(), 'tillit-importmall.xlsx');
    } catch (e) {
      setTemplateError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="upload-heading">
      <Title order={2} size="h3" id="upload-heading" mb="sm">
        {t('assetImport:upload.title')}
      </Title>
      <Stack gap="md">
        <Text>{t('assetImport:upload.intro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('assetImport:upload.tipHeaders')}</List.Item>
          <List.Item>{t('assetImport:upload.tipPeople')}</List.Item>
          <List.Item>{t('assetImport:upload.tipExternalId')}</List.Item>
          <List.Item>{t('assetImport:upload.tipAllOrNothing')}</List.Item>
        </List>
        <div>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => void template()}
            data-testid="import-template"
          >
            {t('assetImport:upload.template')}
          </Button>
          <FormAlert message={templateError} />
        </div>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormAlert message={upload.error instanceof Error ? upload.error.message : null} />
            <FileInput
              label={t('assetImport:upload.file')}
              description={t('assetImport:upload.fileHint')}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                setError(undefined);
              }}
              error={error}
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              clearable
              clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assetImport:upload.file') }) }}
              required
              w={{ base: '100%', sm: 420 }}
              data-testid="import-file"
            />
            <Group>
              <Button
                type="submit"
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={upload.isPending}
                data-testid="import-upload"
              >
                {t('assetImport:upload.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
