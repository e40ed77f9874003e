import { CloseButton, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssetFilters } from '../../api';
import { useAsset } from './api';

/** Filters that come from a detail page's link ("systems processing this set"), shown with the asset's name. */
export function LinkedFilterChips({
  filters,
  onRemove,
}: {
  filters: AssetFilters;
  onRemove: (key: 'processesSetId' | 'processedById') => void;
}) {
  return (
    <Group gap="xs">
      {filters.processesSetId && <Chip filterKey="processesSetId" assetId={filters.processesSetId} onRemove={onRemove} />}
      {filters.processedById && <Chip filterKey="processedById" assetId={filters.processedById} onRemove={onRemove} />}
    </Group>
  );
}

function Chip({
  filterKey,
  assetId,
  onRemove,
}: {
  filterKey: 'processesSetId' | 'processedById';
  assetId: string;
  onRemove: (key: 'processesSetId' | 'processedById') => void;
}) {
  const { t } = useTranslation('assets');
  const asset = useAsset(assetId);
  const name = asset.data?.name ?? '…';
  const label = t(`filters.linked.${filterKey}`, { name });
  return (
    <Paper withBorder radius="xl" px="sm" py={2} data-testid={`filter-chip-${filterKey}`}>
      <Group gap={4} wrap="nowrap">
        <Text size="sm">{label}</Text>
        <CloseButton size="sm" aria-label={t('filters.removeFilter', { label })} onClick={() => onRemove(filterKey)} />
      </Group>
    </Paper>
  );
}
