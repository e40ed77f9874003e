import type { FormEvent } from 'react';
import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { useFormState } from '../../lib/useFormState';
import { collectErrors, emailError } from '../../lib/validation';
import { useLogin } from './api';

export function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  useDocumentTitle(t('common:pageTitle', { page: t('auth:login.title') }));
  const form = useFormState({ email: '', password: '' });
  const login = useLogin();

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = collectErrors({ email: emailError(form.values.email), password: form.values.password ? undefined : t('common:validation.required') });
    form.setErrors(errors);
    form.setFormError(null);
    if (Object.keys(errors).length) return;
    // Navigation happens in the route guard once the session is in the cache.
    login.mutate({ email: form.values.email.trim(), password: form.values.password }, { onError: (e) => form.showError(e) });
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
              onChange={(e) => form.setValue('email', e.currentTarget.value)}
              error={form.errors.email}
              required
              autoFocus
              data-testid="login-email"
            />
            <PasswordInput
              label={t('auth:login.password')}
              autoComplete="current-password"
              value={form.values.password}
              onChange={(e) => form.setValue('password', e.currentTarget.value)}
              error={form.errors.password}
              required
              data-testid="login-password"
            />
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
