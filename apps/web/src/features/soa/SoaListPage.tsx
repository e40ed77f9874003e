import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SoaVersionSummary } from '@tillit/core/modules/soa/schemas';
import { isApiError } from '../../api';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { useDialog } from '../../lib/useDialog';
import { TableScroll } from '../assets/TableScroll';
import { useCreateSoa, useSoaVersions } from './api';

export function countsText(t: (k: 'soa:counts', o: Record<string, number>) => string, v: SoaVersionSummary) {
  const c = v.counts;
  return t('soa:counts', {
    decided: c.decided,
    controls: c.controls,
    applicable: c.applicable,
    implemented: c.implemented,
    partly: c.partly,
    no: c.notImplemented,
  });
}

/** The organisation's statements of applicability, one per year; start a new year and compare two. */
export function SoaListPage() {
  const { t } = useTranslation(['soa', 'common']);
  const access = useAccess();
  const canWrite = access.can('soa.write');
  const versions = useSoaVersions();
  const dialog = useDialog<true>();
  const navigate = useNavigate();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const list = versions.data ?? [];
  const yearOptions = list.map((v) => ({ value: v.id, label: String(v.year) }));

  return (
    <>
      <PageHeader
        title={t('soa:title')}
        description={t('soa:intro')}
        actions={
          canWrite && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={(e) => dialog.open(true, e.currentTarget)}
              data-testid="soa-create"
            >
              {t('soa:create')}
            </Button>
          )
        }
      />
      <Stack>
        <Paper withBorder p="md" radius="md">
          {versions.isPending ? (
            <LoadingState />
          ) : versions.error ? (
            <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
          ) : list.length === 0 ? (
            <EmptyState title={t('soa:empty')} />
          ) : (
            <TableScroll minWidth={420}>
              <Table data-testid="soa-years">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('soa:year')}</Table.Th>
                    <Table.Th>{t('soa:implementation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/soa/${v.id}`}>
                          {v.year}
                        </Anchor>
                        {v.copiedFromYear !== null && (
                          <Text span size="sm" c="dimmed">
                            {' '}
                            ({t('soa:copiedFrom', { year: v.copiedFromYear })})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{countsText(t, v)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Paper>
        {list.length >= 2 && (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="soa-compare-heading">
            <Title order={2} size="h4" id="soa-compare-heading" mb="sm">
              {t('soa:compare')}
            </Title>
            <Group align="end" wrap="wrap">
              <Select
                label={t('soa:compareFrom')}
                data={yearOptions}
                value={from ?? list[1]!.id}
                onChange={setFrom}
                allowDeselect={false}
                w={160}
              />
              <Select
                label={t('soa:compareTo')}
                data={yearOptions}
                value={to ?? list[0]!.id}
                onChange={setTo}
                allowDeselect={false}
                w={160}
              />
              <Button
                variant="default"
                onClick={() => navigate(`/soa/compare?from=${from ?? list[1]!.id}&to=${to ?? list[0]!.id}`)}
                data-testid="soa-compare"
              >
                {t('soa:compareShow')}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
      <AppModal opened={dialog.opened} onClose={dialog.close} title={t('soa:createTitle')} size="md">
        <CreateForm key={dialog.key} versions={list} onDone={(id) => (dialog.close(), navigate(`/soa/${id}`))} onCancel={dialog.close} />
      </AppModal>
    </>
  );
}

function CreateForm({ versions, onDone, onCancel }: { versions: SoaVersionSummary[]; onDone: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation(['soa', 'common']);
  const create = useCreateSoa();
  const nextYear = versions.length ? Math.max(...versions.map((v) => v.year)) + 1 : new Date().getFullYear();
  const [year, setYear] = useState<number | string>(nextYear);
  const [copyFrom, setCopyFrom] = useState<string>(versions[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { year: Number(year), copyFromId: copyFrom || null, note: note.trim() || null },
      {
        onSuccess: (v) => onDone(v.id),
        onError: (err) => {
          if (isApiError(err)) {
            setFieldErrors(err.fieldErrors);
            setError(err.message);
          } else setError(String(err));
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate data-testid="soa-create-form">
      <Stack>
        <FormAlert message={error} />
        <NumberInput
          label={t('soa:year')}
          value={year}
          onChange={setYear}
          min={2000}
          max={2999}
          required
          error={fieldErrors.year}
          data-autofocus
          data-testid="soa-year"
        />
        <Select
          label={t('soa:copyFrom')}
          data={[
            { value: '', label: t('soa:copyNone') },
            ...versions.map((v) => ({ value: v.id, label: t('soa:copyYear', { year: v.year }) })),
          ]}
          value={copyFrom}
          onChange={(v) => setCopyFrom(v ?? '')}
          allowDeselect={false}
        />
        <Textarea label={t('soa:note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('soa:cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="soa-create-submit">
            {t('soa:save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
