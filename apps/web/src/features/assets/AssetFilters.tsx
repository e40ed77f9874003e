import { useState } from 'react';
import { Button, Checkbox, Collapse, Group, MultiSelect, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  assetKinds,
  hostings,
  lifecycles,
  personalDataKinds,
  reviewStates,
  thirdCountryTransfers,
  workStatuses,
  type AssetFacets,
  type AssetFilters as Filters,
  type InformationTypeView,
  type UnitView,
} from '../../api';
import { UnitSelect } from '../../components/UnitSelect';
import type { ModelTexts } from '../classification/model';
import { PersonSelect } from '../../components/PersonSelect';
import { personFilterKeys, splitList, type PersonFilterKey } from './filters';
import { LinkedFilterChips } from './LinkedFilterChips';

export type FilterChanges = Record<string, string | null>;

interface Props {
  filters: Filters;
  /** Aspect and level as typed so far (the query uses them only together). */
  aspect: string | null;
  minLevel: string | null;
  onChange: (changes: FilterChanges) => void;
  units: UnitView[];
  facets: AssetFacets | undefined;
  informationTypes: InformationTypeView[] | undefined;
  texts: ModelTexts;
}

const moreKeys = [
  'lifecycle',
  'workStatus',
  'hosting',
  'personalData',
  'thirdCountryTransfer',
  'supplier',
  'tag',
  'informationTypeId',
  'aspect',
  'specialAnalysis',
  'reviewReasons',
  ...personFilterKeys,
] as const;

