import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssetDetailView, ClassificationModelDefinition } from '../../api';
import { ProfileBadges } from '../classification/ProfileBadges';
import { assetListLink } from './filters';
import { TableScroll } from './TableScroll';

/** For an information set: the systems and processes that process it (and inherit its levels). */
export function ProcessedBy({ asset, model }: { asset: AssetDetailView; model: ClassificationModelDefinition | undefined }) {
  const { t } = useTranslation('assets');
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="processed-by-heading" data-testid="processed-by">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="processed-by-heading">
          {t('processedBy.title')}
        </Title>
        {asset.processedBy.length > 0 && (
          <Anchor component={Link} to={assetListLink({ processesSetId: asset.id })} size="sm">
            {t('processedBy.showInList')}
          </Anchor>
        )}
      </Group>
      {asset.processedBy.length === 0 ? (
        <Text>{t('processedBy.empty')}</Text>
      ) : (
        <TableScroll minWidth={520}>
          <Table>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {t('processedBy.caption', { count: asset.processedBy.length, name: asset.name })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fields.name')}</Table.Th>
                <Table.Th scope="col">{t('fields.kind')}</Table.Th>
                <Table.Th scope="col">{t('fields.lifecycle')}</Table.Th>
                <Table.Th scope="col">{t('processedBy.profile')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {asset.processedBy.map((s) => (
                <Table.Tr key={s.id} data-testid="processed-by-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/assets/${s.id}`} fw={600}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`kinds.${s.kind}`)}</Table.Td>
                  <Table.Td>{t(`lifecycles.${s.lifecycle}`)}</Table.Td>
                  <Table.Td>
                    <ProfileBadges profile={s.levels} model={model} size="sm" />
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
