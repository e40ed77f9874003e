import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChecklist, IconDatabaseImport, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  assetImportApi,
  assetKinds,
  importFields,
  isApiError,
  type AssetImportView,
  type AssetKind,
  type ImportField,
  type ImportMapping,
} from '../../api';
import { downloadFile } from '../../api/download';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { formatNumber } from '../../lib/format';
import { useUnits } from '../units/api';
import { useApplyImport, useCheckImport } from './api';
import { ImportReportView } from './ImportReportView';
import { UnknownPeople, type Invitee } from './UnknownPeople';
import { TableScroll } from '../assets/TableScroll';

type Mapping = Partial<Record<ImportField, string>>;

/**
 * Enter in a closed select opens it instead of reaching an enclosing form or button (issue 9
 * item 11): without this a keyboard user choosing a column could start the check by accident.
 */
function stopEnterWhenClosed(e: React.KeyboardEvent<HTMLInputElement>) {
  if (e.key === 'Enter' && e.currentTarget.getAttribute('aria-expanded') !== 'true') e.preventDefault();
}

function bodyOf(
  mapping: Mapping,
  defaultKind: AssetKind | null,
  defaultUnitId: string | null,
  sheet: string | null,
  invite: Invitee[] = [],
): ImportMapping {
  const clean = Object.fromEntries(importFields.filter((f) => mapping[f]).map((f) => [f, mapping[f]!])) as Mapping;
  return {
    ...(sheet ? { sheet } : {}),
    mapping: clean,
    ...(defaultKind ? { defaultKind } : {}),
    ...(defaultUnitId ? { defaultUnitId } : {}),
    ...(invite.length ? { invite } : {}),
  };
}

