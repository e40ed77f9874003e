import { useState, type FormEvent } from 'react';
import { Anchor, Button, Grid, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeasureStatus } from '@tillit/core/modules/measures/rules';
import type { MeasureDetailView } from '@tillit/core/modules/measures/schemas';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { formatDate, formatNumber } from '../../lib/format';
import { useFormState } from '../../lib/useFormState';
import { useMeasure, useSetMeasureStatus } from './api';
import { MeasureBadges } from './MeasureBadges';
import { VerificationPanel } from './VerificationPanel';
import { useMeasureLabels } from './labels';

export function MeasureDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('measures');
  const measure = useMeasure(id);
  if (measure.isPending) return <LoadingState />;
  if (measure.error) return <ErrorState error={measure.error} onRetry={() => void measure.refetch()} />;
  const m = measure.data;
  return (
    <>
      <Anchor component={Link} to="/measures" size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }} mb="sm">
        <IconArrowLeft size={14} aria-hidden />
        {t('detail.back')}
      </Anchor>
      <PageHeader title={m.title} description={m.description ?? undefined} actions={<MeasureBadges m={m} />} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Facts m={m} />
            <Answers m={m} />
            {m.allowedStatuses.length > 0 && <StatusForm m={m} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <VerificationPanel measure={m} />
        </Grid.Col>
      </Grid>
    </>
  );
}

function Facts({ m }: { m: MeasureDetailView }) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  const rows: [string, string][] = [
    [t('fields.unit'), m.unitName],
    [t('fields.owner'), m.owner?.name ?? t('table.noOwner')],
    [t('fields.startDate'), formatDate(m.startDate) || '–'],
    [t('fields.dueDate'), formatDate(m.dueDate)],
    [t('fields.priority'), labels.priority(m.priority)],
    [t('fields.estimatedHours'), m.estimatedHours === null ? '–' : formatNumber(m.estimatedHours)],
    [t('fields.estimatedCost'), m.estimatedCost === null ? '–' : formatNumber(m.estimatedCost)],
    [t('fields.status'), labels.status(m.status)],
    ...(m.cancelReason ? ([[t('fields.cancelReason'), m.cancelReason]] as [string, string][]) : []),
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('detail.facts')}
      </Title>
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', gap: '4px 16px' }}>
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" fw={600}>
              {k}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
              {v}
            </Text>
          </div>
        ))}
      </dl>
    </Paper>
  );
}

function Answers({ m }: { m: MeasureDetailView }) {
  const { t } = useTranslation('measures');
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('detail.answers')}
      </Title>
      {m.links.length === 0 ? (
        <Text size="sm">{t('detail.noLinks')}</Text>
      ) : (
        <Stack gap={4} data-testid="measure-links">
          {m.links.map((l) => (
            <Text key={l.id} size="sm">
              {l.typeLabel}:{' '}
              {l.href ? (
                <Anchor component={Link} to={l.href}>
                  {l.label}
                </Anchor>
              ) : (
                l.label
              )}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function StatusForm({ m }: { m: MeasureDetailView }) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  const change = useSetMeasureStatus();
  const form = useFormState<{ status: MeasureStatus | null; reason: string }>({ status: null, reason: '' });
  const [key, setKey] = useState(0);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.values.status) return form.setErrors({ status: t('form.required', { field: t('detail.moveTo') }) });
    if (form.values.status === 'cancelled' && !form.values.reason.trim())
      return form.setErrors({ reason: t('form.required', { field: t('detail.reason') }) });
    change.mutate(
      { id: m.id, body: { status: form.values.status, reason: form.values.reason.trim() || null } },
      {
        onSuccess: () => {
          form.reset();
          setKey((k) => k + 1);
        },
        onError: (err) => form.showError(err),
      },
    );
  }
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate data-testid="status-form" key={key}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('detail.status')}
          </Title>
          <FormAlert message={form.formError} />
          <Select
            label={t('detail.moveTo')}
            data={m.allowedStatuses.map((s) => ({ value: s, label: labels.status(s) }))}
            value={form.values.status}
            onChange={(s) => form.setValue('status', s as MeasureStatus | null)}
            error={form.errors.status}
            comboboxProps={{ withinPortal: true }}
            data-testid="status-select"
          />
          {form.values.status === 'cancelled' && (
            <Textarea
              label={t('detail.reason')}
              description={t('detail.reasonHint')}
              value={form.values.reason}
              onChange={(e) => form.setValue('reason', e.currentTarget.value)}
              error={form.errors.reason}
              required
              autosize
              minRows={2}
            />
          )}
          <Group>
            <Button type="submit" loading={change.isPending} data-testid="status-submit">
              {t('detail.apply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
