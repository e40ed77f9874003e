import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconDownload, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { annexAControls } from '@tillit/core';
import { soaReason, type SoaEntryView, type SoaReason } from '@tillit/core/modules/soa/schemas';
import { downloadFile, isApiError } from '../../api';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { useDialog } from '../../lib/useDialog';
import { TableScroll } from '../assets/TableScroll';
import { soaApi, useSoaVersion, useUpdateSoaEntry } from './api';
import { countsText } from './SoaListPage';

type Lang = 'sv' | 'en';
const text = (l: { sv: string; en?: string }, lang: Lang) => (lang === 'en' ? (l.en ?? l.sv) : l.sv);

/** One year's statement: the 93 controls by theme, each assessed in a dialog; export to Excel and Word. */
export function SoaVersionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['soa', 'common']);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'sv';
  const canWrite = useAccess().can('soa.write');
  const soa = useSoaVersion(id);
  const dialog = useDialog<SoaEntryView>('soa-heading');
  const [downloadError, setDownloadError] = useState<string | null>(null);

  async function download(format: 'xlsx' | 'docx') {
    if (!soa.data) return;
    setDownloadError(null);
    try {
      await downloadFile(soaApi.exportPath(soa.data.id, format), `uttalande-om-tillampning-${soa.data.year}.${format}`);
    } catch (e) {
      setDownloadError(e instanceof Error ? e.message : String(e));
    }
  }

  if (soa.isPending) return <LoadingState />;
  if (soa.error) return <ErrorState error={soa.error} onRetry={() => void soa.refetch()} />;
  const v = soa.data;
  const yesNo = (e: SoaEntryView) => (e.applicable === null ? t('soa:undecided') : e.applicable ? t('soa:yes') : t('soa:no'));
  return (
    <>
      <PageHeader
        title={`${t('soa:title')} ${v.year}`}
        description={countsText(t, v)}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
              onClick={() => void download('xlsx')}
              data-testid="soa-export-xlsx"
            >
              {t('soa:exportXlsx')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
              onClick={() => void download('docx')}
              data-testid="soa-export-docx"
            >
              {t('soa:exportDocx')}
            </Button>
          </>
        }
      />
      <FormAlert message={downloadError} />
      <Stack>
        {annexAControls.themes.map((theme) => (
          <Paper key={theme.code} withBorder p="md" radius="md" component="section" aria-labelledby={`soa-theme-${theme.code}`}>
            <Title order={2} size="h4" id={`soa-theme-${theme.code}`} mb="sm">
              {t(`soa:themes.${theme.code as 'people'}`)}
            </Title>
            <TableScroll minWidth={760}>
              <Table data-testid={`soa-table-${theme.code}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('soa:control')}</Table.Th>
                    <Table.Th>{t('soa:name')}</Table.Th>
                    <Table.Th>{t('soa:applicable')}</Table.Th>
                    <Table.Th>{t('soa:implementation')}</Table.Th>
                    <Table.Th>{t('soa:gapSeverity')}</Table.Th>
                    <Table.Th>{t('soa:measures')}</Table.Th>
                    <Table.Th>{t('soa:plans')}</Table.Th>
                    {canWrite && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {v.entries
                    .filter((e) => e.theme === theme.code)
                    .map((e) => (
                      <Table.Tr key={e.control}>
                        <Table.Td>{e.control}</Table.Td>
                        <Table.Td>{text(e.title, lang)}</Table.Td>
                        <Table.Td>{yesNo(e)}</Table.Td>
                        <Table.Td>
                          {e.implementation ? (
                            <Badge
                              variant="light"
                              color={e.implementation === 'yes' ? 'green' : e.implementation === 'partly' ? 'yellow' : 'red'}
                            >
                              {t(`soa:impl.${e.implementation}`)}
                            </Badge>
                          ) : (
                            ''
                          )}
                        </Table.Td>
                        <Table.Td>{e.gapSeverity ? t(`soa:gap.${e.gapSeverity}`) : ''}</Table.Td>
                        <Table.Td>{e.measures.length || ''}</Table.Td>
                        <Table.Td>{e.planCount === null ? t('soa:plansUnknown') : e.planCount}</Table.Td>
                        {canWrite && (
                          <Table.Td>
                            <Button
                              size="xs"
                              variant="subtle"
                              leftSection={<IconPencil size={14} aria-hidden />}
                              onClick={(ev) => dialog.open(e, ev.currentTarget)}
                              aria-label={t('soa:edit', { control: e.control })}
                              data-testid={`soa-edit-${e.control}`}
                            >
                              {t('soa:edit', { control: '' }).trim()}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Paper>
        ))}
      </Stack>
      <AppModal
        opened={dialog.opened}
        onClose={dialog.close}
        title={dialog.value ? t('soa:editTitle', { control: dialog.value.control, title: text(dialog.value.title, lang) }) : ''}
      >
        {dialog.value && <EntryForm key={dialog.key} soaId={v.id} entry={dialog.value} onDone={dialog.close} />}
      </AppModal>
    </>
  );
}

function EntryForm({ soaId, entry, onDone }: { soaId: string; entry: SoaEntryView; onDone: () => void }) {
  const { t } = useTranslation(['soa', 'common']);
  const update = useUpdateSoaEntry();
  const [applicable, setApplicable] = useState<string>(entry.applicable === null ? '' : entry.applicable ? 'yes' : 'no');
  const [reasons, setReasons] = useState<SoaReason[]>(entry.reasons);
  const [reasonText, setReasonText] = useState(entry.reasonText ?? '');
  const [implementation, setImplementation] = useState<string>(entry.implementation ?? '');
  const [gap, setGap] = useState<string>(entry.gapSeverity ?? '');
  const [currentState, setCurrentState] = useState(entry.currentState ?? '');
  const [improvement, setImprovement] = useState(entry.plannedImprovement ?? '');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});

  function submit(e: FormEvent) {
    e.preventDefault();
    const body = {
      applicable: applicable === '' ? null : applicable === 'yes',
      reasons,
      reasonText: reasonText.trim() || null,
      implementation: (implementation || null) as SoaEntryView['implementation'],
      gapSeverity: (gap || null) as SoaEntryView['gapSeverity'],
      currentState: currentState.trim() || null,
      plannedImprovement: improvement.trim() || null,
    };
    update.mutate(
      { id: soaId, control: entry.control, body, version: entry.rowVersion },
      {
        onSuccess: onDone,
        onError: (err) => {
          if (isApiError(err)) {
            setFieldErrors(err.fieldErrors);
            setError(err.message);
          } else setError(String(err));
        },
      },
    );
  }
  const options = (prefix: 'impl' | 'gap', codes: readonly string[]) => [
    { value: '', label: t('soa:notSet') },
    ...codes.map((c) => ({ value: c, label: t(`soa:${prefix}.${c}` as 'soa:impl.yes') })),
  ];
  return (
    <form onSubmit={submit} noValidate data-testid="soa-entry-form">
      <Stack>
        <FormAlert message={error} />
        {entry.requirementIds.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('soa:requirements')}: {entry.requirementIds.join(', ')}
          </Text>
        )}
        <Select
          label={t('soa:applicable')}
          data={[
            { value: '', label: t('soa:undecided') },
            { value: 'yes', label: t('soa:yes') },
            { value: 'no', label: t('soa:no') },
          ]}
          value={applicable}
          onChange={(v) => setApplicable(v ?? '')}
          allowDeselect={false}
          data-autofocus
          data-testid="soa-applicable"
        />
        <Checkbox.Group label={t('soa:reasons')} value={reasons} onChange={(v) => setReasons(v as SoaReason[])} error={fieldErrors.reasons}>
          <Group mt="xs" gap="md" wrap="wrap">
            {soaReason.options.map((r) => (
              <Checkbox key={r} value={r} label={t(`soa:reason.${r}`)} data-testid={`soa-reason-${r}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={t('soa:reasonText')}
          value={reasonText}
          onChange={(e) => setReasonText(e.currentTarget.value)}
          error={fieldErrors.reasonText}
          autosize
          minRows={2}
        />
        <Group grow wrap="wrap">
          <Select
            label={t('soa:implementation')}
            data={options('impl', ['yes', 'partly', 'no'])}
            value={implementation}
            onChange={(v) => setImplementation(v ?? '')}
            allowDeselect={false}
            data-testid="soa-implementation"
          />
          <Select
            label={t('soa:gapSeverity')}
            data={options('gap', ['none', 'low', 'medium', 'high'])}
            value={gap}
            onChange={(v) => setGap(v ?? '')}
            allowDeselect={false}
          />
        </Group>
        <Textarea
          label={t('soa:currentState')}
          value={currentState}
          onChange={(e) => setCurrentState(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('soa:plannedImprovement')}
          value={improvement}
          onChange={(e) => setImprovement(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {entry.measures.length > 0 && (
          <Text size="sm">
            {t('soa:measures')}: {entry.measures.map((m) => m.title).join('; ')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('soa:cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="soa-entry-save">
            {t('soa:save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
