import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import { TableScroll } from '../assets/TableScroll';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiTokenView } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { formatDate, formatDateTime } from '../../lib/format';
import { useDialog } from '../../lib/useDialog';
import { useRevokeToken, useTokens } from './api';
import { CreateTokenModal } from './CreateTokenModal';

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: ApiTokenView): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

const stateColors: Record<TokenState, string> = { active: 'green', revoked: 'gray', expired: 'orange' };

export function TokensPage() {
  const { t } = useTranslation(['tokens', 'common']);
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const createDialog = useDialog<true>();
  const revokeDialog = useDialog<ApiTokenView>('tokens-table');
  const pending = revokeDialog.value;

  function doRevoke() {
    if (!pending) return;
    revoke.mutate(pending.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('tokens:revoke.done', { name: pending.name }) });
        revokeDialog.close();
      },
    });
  }

  const createButton = (
    <Button
      leftSection={<IconPlus size={18} aria-hidden />}
      onClick={(e) => createDialog.open(true, e.currentTarget)}
      data-testid="create-token"
    >
      {t('tokens:create.open')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('tokens:title')} description={t('tokens:intro')} actions={createButton} />
      <Paper withBorder p="md" radius="md">
        {tokens.isPending ? (
          <LoadingState />
        ) : tokens.error ? (
          <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <EmptyState title={t('tokens:empty.title')}>{t('tokens:empty.text')}</EmptyState>
        ) : (
          <TableScroll minWidth={860}>
            <Table data-testid="tokens-table" id="tokens-table" tabIndex={-1}>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('tokens:caption', { count: tokens.data.length })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tokens:fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('tokens:fields.scope')}</Table.Th>
                  <Table.Th scope="col">{t('tokens:fields.createdBy')}</Table.Th>
                  <Table.Th scope="col">{t('tokens:fields.created')}</Table.Th>
                  <Table.Th scope="col">{t('tokens:fields.expires')}</Table.Th>
                  <Table.Th scope="col">{t('tokens:fields.lastUsed')}</Table.Th>
                  <Table.Th scope="col">{t('tokens:fields.state')}</Table.Th>
                  <Table.Th scope="col">{t('tokens:fields.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => {
                  const state = stateOf(token);
                  return (
                    <Table.Tr key={token.id} data-testid="token-row">
                      <Table.Td fw={600}>
                        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                          <IconKey size={16} aria-hidden />
                          {token.name}
                        </span>
                      </Table.Td>
                      <Table.Td>{t(`tokens:scope.${token.scope}`)}</Table.Td>
                      <Table.Td>{token.userName}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(token.createdAt)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {token.expiresAt ? formatDate(token.expiresAt) : t('tokens:noExpiry')}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('common:dates.never')}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={stateColors[state]}>{t(`tokens:state.${state}`)}</Badge>
                      </Table.Td>
                      <Table.Td>
                        {state === 'active' ? (
                          <Button
                            variant="subtle"
                            color="red"
                            size="xs"
                            onClick={(e) => {
                              revoke.reset();
                              revokeDialog.open(token, e.currentTarget);
                            }}
                            aria-label={t('tokens:revoke.label', { name: token.name })}
                            data-testid="revoke-token"
                          >
                            {t('tokens:revoke.button')}
                          </Button>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {token.revokedAt ? formatDate(token.revokedAt) : ''}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Paper>
      <CreateTokenModal opened={createDialog.opened} formKey={createDialog.key} onClose={createDialog.close} />
      <ConfirmDialog
        opened={revokeDialog.opened}
        onClose={revokeDialog.close}
        title={t('tokens:revoke.title', { name: pending?.name ?? '' })}
        message={t('tokens:revoke.text')}
        confirmLabel={t('tokens:revoke.button')}
        danger
        loading={revoke.isPending}
        error={revoke.error?.message}
        onConfirm={doRevoke}
      />
    </>
  );
}
