import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssetView, ClassificationModelDefinition } from '../../api';
import { formatDate } from '../../lib/format';
import { ProfileBadges } from '../classification/ProfileBadges';
import { ReviewStateBadge, WorkStatusBadge } from '../classification/StatusBadges';
import { SortableHeader } from './SortableHeader';
import { TableScroll } from './TableScroll';

interface Props {
  assets: AssetView[];
  sort: string;
  onSort: (sort: string) => void;
  caption: string;
  model: ClassificationModelDefinition | undefined;
}

export function AssetsTable({ assets, sort, onSort, caption, model }: Props) {
  const { t } = useTranslation(['assets', 'classification']);
  return (
    <TableScroll minWidth={960}>
      <Table data-testid="assets-table" fz="sm" verticalSpacing="xs">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortableHeader column="name" sort={sort} onSort={onSort} label={t('assets:table.nameAndKind')} />
            <SortableHeader column="unit" sort={sort} onSort={onSort} label={t('assets:fields.unit')} />
            <Table.Th scope="col">{t('assets:table.people')}</Table.Th>
            <SortableHeader column="lifecycle" sort={sort} onSort={onSort} label={t('assets:fields.lifecycle')} />
            <Table.Th scope="col">{t('assets:fields.profile')}</Table.Th>
            <SortableHeader column="reviewDueAt" sort={sort} onSort={onSort} label={t('assets:table.status')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assets.map((a) => (
            <Table.Tr key={a.id} data-testid="asset-row" data-asset-id={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/assets/${a.id}`} fw={600}>
                  {a.name}
                </Anchor>
                <Text size="xs" c="dimmed" data-testid="asset-row-kind" data-kind={a.kind}>
                  {a.externalId
                    ? t('assets:table.kindAndId', { kind: t(`assets:kinds.${a.kind}`), id: a.externalId })
                    : t(`assets:kinds.${a.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td>{a.unitName}</Table.Td>
              <Table.Td>
                <People asset={a} />
              </Table.Td>
              <Table.Td>{t(`assets:lifecycles.${a.lifecycle}`)}</Table.Td>
              <Table.Td>
                <ProfileBadges profile={a.levels} model={model} size="sm" />
                {a.specialAnalysis && (
                  <Text size="xs" c="red.8" fw={600} mt={2}>
                    {t('classification:specialAnalysis.short')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ReviewStateBadge state={a.classification.reviewState} />
                  {a.classification.reviewDueAt && (
                    <Text size="xs" c="dimmed">
                      {t('assets:table.reviewDue', { date: formatDate(a.classification.reviewDueAt) })}
                    </Text>
                  )}
                  {a.classification.workStatus && <WorkStatusBadge status={a.classification.workStatus} />}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function People({ asset }: { asset: AssetView }) {
  const { t } = useTranslation('assets');
  const rows = [
    asset.informationOwner && t('table.owner', { name: asset.informationOwner.name }),
    asset.systemSteward && t('table.steward', { name: asset.systemSteward.name }),
  ].filter(Boolean) as string[];
  if (!rows.length)
    return (
      <Text size="xs" c="dimmed">
        {t('table.noPeople')}
      </Text>
    );
  return (
    <Stack gap={0}>
      {rows.map((r) => (
        <Text key={r} size="xs">
          {r}
        </Text>
      ))}
    </Stack>
  );
}
