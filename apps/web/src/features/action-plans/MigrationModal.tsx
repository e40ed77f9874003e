import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { TableScroll } from '../assets/TableScroll';
import { useMigrate, usePreview } from './api';

/** The impact preview of moving every plan to the current catalogue version, and the one action that does it. */
export function MigrationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['actionPlans', 'common']);
  const preview = usePreview(true);
  const migrate = useMigrate();
  const p = preview.data;
  return (
    <AppModal opened onClose={onClose} title={p ? t('migration.title', { label: p.toVersion.label }) : t('migration.open')}>
      {preview.isLoading ? (
        <LoadingState />
      ) : preview.error ? (
        <ErrorState error={preview.error} />
      ) : p ? (
        <Stack data-testid="migration-preview">
          <Text>{t('migration.intro')}</Text>
          <Text size="sm">
            {t('migration.from')}: {p.fromVersions.map((v) => `${v.label} (${v.plans})`).join(', ')}
          </Text>
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('migration.plans')}</Table.Th>
                <Table.Td>{p.plans}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('migration.added')}</Table.Th>
                <Table.Td>{p.added}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('migration.changed')}</Table.Th>
                <Table.Td>{p.changed}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('migration.removed')}</Table.Th>
                <Table.Td>{p.removed}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('migration.carried')}</Table.Th>
                <Table.Td>{p.carried}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {p.requirements.length > 0 && (
            <TableScroll minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('overview.requirement')}</Table.Th>
                    <Table.Th>{t('req.status')}</Table.Th>
                    <Table.Th>{t('migration.affected')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.requirements.map((r) => (
                    <Table.Tr key={`${r.change}:${r.key}`}>
                      <Table.Td>
                        {r.key} {r.title}
                      </Table.Td>
                      <Table.Td>{t(`migration.change.${r.change}`)}</Table.Td>
                      <Table.Td>{r.plans}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
          {p.plans === 0 && <Alert color="gray">{t('migration.nothing')}</Alert>}
          {migrate.data && (
            <Alert color="teal" role="status">
              {t('migration.done', migrate.data)}
            </Alert>
          )}
          <FormAlert message={migrate.error?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.close')}
            </Button>
            <Button
              disabled={p.plans === 0 || Boolean(migrate.data)}
              loading={migrate.isPending}
              onClick={() => migrate.mutate()}
              data-testid="confirm-migration"
            >
              {t('migration.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </AppModal>
  );
}
