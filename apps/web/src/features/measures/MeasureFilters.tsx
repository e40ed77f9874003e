import { Button, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { measurePriorities, measureStatuses } from '@tillit/core/modules/measures/rules';
import type { UnitView } from '../../api';
import { DateField } from '../../components/DateField';
import { PersonSelect } from '../../components/PersonSelect';
import { UnitSelect } from '../../components/UnitSelect';
import { useMeasureLabels } from './labels';

export type FilterChanges = Record<string, string | null>;

/** The list's filters; every value lives in the address (a filtered view is a link). */
export function MeasureFilters({
  params,
  onChange,
  units,
  mine,
}: {
  params: URLSearchParams;
  onChange: (c: FilterChanges) => void;
  units: UnitView[];
  mine: boolean;
}) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  const list = (key: string) => (params.get(key) ? params.get(key)!.split(',') : []);
  const set = (key: string) => (v: string | string[] | null) => onChange({ [key]: Array.isArray(v) ? v.join(',') || null : v });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
      <TextInput
        label={t('filters.search')}
        defaultValue={params.get('q') ?? ''}
        onChange={(e) => onChange({ q: e.currentTarget.value || null })}
        data-testid="measures-search"
      />
      <UnitSelect label={t('filters.unit')} units={units} value={params.get('unitId')} onChange={set('unitId')} clearable />
      {!mine && <PersonSelect label={t('filters.owner')} value={params.get('ownerId')} onChange={set('ownerId')} clearable />}
      <MultiSelect
        label={t('filters.status')}
        data={measureStatuses.map((s) => ({ value: s, label: labels.status(s) }))}
        value={list('status')}
        onChange={set('status')}
        clearable
      />
      <MultiSelect
        label={t('filters.priority')}
        data={measurePriorities.map((p) => ({ value: p, label: labels.priority(p) }))}
        value={list('priority')}
        onChange={set('priority')}
        clearable
      />
      <Select label={t('filters.linkType')} data={labels.linkTypes} value={params.get('linkType')} onChange={set('linkType')} clearable />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <DateField label={t('filters.dueFrom')} value={params.get('dueFrom')} onChange={set('dueFrom')} />
        <DateField label={t('filters.dueTo')} value={params.get('dueTo')} onChange={set('dueTo')} />
      </Group>
      <Group align="flex-end">
        <Button
          variant="subtle"
          onClick={() =>
            onChange(
              Object.fromEntries(['q', 'unitId', 'ownerId', 'status', 'priority', 'linkType', 'dueFrom', 'dueTo'].map((k) => [k, null])),
            )
          }
        >
          {t('filters.clear')}
        </Button>
      </Group>
    </SimpleGrid>
  );
}
