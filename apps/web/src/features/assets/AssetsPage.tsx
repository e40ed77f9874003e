import { useCallback, useMemo, useState } from 'react';
import { Anchor, Button, Group, Paper, Select, Stack } from '@mantine/core';
import { IconChartBar, IconFileSpreadsheet, IconPlus, IconUpload } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { assetSorts, assetsApi, downloadFile } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { ListPager, useListTotal } from '../../components/Pager';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { useDialog } from '../../lib/useDialog';
import { useCurrentModel } from '../classification/api';
import { useModelTexts } from '../classification/model';
import { useInformationTypes } from '../information-types/api';
import { useUnits } from '../units/api';
import { useAssetFacets, useAssets } from './api';
import { AssetFilters, type FilterChanges } from './AssetFilters';
import { AssetFormModal } from './AssetFormModal';
import { AssetsTable } from './AssetsTable';
import { filtersFromParams, sortFromParams } from './filters';

const PAGE_SIZE = 50;

export function AssetsPage() {
  const { t } = useTranslation(['assets', 'common']);
  const access = useAccess();
  const navigate = useNavigate();
  // Every filter lives in the address, so a filtered view can be saved or sent as a link.
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const sort = sortFromParams(params);
  const cursor = params.get('cursor') ?? undefined;

  const assets = useAssets({ ...filters, sort, ...(cursor ? { cursor } : {}), pageSize: PAGE_SIZE });
  const totalLabel = useListTotal(assets.data ?? { total: 0, totalCapped: false });
  const units = useUnits(false);
  const facets = useAssetFacets();
  const canReadClassification = access.can('classification.read');
  const model = useCurrentModel(canReadClassification);
  const types = useInformationTypes(canReadClassification);
  const texts = useModelTexts(model.data?.definition);
  const create = useDialog<true>();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const update = useCallback(
    (changes: FilterChanges, resetPage = true) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          if (resetPage) next.delete('cursor');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  async function exportExcel() {
    setExporting(true);
    setExportError(null);
    try {
      await downloadFile(assetsApi.exportPath({ ...filters, sort }), 'informationstillgangar.xlsx');
    } catch (e) {
      setExportError(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  }

  const filtered = Object.keys(filters).length > 0;
  const canCreate = access.can('asset.write');
  return (
    <>
      <PageHeader
        title={t('assets:title')}
        description={t('assets:intro')}
        actions={
          <>
            {canCreate && (
              <Button
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={(e) => create.open(true, e.currentTarget)}
                disabled={!units.data?.length}
                data-testid="register-asset"
              >
                {t('assets:register')}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              onClick={() => void exportExcel()}
              loading={exporting}
              data-testid="export-assets"
            >
              {t('assets:export')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group gap="lg">
          {canReadClassification && (
            <Anchor component={Link} to="/assets/coverage" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
              <IconChartBar size={16} aria-hidden />
              {t('assets:links.coverage')}
            </Anchor>
          )}
          {access.can('asset.import') && (
            <Anchor component={Link} to="/assets/import" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
              <IconUpload size={16} aria-hidden />
              {t('assets:links.import')}
            </Anchor>
          )}
        </Group>
        <FormAlert message={exportError} />
        <AssetFilters
          filters={filters}
          aspect={params.get('aspect')}
          minLevel={params.get('minLevel')}
          onChange={update}
          units={units.data ?? []}
          facets={facets.data}
          informationTypes={types.data}
          texts={texts}
        />
        <Paper withBorder p="md" radius="md">
          <Group justify="flex-end" mb="xs">
            <Select
              label={t('assets:table.sortLabel')}
              data={assetSorts.flatMap((s) => [
                { value: s, label: t('assets:sorts.asc', { column: sortLabel(s) }) },
                { value: `-${s}`, label: t('assets:sorts.desc', { column: sortLabel(s) }) },
              ])}
              value={sort}
              onChange={(v) => update({ sort: v && v !== 'name' ? v : null })}
              allowDeselect={false}
              w={{ base: '100%', sm: 300 }}
              data-testid="assets-sort"
            />
          </Group>
          {assets.isPending ? (
            <LoadingState />
          ) : assets.error ? (
            <ErrorState error={assets.error} onRetry={() => void assets.refetch()} />
          ) : assets.data.items.length === 0 ? (
            <EmptyState
              title={filtered ? t('assets:empty.filteredTitle') : t('assets:empty.title')}
              action={
                !filtered && canCreate ? (
                  <Button onClick={(e) => create.open(true, e.currentTarget)} disabled={!units.data?.length}>
                    {t('assets:register')}
                  </Button>
                ) : undefined
              }
            >
              {filtered ? t('assets:empty.filteredText') : canCreate ? t('assets:empty.write') : t('assets:empty.read')}
            </EmptyState>
          ) : (
            <>
              <AssetsTable
                assets={assets.data.items}
                sort={sort}
                onSort={(s) => update({ sort: s === 'name' ? null : s })}
                caption={t('assets:caption', { count: assets.data.total, formatted: totalLabel })}
                model={model.data?.definition}
              />
              <ListPager page={assets.data} onNavigate={(c) => update({ cursor: c }, false)} />
            </>
          )}
        </Paper>
      </Stack>
      {canCreate && (
        <AssetFormModal
          opened={create.opened}
          formKey={create.key}
          onClose={create.close}
          onSaved={(asset) => {
            create.close();
            navigate(`/assets/${asset.id}`);
          }}
        />
      )}
    </>
  );

  function sortLabel(s: (typeof assetSorts)[number]): string {
    return s.startsWith('level') ? t('assets:sorts.level', { code: texts.code(s.slice(5) as 'C') }) : t(`assets:sorts.${s as 'name'}`);
  }
}
