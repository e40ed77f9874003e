import type { FormEvent } from 'react';
import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useFormState } from '../../lib/useFormState';
import { collectErrors, newPasswordError, repeatPasswordError } from '../../lib/validation';
import { useAcceptLink, useLinkInfo } from './api';
import { PasswordFields } from './PasswordFields';

/** `/link/:token`: accept an invitation or a password reset by choosing a password. */
export function LinkPage() {
  const { t } = useTranslation(['auth', 'common']);
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const info = useLinkInfo(token);
  const accept = useAcceptLink();
  const form = useFormState({ password: '', repeat: '' });
  const isReset = info.data?.purpose === 'password_reset';
  const title = info.error ? t('auth:link.invalidTitle') : isReset ? t('auth:link.resetTitle') : t('auth:link.inviteTitle');
  useDocumentTitle(t('common:pageTitle', { page: title }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = collectErrors({
      password: newPasswordError(form.values.password),
      repeat: form.values.password ? repeatPasswordError(form.values.password, form.values.repeat) : undefined,
    });
    form.setErrors(errors);
    form.setFormError(null);
    if (Object.keys(errors).length) return;
    accept.mutate(
      { token, password: form.values.password },
      { onSuccess: () => void navigate('/', { replace: true }), onError: (e) => form.showError(e) },
    );
  }

  if (info.isPending) return <LoadingState />;

  if (info.error) {
    const invalid =
      isApiError(info.error, 'invalid_token') || isApiError(info.error, 'validation_failed') || isApiError(info.error, 'not_found');
    return (
      <Paper withBorder radius="md" p="xl">
        <Stack gap="md">
          <Title order={1} fz={26}>
            {t('auth:link.invalidTitle')}
          </Title>
          {invalid ? <Text>{t('auth:link.invalidText')}</Text> : <ErrorState error={info.error} onRetry={() => void info.refetch()} />}
          <div>
            <Button component={Link} to="/login" variant="default">
              {t('auth:link.toLogin')}
            </Button>
          </div>
        </Stack>
      </Paper>
    );
  }

  const { email, name, organizationName } = info.data;
  return (
    <Paper withBorder shadow="xs" radius="md" p={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} fz={28}>
            {title}
          </Title>
          <Text>{isReset ? t('auth:link.resetIntro') : t('auth:link.inviteIntro', { organization: organizationName })}</Text>
        </Stack>
        <Table variant="vertical" withTableBorder layout="fixed" aria-label={t('auth:link.accountCaption')} highlightOnHover={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={130}>{t('auth:link.organization')}</Table.Th>
              <Table.Td data-testid="link-organization">{organizationName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('auth:link.name')}</Table.Th>
              <Table.Td data-testid="link-name">{name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('auth:link.email')}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{email}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <form onSubmit={submit} noValidate aria-label={title}>
          {/* Lets password managers store the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <Stack gap="md">
            <FormAlert message={form.formError} />
            <PasswordFields
              password={form.values.password}
              repeat={form.values.repeat}
              onPassword={(v) => form.setValue('password', v)}
              onRepeat={(v) => form.setValue('repeat', v)}
              passwordError={form.errors.password}
              repeatError={form.errors.repeat}
            />
            <Button type="submit" size="md" loading={accept.isPending} data-testid="link-submit">
              {t('auth:link.submit')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
