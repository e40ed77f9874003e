import { useMemo } from 'react';
import { Select, Text, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../api';
import { buildTree, flattenTree } from '../lib/unitTree';

type Props = Omit<SelectProps, 'data' | 'renderOption' | 'value' | 'onChange'> & {
  units: UnitView[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** Units that may not be chosen (for a move: the unit itself and its sub-units). */
  exclude?: Set<string>;
  /** Only these units may be chosen, for example where the person may grant roles. */
  allow?: (unit: UnitView) => boolean;
};

/** Picks a unit from the organisation tree, indented by depth and searchable by name. */
export function UnitSelect({ units, value, onChange, exclude, allow, ...props }: Props) {
  const { t } = useTranslation();
  const { data, depthOf } = useMemo(() => {
    const nodes = flattenTree(buildTree(units));
    const depth = new Map(nodes.map((n) => [n.unit.id, n.depth]));
    return {
      depthOf: depth,
      data: nodes
        .filter((n) => !exclude?.has(n.unit.id))
        .map((n) => ({
          value: n.unit.id,
          label: n.unit.closedAt ? `${n.unit.name} (${t('unitPicker.closed')})` : n.unit.name,
          disabled: allow ? !allow(n.unit) : false,
        })),
    };
  }, [units, exclude, allow, t]);

  return (
    <Select
      data={data}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('select.noResults')}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => (
        <Text size="sm" pl={(depthOf.get(option.value) ?? 0) * 14}>
          {option.label}
        </Text>
      )}
      {...props}
    />
  );
}
