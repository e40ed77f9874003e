import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { parentLookup } from '../../lib/unitTree';
import { useDialog } from '../../lib/useDialog';
import { useCurrentModel } from '../classification/api';
import { ClassificationHistory } from '../classification/ClassificationHistory';
import { useUnits } from '../units/api';
import { useAsset, useDeleteAsset } from './api';
import { AssetClassification } from './AssetClassification';
import { AssetFacts } from './AssetFacts';
import { AssetFormModal } from './AssetFormModal';
import { Integrations } from './Integrations';
import { LinkedSets } from './LinkedSets';
import { ProcessedBy } from './ProcessedBy';

export function AssetDetailPage() {
  const { t } = useTranslation(['assets', 'common']);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const access = useAccess();
  const asset = useAsset(id);
  const units = useUnits(false);
  const canReadClassification = access.can('classification.read');
  const model = useCurrentModel(canReadClassification);
  const parentOf = useMemo(() => parentLookup(units.data ?? []), [units.data]);
  const edit = useDialog<true>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useDeleteAsset();

  const back = (
    <Anchor component={Link} to="/assets" size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }} mb="xs">
      <IconArrowLeft size={16} aria-hidden />
      {t('assets:detail.back')}
    </Anchor>
  );

  if (asset.isPending) {
    return (
      <>
        {back}
        <PageHeader title={t('assets:detail.title')} />
        <LoadingState />
      </>
    );
  }
  if (asset.error) {
    const missing = isApiError(asset.error, 'not_found') || isApiError(asset.error, 'validation_failed');
    return (
      <>
        {back}
        <PageHeader title={missing ? t('assets:detail.notFound') : t('assets:detail.title')} />
        {missing ? <Text>{t('assets:detail.notFoundText')}</Text> : <ErrorState error={asset.error} onRetry={() => void asset.refetch()} />}
      </>
    );
  }

  const a = asset.data;
  const canWrite = access.canOnUnit('asset.write', a.unitId, parentOf);
  const definition = model.data?.definition;
  return (
    <>
      {back}
      <PageHeader
        title={a.name}
        description={
          <Group gap="xs" component="span">
            <Badge component="span" variant="light" color="tillit" data-testid="asset-kind-badge">
              {t(`assets:kinds.${a.kind}`)}
            </Badge>
            <Text component="span">
              {t('assets:detail.subtitle', { unit: a.unitName, lifecycle: t(`assets:lifecycles.${a.lifecycle}`) })}
            </Text>
          </Group>
        }
        actions={
          canWrite && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={(e) => edit.open(true, e.currentTarget)}
                data-testid="edit-asset"
              >
                {t('common:actions.edit')}
              </Button>
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirmDelete(true)}
                data-testid="delete-asset"
              >
                {t('common:actions.delete')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        {canReadClassification && <AssetClassification asset={a} model={definition} parentOf={parentOf} />}
        <AssetFacts asset={a} />
        {a.kind !== 'information_set' ? (
          <>
            <LinkedSets asset={a} canWrite={canWrite} model={definition} />
            <Integrations asset={a} canWrite={canWrite} />
          </>
        ) : (
          <ProcessedBy asset={a} model={definition} />
        )}
        {canReadClassification && <ClassificationHistory assetId={a.id} model={definition} />}
      </Stack>
      {canWrite && (
        <>
          <AssetFormModal opened={edit.opened} formKey={edit.key} asset={a} onClose={edit.close} onSaved={() => edit.close()} />
          <ConfirmDialog
            opened={confirmDelete}
            title={t('assets:delete.title', { name: a.name })}
            message={t('assets:delete.text')}
            confirmLabel={t('assets:delete.confirm')}
            danger
            loading={remove.isPending}
            error={remove.error instanceof Error ? remove.error.message : null}
            onClose={() => {
              setConfirmDelete(false);
              remove.reset();
            }}
            onConfirm={() => remove.mutate(a.id, { onSuccess: () => navigate('/assets', { replace: true }) })}
          />
        </>
      )}
    </>
  );
}
