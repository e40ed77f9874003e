import { Badge, Button, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { formatDateTime } from '../../../lib/format';
import { useModelVersions } from '../api';
import { TableScroll } from '../../assets/TableScroll';

/** All versions of the organisation's model, newest first. */
export function ModelHistory({ shownId, onShow }: { shownId: string | null; onShow: (id: string) => void }) {
  const { t } = useTranslation('classification');
  const versions = useModelVersions();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="model-history-heading" data-testid="model-history">
      <Title order={2} size="h3" id="model-history-heading" mb="xs">
        {t('model.historyTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('model.historyIntro')}
      </Text>
      {versions.isPending ? (
        <LoadingState />
      ) : versions.error ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <TableScroll minWidth={700}>
          <Table>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {t('model.historyCaption', { count: versions.data.length })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('model.fields.version')}</Table.Th>
                <Table.Th scope="col">{t('model.fields.created')}</Table.Th>
                <Table.Th scope="col">{t('model.fields.note')}</Table.Th>
                <Table.Th scope="col">{t('model.fields.usage')}</Table.Th>
                <Table.Th scope="col">{t('model.show')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.map((v) => (
                <Table.Tr key={v.id} data-testid="model-version-row">
                  <Table.Th scope="row">
                    {t('model.versionLabel', { version: v.version })}{' '}
                    {v.isCurrent && (
                      <Badge color="green" variant="light" ml={4}>
                        {t('model.current')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>
                    {t('model.createdBy', { date: formatDateTime(v.createdAt), name: v.createdBy?.name ?? t('model.system') })}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{v.note ?? ''}</Table.Td>
                  <Table.Td>{t('model.usage', { count: v.usageCount })}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant={shownId === v.id ? 'light' : 'default'}
                      onClick={() => onShow(v.id)}
                      aria-pressed={shownId === v.id}
                    >
                      {shownId === v.id ? t('model.shown') : t('model.show')}
                      <VisuallyHidden>{t('model.versionSuffix', { version: v.version })}</VisuallyHidden>
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Paper>
  );
}
