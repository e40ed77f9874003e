import type { FormEvent } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../app/session';
import { useFormState } from '../../lib/useFormState';
import { collectErrors, newPasswordError, repeatPasswordError } from '../../lib/validation';
import { useChangePassword } from './api';
import { PasswordFields } from './PasswordFields';

export function ChangePasswordPage() {
  const { t } = useTranslation(['auth', 'common']);
  const session = useSession();
  const navigate = useNavigate();
  const change = useChangePassword();
  const form = useFormState({ currentPassword: '', newPassword: '', repeat: '' });
  const forced = session.user.mustChangePassword;

  function submit(event: FormEvent) {
    event.preventDefault();
    const { currentPassword, newPassword, repeat } = form.values;
    const errors = collectErrors({
      currentPassword: currentPassword ? undefined : t('common:validation.required'),
      newPassword: newPasswordError(newPassword),
      repeat: newPassword ? repeatPasswordError(newPassword, repeat) : undefined,
    });
    form.setErrors(errors);
    form.setFormError(null);
    if (Object.keys(errors).length) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('auth:changePassword.done') });
          form.reset();
          if (forced) void navigate('/', { replace: true });
        },
        onError: (e) => form.showError(e),
      },
    );
  }

  return (
    <>
      <PageHeader title={t('auth:changePassword.title')} description={t('auth:changePassword.intro')} />
      <Paper withBorder p="lg" radius="md" maw={560}>
        <form onSubmit={submit} noValidate aria-label={t('auth:changePassword.title')}>
          <input type="email" name="username" autoComplete="username" value={session.user.email} readOnly hidden />
          <Stack gap="md">
            {forced && (
              <Alert color="tillit" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('auth:changePassword.forcedTitle')}>
                {t('auth:changePassword.forcedText')}
              </Alert>
            )}
            <FormAlert message={form.formError} />
            <PasswordInput
              label={t('auth:changePassword.current')}
              autoComplete="current-password"
              value={form.values.currentPassword}
              onChange={(e) => form.setValue('currentPassword', e.currentTarget.value)}
              error={form.errors.currentPassword}
              required
              data-testid="current-password"
            />
            <PasswordFields
              password={form.values.newPassword}
              repeat={form.values.repeat}
              onPassword={(v) => form.setValue('newPassword', v)}
              onRepeat={(v) => form.setValue('repeat', v)}
              passwordError={form.errors.newPassword}
              repeatError={form.errors.repeat}
            />
            <div>
              <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
                {t('auth:changePassword.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
