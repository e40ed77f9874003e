import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/QueryStates';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useVerifyAudit } from './api';

export function VerifyChainButton({ verify }: { verify: ReturnType<typeof useVerifyAudit> }) {
  const { t } = useTranslation('audit');
  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconShieldCheck size={18} aria-hidden />}
        onClick={() => verify.mutate(false)}
        loading={verify.isPending && verify.variables === false}
        disabled={verify.isPending}
        data-testid="verify-chain"
      >
        {t('verify.button')}
      </Button>
      <Button
        variant="subtle"
        onClick={() => verify.mutate(true)}
        loading={verify.isPending && verify.variables === true}
        disabled={verify.isPending}
        data-testid="verify-chain-full"
      >
        {t('verify.fullButton')}
      </Button>
    </Group>
  );
}

/** The verification's outcome, announced when it arrives. */
export function VerifyChainResult({ verify }: { verify: ReturnType<typeof useVerifyAudit> }) {
  const { t } = useTranslation(['audit', 'common']);
  return (
    <div aria-live="polite">
      {verify.error ? (
        <ErrorState error={verify.error} title={t('audit:verify.failed')} />
      ) : verify.data ? (
        verify.data.ok ? (
          <Alert
            color="green"
            variant="light"
            icon={<IconShieldCheck aria-hidden />}
            title={t('audit:verify.okTitle')}
            data-testid="verify-result-ok"
          >
            {verify.data.fromCheckpoint
              ? t('audit:verify.okTextSince', {
                  count: verify.data.checked,
                  formatted: formatNumber(verify.data.checked),
                  date: formatDateTime(verify.data.fromCheckpoint.verifiedAt),
                  name: verify.data.fromCheckpoint.verifiedByName,
                })
              : t('audit:verify.okText', { count: verify.data.checked, formatted: formatNumber(verify.data.checked) })}
          </Alert>
        ) : (
          <Alert
            color="red"
            variant="light"
            icon={<IconShieldX aria-hidden />}
            title={t('audit:verify.brokenTitle')}
            data-testid="verify-result-broken"
          >
            <Stack gap={4}>
              <Text size="sm">
                {t('audit:verify.brokenText', {
                  id: verify.data.firstBrokenId ?? '',
                  count: verify.data.checked,
                  formatted: formatNumber(verify.data.checked),
                })}
              </Text>
              <Text size="sm">{t('audit:verify.brokenAdvice')}</Text>
            </Stack>
          </Alert>
        )
      ) : null}
      {verify.data && (
        <Group mt={4}>
          <Button variant="subtle" size="xs" onClick={() => verify.reset()}>
            {t('common:actions.close')}
          </Button>
        </Group>
      )}
    </div>
  );
}