export function AssetFilters({ filters, aspect, minLevel, onChange, units, facets, informationTypes, texts }: Props) {
  const { t } = useTranslation(['assets', 'common', 'classification']);
  const [search, setSearch] = useState(filters.q ?? '');
  const moreCount = moreKeys.filter((k) => (k === 'aspect' ? aspect : filters[k])).length;
  const [showMore, setShowMore] = useState(moreCount > 0);
  const commitSearch = useDebouncedCallback((text: string) => {
    if (text.trim() !== (filters.q ?? '')) onChange({ q: text.trim() || null });
  }, 300);

  const personKey: PersonFilterKey = personFilterKeys.find((k) => filters[k]) ?? 'personId';
  const personId = filters[personKey] ?? null;
  const setPerson = (key: PersonFilterKey, id: string | null) =>
    onChange(Object.fromEntries(personFilterKeys.map((k) => [k, k === key ? id : null])));

  const multi = (key: keyof Filters, values: readonly string[], label: string, labelOf: (v: string) => string, testId: string) => (
    <MultiSelect
      label={label}
      data={values.map((v) => ({ value: v, label: labelOf(v) }))}
      value={splitList(filters[key])}
      onChange={(v) => onChange({ [key]: v.length ? v.join(',') : null })}
      clearable
      clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label }) }}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );

  const hasFilters = Object.keys(filters).length > 0 || Boolean(aspect);
  return (
    <Paper withBorder p="md" radius="md" role="search" aria-label={t('assets:filters.label')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput
          label={t('assets:filters.search')}
          description={t('assets:filters.searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            commitSearch(e.currentTarget.value);
          }}
          type="search"
          data-testid="assets-search"
        />
        {multi('kind', assetKinds, t('assets:fields.kind'), (v) => t(`assets:kinds.${v as 'system'}`), 'filter-kind')}
        <UnitSelect
          label={t('assets:filters.unit')}
          description={t('assets:filters.unitHint')}
          units={units}
          value={filters.unitId ?? null}
          onChange={(v) => onChange({ unitId: v })}
          clearable
          clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assets:filters.unit') }) }}
          data-testid="filter-unit"
        />
        {multi(
          'reviewState',
          reviewStates,
          t('assets:fields.reviewState'),
          (v) => t(`classification:reviewStates.${v as 'valid'}`),
          'filter-review-state',
        )}
      </SimpleGrid>

      <Collapse in={showMore}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mt="sm" id="asset-more-filters">
          {multi('lifecycle', lifecycles, t('assets:fields.lifecycle'), (v) => t(`assets:lifecycles.${v as 'in_use'}`), 'filter-lifecycle')}
          {multi(
            'workStatus',
            workStatuses,
            t('assets:fields.workStatus'),
            (v) => t(`classification:workStatuses.${v as 'draft'}`),
            'filter-work-status',
          )}
          {multi('hosting', hostings, t('assets:fields.hosting'), (v) => t(`assets:hostings.${v as 'cloud'}`), 'filter-hosting')}
          {multi(
            'personalData',
            personalDataKinds,
            t('assets:fields.personalData'),
            (v) => t(`assets:personalData.${v as 'none'}`),
            'filter-personal-data',
          )}
          {multi(
            'thirdCountryTransfer',
            thirdCountryTransfers,
            t('assets:fields.thirdCountryTransfer'),
            (v) => t(`assets:thirdCountry.${v as 'yes'}`),
            'filter-third-country',
          )}
          <PersonSelect
            label={t('assets:filters.person')}
            value={personId}
            onChange={(v) => setPerson(personKey, v)}
            data-testid="filter-person"
          />
          <Select
            label={t('assets:filters.personRole')}
            data={personFilterKeys.map((k) => ({ value: k, label: t(`assets:filters.personRoles.${k}`) }))}
            value={personKey}
            onChange={(v) => setPerson((v as PersonFilterKey) ?? 'personId', personId)}
            allowDeselect={false}
            disabled={!personId}
            data-testid="filter-person-role"
          />
          <Select
            label={t('assets:fields.supplier')}
            data={facets?.suppliers ?? []}
            value={filters.supplier ?? null}
            onChange={(v) => onChange({ supplier: v })}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assets:fields.supplier') }) }}
            nothingFoundMessage={t('common:select.noResults')}
            data-testid="filter-supplier"
          />
          <Select
            label={t('assets:fields.tag')}
            data={facets?.tags ?? []}
            value={filters.tag ?? null}
            onChange={(v) => onChange({ tag: v })}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assets:fields.tag') }) }}
            nothingFoundMessage={t('common:select.noResults')}
            data-testid="filter-tag"
          />
          <Select
            label={t('assets:fields.informationType')}
            data={(informationTypes ?? []).map((it) => ({ value: it.id, label: it.name }))}
            value={filters.informationTypeId ?? null}
            onChange={(v) => onChange({ informationTypeId: v })}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assets:fields.informationType') }) }}
            nothingFoundMessage={t('common:select.noResults')}
            data-testid="filter-information-type"
          />
          <Select
            label={t('assets:filters.aspect')}
            description={t('assets:filters.aspectHint')}
            data={texts.enabledAspects.map((a) => ({ value: a, label: `${texts.code(a)} – ${texts.aspectName(a)}` }))}
            value={aspect}
            onChange={(v) => onChange({ aspect: v, minLevel: v ? (minLevel ?? String(Math.min(3, texts.levelCount - 1))) : null })}
            clearable
            clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assets:filters.aspect') }) }}
            data-testid="filter-aspect"
          />
          <Select
            label={t('assets:filters.minLevel')}
            data={Array.from({ length: texts.levelCount }, (_, l) => ({ value: String(l), label: texts.levelLabel(l) }))}
            value={minLevel}
            onChange={(v) => onChange({ minLevel: v })}
            disabled={!aspect}
            allowDeselect={false}
            data-testid="filter-min-level"
          />
          <Checkbox
            label={t('assets:filters.specialAnalysis')}
            checked={filters.specialAnalysis === 'true'}
            onChange={(e) => onChange({ specialAnalysis: e.currentTarget.checked ? 'true' : null })}
            mt={{ base: 0, lg: 30 }}
            data-testid="filter-special-analysis"
          />
          <Checkbox
            label={t('assets:filters.reviewReasons')}
            checked={filters.reviewReasons === 'true'}
            onChange={(e) => onChange({ reviewReasons: e.currentTarget.checked ? 'true' : null })}
            mt={{ base: 0, lg: 30 }}
            data-testid="filter-review-reasons"
          />
        </SimpleGrid>
      </Collapse>

      <Group justify="space-between" mt="sm" gap="sm">
        <LinkedFilterChips filters={filters} onRemove={(key) => onChange({ [key]: null })} />
        <Group gap="xs" ml="auto">
          <Button
            variant="subtle"
            leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
            onClick={() => setShowMore((v) => !v)}
            aria-expanded={showMore}
            aria-controls="asset-more-filters"
            data-testid="toggle-more-filters"
          >
            {showMore
              ? t('assets:filters.fewer')
              : moreCount
                ? t('assets:filters.moreActive', { count: moreCount })
                : t('assets:filters.more')}
          </Button>
          {hasFilters && (
            <Button
              variant="subtle"
              onClick={() => {
                setSearch('');
                onChange(Object.fromEntries([...Object.keys(filters), 'aspect', 'minLevel'].map((k) => [k, null])));
              }}
              data-testid="clear-filters"
            >
              {t('common:actions.clearFilters')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
