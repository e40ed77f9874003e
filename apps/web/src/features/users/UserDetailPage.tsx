import type { ReactNode } from 'react';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError, type UserView } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { formatDateTime, isInFuture } from '../../lib/format';
import { useUser } from './api';
import { AccountActions } from './AccountActions';
import { StatusBadges } from './StatusBadges';
import { UserRoles } from './UserRoles';

export function UserDetailPage() {
  const { t } = useTranslation(['users', 'common']);
  const { id = '' } = useParams();
  const access = useAccess();
  const user = useUser(id);

  const back = (
    <Anchor component={Link} to="/users" size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }} mb="xs">
      <IconArrowLeft size={16} aria-hidden />
      {t('users:detail.back')}
    </Anchor>
  );

  if (user.isPending) {
    return (
      <>
        {back}
        <PageHeader title={t('users:detail.title')} />
        <LoadingState />
      </>
    );
  }
  if (user.error) {
    const missing = isApiError(user.error, 'not_found') || isApiError(user.error, 'validation_failed');
    return (
      <>
        {back}
        <PageHeader title={missing ? t('users:detail.notFound') : t('users:detail.title')} />
        {missing ? <Text>{t('users:detail.notFoundText')}</Text> : <ErrorState error={user.error} onRetry={() => void user.refetch()} />}
      </>
    );
  }

  const u = user.data;
  return (
    <>
      {back}
      <PageHeader title={u.name} description={u.email} actions={access.can('user.manage') ? <AccountActions user={u} /> : undefined} />
      <Stack gap="lg">
        <AccountDetails user={u} />
        <UserRoles user={u} />
      </Stack>
    </>
  );
}

function AccountDetails({ user }: { user: UserView }) {
  const { t } = useTranslation(['users', 'common']);
  const rows: [string, ReactNode][] = [
    [t('users:fields.status'), <StatusBadges key="s" user={user} />],
    [t('users:fields.email'), user.email],
    [t('users:fields.language'), t(`common:language.${user.locale}`)],
    [t('users:fields.lastLogin'), user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('common:dates.never')],
    [t('users:fields.created'), formatDateTime(user.createdAt)],
  ];
  if (isInFuture(user.lockedUntil)) rows.push([t('users:fields.lockedUntil'), formatDateTime(user.lockedUntil)]);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="account-heading">
      <Title order={2} size="h3" id="account-heading" mb="sm">
        {t('users:detail.account')}
      </Title>
      <dl className="facts-list" data-testid="user-details">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <Text component="dt" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0} style={{ wordBreak: 'break-word' }}>
              {value}
            </Text>
          </div>
        ))}
      </dl>
    </Paper>
  );
}