/** Map the file's columns to inventory fields (suggested from the headers), check, then apply. */
export function MappingStep({ view }: { view: AssetImportView }) {
  const { t } = useTranslation(['assetImport', 'common', 'assets']);
  const units = useUnits(false);
  const check = useCheckImport();
  const apply = useApplyImport();
  const [mapping, setMapping] = useState<Mapping>(() => ({ ...(view.mapping?.mapping ?? view.suggestedMapping) }));
  const [defaultKind, setDefaultKind] = useState<AssetKind | null>(view.mapping?.defaultKind ?? null);
  const [defaultUnitId, setDefaultUnitId] = useState<string | null>(view.mapping?.defaultUnitId ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** The apply being confirmed: all rows, or only the valid ones (the user's choice when some have problems). */
  const [confirm, setConfirm] = useState<null | 'all' | 'valid'>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const reportRef = useRef<HTMLElement>(null);
  const [appliedReport, setAppliedReport] = useState<AssetImportView['report']>(null);
  /** Unknown people the user confirmed: invited with the apply. */
  const [invite, setInvite] = useState<Invitee[]>(view.mapping?.invite ?? []);
  const body = useMemo(
    () => bodyOf(mapping, defaultKind, defaultUnitId, view.sheet, invite),
    [mapping, defaultKind, defaultUnitId, view.sheet, invite],
  );
  const checkedKey =
    view.status === 'checked' && view.mapping
      ? JSON.stringify(
          bodyOf(
            view.mapping.mapping,
            view.mapping.defaultKind ?? null,
            view.mapping.defaultUnitId ?? null,
            view.sheet,
            view.mapping.invite,
          ),
        )
      : null;
  const upToDate = checkedKey === JSON.stringify(body);
  const report = appliedReport ?? (upToDate ? view.report : null);
  // A new dry-run result gets focus and comes into view, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (!report || !reportRef.current) return;
    reportRef.current.focus({ preventScroll: true });
    reportRef.current.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [report]);
  const downloadProblems = () => {
    setDownloadError(null);
    downloadFile(assetImportApi.problemsPath(view.id), 'importproblem.xlsx').catch((e: unknown) =>
      setDownloadError(e instanceof Error ? e.message : String(e)),
    );
  };
  const used = new Set(Object.values(mapping).filter(Boolean));
  const unused = view.headers.filter((h) => !used.has(h));

  const showError = (e: unknown) => {
    if (!isApiError(e)) return;
    const next: Record<string, string> = {};
    for (const [path, message] of Object.entries(e.fieldErrors)) next[path.replace(/^mapping\./, '')] = message;
    setErrors(next);
    const r = (e.details as { report?: AssetImportView['report'] } | undefined)?.report;
    if (r) setAppliedReport(r);
  };
  const runCheck = () => {
    setErrors({});
    setAppliedReport(null);
    check.mutate({ id: view.id, mapping: body }, { onError: showError });
  };
  const setField = (field: ImportField, header: string | null) => {
    setMapping((m) => ({ ...m, [field]: header || undefined }));
    setErrors((e) => ({ ...e, [field]: '' }));
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="mapping-heading">
        <Title order={2} size="h3" id="mapping-heading" mb="xs">
          {t('assetImport:mapping.title')}
        </Title>
        <Text mb="xs" data-testid="import-file-info">
          {t('assetImport:mapping.file', {
            file: view.fileName,
            rows: formatNumber(view.rowCount),
            sheet: view.sheet ?? view.sheets[0] ?? '',
          })}
        </Text>
        {view.sheets.length > 1 && (
          <Text size="sm" c="dimmed" mb="xs">
            {t('assetImport:mapping.sheets', { count: view.sheets.length, sheet: view.sheet ?? view.sheets[0] })}
          </Text>
        )}
        <Text size="sm" mb="md">
          {t('assetImport:mapping.intro')}
        </Text>
        <TableScroll minWidth={640}>
          <Table data-testid="import-mapping">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('assetImport:mapping.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assetImport:mapping.field')}</Table.Th>
                <Table.Th scope="col">{t('assetImport:mapping.column')}</Table.Th>
                <Table.Th scope="col">{t('assetImport:mapping.help')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {importFields.map((field) => (
                <Table.Tr key={field}>
                  <Table.Th scope="row" fw={600}>
                    {t(`assetImport:fields.${field}`)}
                    {field === 'name' && ` ${t('assetImport:mapping.required')}`}
                  </Table.Th>
                  <Table.Td>
                    <Select
                      aria-label={t('assetImport:mapping.columnFor', { field: t(`assetImport:fields.${field}`) })}
                      data={[{ value: '', label: t('assetImport:mapping.notUsed') }, ...view.headers.map((h) => ({ value: h, label: h }))]}
                      value={mapping[field] ?? ''}
                      onChange={(v) => setField(field, v)}
                      error={errors[field] || undefined}
                      allowDeselect={false}
                      searchable
                      onKeyDown={stopEnterWhenClosed}
                      comboboxProps={{ withinPortal: true }}
                      w={260}
                      data-testid={`map-${field}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`assetImport:fieldHelp.${field}`)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {unused.length > 0 && (
          <Text size="sm" mt="sm" data-testid="unused-columns">
            {t('assetImport:mapping.unused', { columns: unused.join(', ') })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="md">
          <Select
            label={t('assetImport:mapping.defaultKind')}
            description={mapping.kind ? t('assetImport:mapping.defaultKindMapped') : t('assetImport:mapping.defaultKindHint')}
            data={assetKinds.map((k) => ({ value: k, label: t(`assets:kinds.${k}`) }))}
            value={defaultKind}
            onChange={(v) => setDefaultKind(v as AssetKind | null)}
            error={!mapping.kind ? errors.kind || undefined : undefined}
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assetImport:mapping.defaultKind') }) }}
            data-testid="import-default-kind"
          />
          <UnitSelect
            label={t('assetImport:mapping.defaultUnit')}
            description={t('assetImport:mapping.defaultUnitHint')}
            units={units.data ?? []}
            value={defaultUnitId}
            onChange={setDefaultUnitId}
            error={!mapping.unit ? errors.unit || errors.defaultUnitId || undefined : undefined}
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assetImport:mapping.defaultUnit') }) }}
            data-testid="import-default-unit"
          />
        </SimpleGrid>
        <FormAlert message={check.error instanceof Error ? check.error.message : null} />
        <Group mt="md">
          <Button
            leftSection={<IconChecklist size={16} aria-hidden />}
            onClick={runCheck}
            loading={check.isPending}
            data-testid="import-check"
          >
            {t('assetImport:mapping.check')}
          </Button>
          {view.status === 'checked' && !upToDate && <Text size="sm">{t('assetImport:mapping.changedSinceCheck')}</Text>}
        </Group>
      </Paper>

      {report && (
        <Paper
          withBorder
          p="lg"
          radius="md"
          component="section"
          aria-labelledby="report-heading"
          data-testid="import-report"
          ref={reportRef}
          tabIndex={-1}
        >
          <Title order={2} size="h3" id="report-heading" mb="sm">
            {t('assetImport:report.title')}
          </Title>
          <ImportReportView report={report} />
          {invite.length > 0 && (
            <Text size="sm" mt="sm" data-testid="import-invitees">
              {t('assetImport:people.confirmed', { count: invite.length, names: invite.map((p) => `${p.name} <${p.email}>`).join(', ') })}
            </Text>
          )}
          {(report.unknownPeople ?? []).length > 0 && (
            <UnknownPeople
              key={JSON.stringify(report.unknownPeople)}
              people={report.unknownPeople!}
              defaultUnitId={defaultUnitId}
              loading={check.isPending}
              onConfirm={(more) => {
                const next = [...invite.filter((p) => !more.some((m) => m.value === p.value)), ...more];
                setInvite(next);
                setErrors({});
                setAppliedReport(null);
                check.mutate(
                  { id: view.id, mapping: bodyOf(mapping, defaultKind, defaultUnitId, view.sheet, next) },
                  { onError: showError },
                );
              }}
            />
          )}
          {report.problemCount === 0 ? (
            <Group mt="md">
              {report.validRows === 0 && report.rows > 0 && <Text data-testid="import-nothing">{t('assetImport:report.nothingToDo')}</Text>}
              <Button
                color="green"
                leftSection={<IconDatabaseImport size={16} aria-hidden />}
                onClick={() => setConfirm('all')}
                disabled={!upToDate}
                data-testid="import-apply"
              >
                {t('assetImport:report.apply')}
              </Button>
            </Group>
          ) : (
            <>
              <Alert color="red" variant="light" mt="md" title={t('assetImport:report.blockedTitle')}>
                {t('assetImport:report.blocked')}
              </Alert>
              <Group mt="md">
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  onClick={downloadProblems}
                  data-testid="import-download-problems"
                >
                  {t('assetImport:report.downloadProblems')}
                </Button>
                {report.validRows > 0 && (
                  <Button
                    color="green"
                    leftSection={<IconDatabaseImport size={16} aria-hidden />}
                    onClick={() => setConfirm('valid')}
                    disabled={!upToDate}
                    data-testid="import-apply-valid"
                  >
                    {t('assetImport:report.applyValid', { count: report.validRows })}
                  </Button>
                )}
              </Group>
              <FormAlert message={downloadError} />
            </>
          )}
          <FormAlert message={apply.error instanceof Error ? apply.error.message : null} />
        </Paper>
      )}
      <ConfirmDialog
        opened={confirm !== null}
        title={t('assetImport:report.confirmTitle')}
        message={
          !report
            ? ''
            : confirm === 'valid'
              ? t('assetImport:report.confirmValidText', {
                  create: report.toCreate,
                  update: report.toUpdate,
                  left: report.rows - report.validRows - report.unchanged,
                })
              : t('assetImport:report.confirmText', { create: report.toCreate, update: report.toUpdate })
        }
        confirmLabel={
          confirm === 'valid' && report ? t('assetImport:report.applyValid', { count: report.validRows }) : t('assetImport:report.apply')
        }
        loading={apply.isPending}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          apply.mutate(
            { id: view.id, mapping: body, onlyValid: confirm === 'valid' },
            {
              onSuccess: () => setConfirm(null),
              onError: (e) => {
                setConfirm(null);
                showError(e);
              },
            },
          )
        }
      />
    </Stack>
  );
}
