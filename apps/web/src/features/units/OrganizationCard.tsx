import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { useDialog } from '../../lib/useDialog';
import { useOrganization } from './api';
import { OrganizationFormModal } from './OrganizationFormModal';

export function OrganizationCard() {
  const { t } = useTranslation(['units', 'common']);
  const access = useAccess();
  const organization = useOrganization();
  const dialog = useDialog<true>();

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="organization-heading">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="organization-heading">
            {t('units:organization.title')}
          </Title>
          {organization.isPending ? (
            <LoadingState />
          ) : organization.error ? (
            <ErrorState error={organization.error} onRetry={() => void organization.refetch()} />
          ) : (
            <dl className="facts-list">
              <Text component="dt" fw={600}>
                {t('units:organization.name')}
              </Text>
              <Text component="dd" m={0} data-testid="organization-name">
                {organization.data.name}
              </Text>
              <Text component="dt" fw={600}>
                {t('units:organization.orgNumber')}
              </Text>
              <Text component="dd" m={0} data-testid="organization-number">
                {organization.data.orgNumber}
              </Text>
              <Text component="dt" fw={600}>
                {t('units:organization.kind')}
              </Text>
              <Text component="dd" m={0}>
                {t(`common:orgKinds.${organization.data.kind}`)}
              </Text>
            </dl>
          )}
        </Stack>
        {access.can('org.manage') && organization.data && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={(e) => dialog.open(true, e.currentTarget)}
            data-testid="edit-organization"
          >
            {t('units:organization.edit')}
          </Button>
        )}
      </Group>
      {organization.data && (
        <OrganizationFormModal opened={dialog.opened} formKey={dialog.key} organization={organization.data} onClose={dialog.close} />
      )}
    </Paper>
  );
}
