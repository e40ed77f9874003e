import { Alert, Anchor } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssetKind } from '../../api';
import { useAssets } from './api';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Before a new asset is registered: an asset of the same kind and unit whose name differs only in
 * case or spacing is probably the same one (issue 9 item 8; the import uses the same rule).
 */
export function DuplicateWarning({ kind, unitId, name }: { kind: AssetKind | null; unitId: string | null; name: string }) {
  const { t } = useTranslation(['assets']);
  const [debounced] = useDebouncedValue(name, 300);
  const enabled = Boolean(kind && unitId && norm(debounced).length >= 2);
  const found = useAssets({ q: debounced.trim(), ...(kind ? { kind } : {}), ...(unitId ? { unitId } : {}), pageSize: 20 }, enabled);
  const same = enabled
    ? found.data?.items.find((a) => a.unitId === unitId && a.kind === kind && norm(a.name) === norm(debounced))
    : undefined;
  if (!same) return null;
  return (
    <Alert color="yellow" variant="light" role="status" data-testid="asset-duplicate-warning">
      {t('assets:duplicate.text', { unit: same.unitName })}{' '}
      <Anchor component={Link} to={`/assets/${same.id}`}>
        {same.name}
      </Anchor>
    </Alert>
  );
}
