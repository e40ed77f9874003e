import { Button, Paper, Table } from '@mantine/core';
import { TableScroll } from '../assets/TableScroll';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { useDialog } from '../../lib/useDialog';
import { useOrganizations } from './api';
import { CreateOrganizationModal } from './CreateOrganizationModal';

/** For platform administrators: every region and municipality in this installation. */
export function OrganizationsPage() {
  const { t } = useTranslation(['organizations', 'common']);
  const session = useSession();
  const organizations = useOrganizations();
  const create = useDialog<true>();

  return (
    <>
      <PageHeader
        title={t('organizations:title')}
        description={t('organizations:intro')}
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={(e) => create.open(true, e.currentTarget)}
            data-testid="create-organization"
          >
            {t('organizations:create.open')}
          </Button>
        }
      />
      <Paper withBorder p="md" radius="md">
        {organizations.isPending ? (
          <LoadingState />
        ) : organizations.error ? (
          <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />
        ) : organizations.data.length === 0 ? (
          <EmptyState title={t('organizations:empty.title')}>{t('organizations:empty.text')}</EmptyState>
        ) : (
          <TableScroll minWidth={640}>
            <Table data-testid="organizations-table">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('organizations:caption', { count: organizations.data.length })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('organizations:fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('organizations:fields.orgNumber')}</Table.Th>
                  <Table.Th scope="col">{t('organizations:fields.kind')}</Table.Th>
                  <Table.Th scope="col">{t('organizations:fields.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {organizations.data.map((org) => (
                  <Table.Tr key={org.id} data-testid="organization-row">
                    <Table.Td fw={600}>
                      {org.name}
                      {org.id === session.user.organizationId ? ` ${t('organizations:yours')}` : ''}
                    </Table.Td>
                    <Table.Td>{org.orgNumber}</Table.Td>
                    <Table.Td>{t(`common:orgKinds.${org.kind}`)}</Table.Td>
                    <Table.Td>{formatDate(org.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Paper>
      <CreateOrganizationModal opened={create.opened} formKey={create.key} onClose={create.close} />
    </>
  );
}
