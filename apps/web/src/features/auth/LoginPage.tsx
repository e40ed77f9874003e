import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Paper, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { useFormState } from '../../lib/useFormState';
import { collectErrors, emailError } from '../../lib/validation';
import { useLogin } from './api';

interface OrganizationChoice {
  id: string;
  name: string;
}

/** The organisations the server offers when the address and password fit accounts in several (ADR 0013). */
function offeredOrganizations(error: unknown): OrganizationChoice[] | null {
  if (!isApiError(error, 'organization_required')) return null;
  const list = (error.details as { organizations?: unknown } | undefined)?.organizations;
  if (!Array.isArray(list)) return null;
  return list.filter((o): o is OrganizationChoice => typeof o?.id === 'string' && typeof o?.name === 'string');
}

export function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  useDocumentTitle(t('common:pageTitle', { page: t('auth:login.title') }));
  const form = useFormState({ email: '', password: '', organizationId: '' });
  const login = useLogin();
  // Offered only after the server said the address and password fit several organisations.
  const [organizations, setOrganizations] = useState<OrganizationChoice[] | null>(null);
  const pickerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The choice appears below the fields; focus moves to it so keyboard and screen-reader users find it.
    if (organizations) pickerRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }, [organizations]);

  /** Another address or password may fit other accounts: the earlier choice no longer applies. */
  function changeCredential(key: 'email' | 'password', value: string) {
    form.setValue(key, value);
    if (organizations) {
      setOrganizations(null);
      form.setValue('organizationId', '');
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = collectErrors({
      email: emailError(form.values.email),
      password: form.values.password ? undefined : t('common:validation.required'),
      organizationId: organizations && !form.values.organizationId ? t('auth:login.organizationRequired') : undefined,
    });
    form.setErrors(errors);
    form.setFormError(null);
    if (Object.keys(errors).length) return;
    const organizationId = organizations ? form.values.organizationId : undefined;
    // Navigation happens in the route guard once the session is in the cache.
    login.mutate(
      { email: form.values.email.trim(), password: form.values.password, ...(organizationId ? { organizationId } : {}) },
      {
        onError: (e) => {
          const offered = offeredOrganizations(e);
          if (offered?.length) {
            setOrganizations(offered);
            form.setErrors({});
            form.setFormError(null);
            return;
          }
          form.showError(e);
        },
      },
    );
  }

  // A locked account or throttled sign-in says how long to wait, so the person need not guess.
  const wait = isApiError(login.error) ? login.error.retryAfterSeconds : null;
  const waitText = wait ? ` ${t('auth:login.retryIn', { count: Math.max(1, Math.ceil(wait / 60)) })}` : '';

  return (
    <Paper withBorder shadow="xs" radius="md" p={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} fz={28}>
            {t('auth:login.title')}
          </Title>
          <Text c="dimmed">{t('auth:login.intro')}</Text>
        </Stack>
        <form onSubmit={submit} noValidate aria-label={t('auth:login.title')}>
          <Stack gap="md">
            <FormAlert message={form.formError ? `${form.formError}${waitText}` : null} title={t('auth:login.failed')} />
            <TextInput
              label={t('auth:login.email')}
              type="email"
              autoComplete="username"
              value={form.values.email}
              onChange={(e) => changeCredential('email', e.currentTarget.value)}
              error={form.errors.email}
              required
              autoFocus
              data-testid="login-email"
            />
            <PasswordInput
              label={t('auth:login.password')}
              autoComplete="current-password"
              value={form.values.password}
              onChange={(e) => changeCredential('password', e.currentTarget.value)}
              error={form.errors.password}
              required
              data-testid="login-password"
            />
            {organizations && (
              <Radio.Group
                ref={pickerRef}
                label={t('auth:login.organization')}
                description={t('auth:login.organizationHint')}
                value={form.values.organizationId}
                onChange={(value) => form.setValue('organizationId', value)}
                error={form.errors.organizationId}
                data-testid="login-organization"
              >
                <Stack gap="xs" mt="xs">
                  {organizations.map((o) => (
                    <Radio key={o.id} value={o.id} label={o.name} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            <Button type="submit" size="md" loading={login.isPending} data-testid="login-submit">
              {t('auth:login.submit')}
            </Button>
          </Stack>
        </form>
        <Text size="sm" c="dimmed">
          {t('auth:login.forgot')}
        </Text>
      </Stack>
    </Paper>
  );
}
