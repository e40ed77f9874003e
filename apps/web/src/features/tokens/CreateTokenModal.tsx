import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Code, Group, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CreatedToken, TokenScope } from '../../api';
import { AppModal } from '../../components/AppModal';
import { CopyField } from '../../components/CopyField';
import { FormAlert } from '../../components/FormAlert';
import { formatDate } from '../../lib/format';
import { useFormState } from '../../lib/useFormState';
import { collectErrors, requiredText } from '../../lib/validation';
import { useCreateToken } from './api';

const MAX_DAYS = 730;

export function CreateTokenModal({ opened, formKey, onClose }: { opened: boolean; formKey: number; onClose: () => void }) {
  const { t } = useTranslation('tokens');
  return (
    <AppModal opened={opened} onClose={onClose} title={t('create.title')} closeOnClickOutside={false}>
      <CreateTokenForm key={formKey} onClose={onClose} />
    </AppModal>
  );
}

function CreateTokenForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['tokens', 'common']);
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const form = useFormState({ name: '', scope: 'read' as TokenScope, expiresInDays: 90 as number | string, noExpiry: false });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { name, scope, expiresInDays, noExpiry } = form.values;
    const days = Number(expiresInDays);
    const errors = collectErrors({
      name: requiredText(name, 100),
      expiresInDays:
        noExpiry || (Number.isInteger(days) && days >= 1 && days <= MAX_DAYS)
          ? undefined
          : t('common:validation.numberRange', { min: 1, max: MAX_DAYS }),
    });
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    create.mutate(
      { name: name.trim(), scope, expiresInDays: noExpiry ? null : days },
      { onSuccess: setCreated, onError: (e) => form.showError(e) },
    );
  }

  if (created) {
    return (
      <Stack gap="md" data-testid="token-created">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('tokens:created.warningTitle')}>
          {t('tokens:created.warning')}
        </Alert>
        <CopyField label={t('tokens:created.secret', { name: created.token.name })} value={created.secret} testId="token-secret" />
        <Text size="sm">
          {t('tokens:created.usage')} <Code>{t('tokens:created.usageHeader')}</Code>
        </Text>
        <Text size="sm">
          {created.token.expiresAt
            ? t('tokens:created.expires', { date: formatDate(created.token.expiresAt) })
            : t('tokens:created.noExpiry')}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="token-done">
            {t('tokens:created.done')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="token-form">
      <Stack gap="md">
        <FormAlert message={form.formError} />
        <TextInput
          label={t('tokens:fields.name')}
          description={t('tokens:create.nameHint')}
          value={form.values.name}
          onChange={(e) => form.setValue('name', e.currentTarget.value)}
          error={form.errors.name}
          required
          maxLength={100}
          data-autofocus
          data-testid="token-name"
        />
        <Radio.Group
          label={t('tokens:fields.scope')}
          value={form.values.scope}
          onChange={(v) => form.setValue('scope', v as TokenScope)}
          error={form.errors.scope}
          required
        >
          <Stack gap="xs" mt="xs">
            <Radio value="read" label={t('tokens:scope.read')} description={t('tokens:scope.readHint')} data-testid="token-scope-read" />
            <Radio
              value="write"
              label={t('tokens:scope.write')}
              description={t('tokens:scope.writeHint')}
              data-testid="token-scope-write"
            />
          </Stack>
        </Radio.Group>
        <NumberInput
          label={t('tokens:fields.expiresInDays')}
          description={t('tokens:create.expiryHint', { max: MAX_DAYS })}
          value={form.values.expiresInDays}
          onChange={(v) => form.setValue('expiresInDays', v)}
          error={form.errors.expiresInDays}
          min={1}
          max={MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          disabled={form.values.noExpiry}
          w={{ base: '100%', sm: 220 }}
          data-testid="token-expiry"
        />
        <Checkbox
          label={t('tokens:create.noExpiry')}
          description={t('tokens:create.noExpiryHint')}
          checked={form.values.noExpiry}
          onChange={(e) => form.setValue('noExpiry', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="token-submit">
            {t('tokens:create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
