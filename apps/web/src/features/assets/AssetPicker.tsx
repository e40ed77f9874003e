import { useMemo, useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { AssetKind } from '../../api';
import { useAssets } from './api';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  label: string;
  kinds: AssetKind[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** Assets that may not be chosen (already linked, the asset itself). */
  exclude?: Set<string>;
};

/** Searches the inventory for an asset of the given kinds (server search: name, description, external id, supplier). */
export function AssetPicker({ label, kinds, value, onChange, exclude, ...props }: Props) {
  const { t } = useTranslation(['assets', 'common']);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const results = useAssets({ q: debounced.trim() || undefined, kind: kinds.join(','), pageSize: 30, sort: 'name' });

  // The chosen option is kept, since the search text then becomes its label and may match nothing.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const data = useMemo(() => {
    const options = (results.data?.items ?? []).map((a) => ({
      value: a.id,
      label: a.externalId ? `${a.name} (${a.unitName}, ${a.externalId})` : `${a.name} (${a.unitName})`,
      disabled: exclude?.has(a.id) ?? false,
    }));
    if (value && chosen?.value === value && !options.some((o) => o.value === value)) options.unshift({ ...chosen, disabled: false });
    return options;
  }, [results.data, exclude, chosen, value]);

  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={(v, option) => {
        setChosen(v ? { value: v, label: option.label } : null);
        onChange(v);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label }) }}
      nothingFoundMessage={results.isFetching ? t('common:state.loading') : t('common:select.noResults')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
