import { useState, type FormEvent } from 'react';
import { Alert, Button, List, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stockholmToday, verificationResults, type VerificationResult } from '@tillit/core/modules/measures/rules';
import type { MeasureDetailView } from '@tillit/core/modules/measures/schemas';
import { DateField } from '../../components/DateField';
import { FormAlert } from '../../components/FormAlert';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { useFormState } from '../../lib/useFormState';
import { useVerifyMeasure } from './api';
import { useMeasureLabels } from './labels';

type Values = { method: string; verifiedOn: string | null; result: VerificationResult | null; comment: string };

/** Verification of effect: the form for someone other than the owner, and the history. */
export function VerificationPanel({ measure }: { measure: MeasureDetailView }) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  const session = useSession();
  const verify = useVerifyMeasure();
  const form = useFormState<Values>({ method: '', verifiedOn: stockholmToday(), result: null, comment: '' });
  const [done, setDone] = useState<string | null>(null);
  const v = form.values;
  const isOwner = measure.owner?.id === session.user.id;

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Partial<Record<keyof Values, string>> = {};
    if (!v.method.trim()) errors.method = t('form.required', { field: t('detail.method') });
    if (!v.verifiedOn) errors.verifiedOn = t('form.required', { field: t('detail.verifiedOn') });
    if (!v.result) errors.result = t('form.required', { field: t('detail.result') });
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    verify.mutate(
      {
        id: measure.id,
        body: { method: v.method.trim(), verifiedOn: v.verifiedOn!, result: v.result!, comment: v.comment.trim() || null },
      },
      {
        onSuccess: () => {
          setDone(labels.result(v.result!));
          form.reset();
        },
        onError: (err) => form.showError(err),
      },
    );
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('detail.verification')}
        </Title>
        <Text size="sm">{t('detail.verificationIntro')}</Text>
        {done && (
          <Alert color="green" role="status">
            {t('detail.lastResult', { result: done })}
          </Alert>
        )}
        {measure.canVerify ? (
          <form onSubmit={submit} noValidate data-testid="verification-form">
            <Stack gap="sm">
              <FormAlert message={form.formError} />
              <Textarea
                label={t('detail.method')}
                description={t('detail.methodHint')}
                value={v.method}
                onChange={(e) => form.setValue('method', e.currentTarget.value)}
                error={form.errors.method}
                required
                autosize
                minRows={2}
                data-testid="verification-method"
              />
              <DateField
                label={t('detail.verifiedOn')}
                value={v.verifiedOn}
                onChange={(d) => form.setValue('verifiedOn', d)}
                maxDate={stockholmToday()}
                error={form.errors.verifiedOn}
                required
                testId="verification-date"
              />
              <Select
                label={t('detail.result')}
                data={verificationResults.map((r) => ({ value: r, label: labels.result(r) }))}
                value={v.result}
                onChange={(r) => form.setValue('result', r as VerificationResult | null)}
                error={form.errors.result}
                required
                comboboxProps={{ withinPortal: true }}
                data-testid="verification-result"
              />
              <Textarea
                label={t('detail.comment')}
                value={v.comment}
                onChange={(e) => form.setValue('comment', e.currentTarget.value)}
                autosize
                minRows={1}
              />
              <Button type="submit" loading={verify.isPending} style={{ alignSelf: 'flex-start' }} data-testid="verification-submit">
                {t('detail.verify')}
              </Button>
            </Stack>
          </form>
        ) : (
          <Text size="sm" c="dimmed">
            {isOwner && measure.status === 'done'
              ? t('detail.notVerifiableOwner')
              : measure.status !== 'done'
                ? t('detail.notVerifiableStatus')
                : null}
          </Text>
        )}
        <Title order={3} size="h4">
          {t('detail.history')}
        </Title>
        {measure.verifications.length === 0 ? (
          <Text size="sm">{t('detail.noHistory')}</Text>
        ) : (
          <List spacing="xs" data-testid="verification-history">
            {measure.verifications.map((x) => (
              <List.Item key={x.id}>
                <Text size="sm" fw={600}>
                  {x.resultLabel}
                </Text>
                <Text size="sm">{x.method}</Text>
                {x.comment && <Text size="sm">{x.comment}</Text>}
                <Text size="xs" c="dimmed">
                  {t('detail.verifiedBy', { name: x.verifiedBy.name, date: formatDate(x.verifiedOn) })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
