import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError, type ImportInformationTypesResult, type InformationTypeLibraryFile } from '../../api';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { useImportInformationTypes } from './api';

interface Issue {
  path: (string | number)[];
  message: string;
}

export function ImportTypesModal({ opened, formKey, onClose }: { opened: boolean; formKey: number; onClose: () => void }) {
  const { t } = useTranslation('informationTypes');
  return (
    <AppModal opened={opened} onClose={onClose} title={t('import.title')} size="lg">
      <ImportTypes key={formKey} onClose={onClose} />
    </AppModal>
  );
}

/** Upload a shared library file → the server checks it (dry run) → apply, all or nothing. */
function ImportTypes({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['informationTypes', 'common']);
  const importTypes = useImportInformationTypes();
  const [file, setFile] = useState<File | null>(null);
  const [library, setLibrary] = useState<InformationTypeLibraryFile | null>(null);
  const [report, setReport] = useState<ImportInformationTypesResult | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportInformationTypesResult | null>(null);

  async function choose(next: File | null) {
    setFile(next);
    setLibrary(null);
    setReport(null);
    setIssues([]);
    setError(null);
    if (!next) return;
    let parsed: InformationTypeLibraryFile;
    try {
      parsed = JSON.parse(await next.text()) as InformationTypeLibraryFile;
    } catch {
      setError(t('informationTypes:import.notJson'));
      return;
    }
    setLibrary(parsed);
    importTypes.mutate(
      { file: parsed, dryRun: true },
      {
        onSuccess: setReport,
        onError: (e) => {
          setError(e instanceof Error ? e.message : String(e));
          if (isApiError(e)) setIssues(((e.details as { issues?: Issue[] })?.issues ?? []).slice(0, 50));
        },
      },
    );
  }

  if (done) {
    return (
      <Stack gap="md" data-testid="import-types-done">
        <Alert color="green" variant="light" title={t('informationTypes:import.doneTitle')}>
          {t('informationTypes:import.summary', {
            created: done.created.length,
            updated: done.updated.length,
            unchanged: done.unchanged.length,
          })}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common:actions.done')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('informationTypes:import.intro')}</Text>
      <FileInput
        label={t('informationTypes:import.file')}
        description={t('informationTypes:import.fileHint')}
        accept="application/json,.json"
        value={file}
        onChange={(f) => void choose(f)}
        leftSection={<IconFileUpload size={16} aria-hidden />}
        clearable
        clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('informationTypes:import.file') }) }}
        data-testid="import-types-file"
      />
      {importTypes.isPending && <Text role="status">{t('informationTypes:import.checking')}</Text>}
      <FormAlert message={error} title={t('informationTypes:import.invalidTitle')} />
      {issues.length > 0 && (
        <List size="sm" spacing={2} data-testid="import-types-issues">
          {issues.map((issue, i) => (
            <List.Item key={i}>
              {t('informationTypes:import.issue', { path: issue.path.slice(1).join('.'), message: issue.message })}
            </List.Item>
          ))}
        </List>
      )}
      {report && (
        <Alert color="tillit" variant="light" title={t('informationTypes:import.checkedTitle')} data-testid="import-types-report">
          <Text size="sm">
            {t('informationTypes:import.summary', {
              created: report.created.length,
              updated: report.updated.length,
              unchanged: report.unchanged.length,
            })}
          </Text>
          {report.created.length > 0 && (
            <Text size="sm">{t('informationTypes:import.createdList', { keys: report.created.join(', ') })}</Text>
          )}
          {report.updated.length > 0 && (
            <Text size="sm">{t('informationTypes:import.updatedList', { keys: report.updated.join(', ') })}</Text>
          )}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common:actions.cancel')}
        </Button>
        <Button
          disabled={!report || !library || report.created.length + report.updated.length === 0}
          loading={importTypes.isPending && Boolean(report)}
          onClick={() =>
            library &&
            importTypes.mutate(
              { file: library, dryRun: false },
              { onSuccess: setDone, onError: (e) => setError(e instanceof Error ? e.message : String(e)) },
            )
          }
          data-testid="import-types-apply"
        >
          {t('informationTypes:import.apply')}
        </Button>
      </Group>
    </Stack>
  );
}
