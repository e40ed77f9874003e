import { useEffect, useRef } from 'react';
import { Anchor, Button, Paper, Stepper, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useAssetImport, useImportFinished } from './api';
import { ImportProgress } from './ImportProgress';
import { ImportResult } from './ImportResult';
import { MappingStep } from './MappingStep';
import { OwnWords } from './OwnWords';
import { UploadStep } from './UploadStep';

/** Upload → map columns → check (dry run) → apply (all or nothing) → follow progress. The import's id is in the address. */
export function AssetImportPage() {
  const { t } = useTranslation(['assetImport', 'common']);
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const view = useAssetImport(id);
  const finished = useImportFinished();
  const status = view.data?.status;
  const wasApplying = useRef(false);

  useEffect(() => {
    if (status === 'applying') wasApplying.current = true;
    if (wasApplying.current && (status === 'applied' || status === 'failed')) {
      wasApplying.current = false;
      finished();
    }
  }, [status, finished]);

  const active = !id
    ? 0
    : status === 'applied' || status === 'undone'
      ? 4
      : status === 'applying' || status === 'failed'
        ? 3
        : status === 'checked'
          ? 2
          : 1;
  const restart = () => setParams({}, { replace: false });

  return (
    <>
      <PageHeader
        title={t('assetImport:title')}
        description={t('assetImport:intro')}
        actions={
          id && (
            <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={restart} data-testid="import-restart">
              {t('assetImport:restart')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md" radius="md" mb="lg">
        <Stepper active={active} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('assetImport:steps.upload')} description={t('assetImport:steps.uploadHint')} />
          <Stepper.Step label={t('assetImport:steps.map')} description={t('assetImport:steps.mapHint')} />
          <Stepper.Step label={t('assetImport:steps.check')} description={t('assetImport:steps.checkHint')} />
          <Stepper.Step label={t('assetImport:steps.apply')} description={t('assetImport:steps.applyHint')} />
        </Stepper>
        <Text size="sm" mt="sm" role="status">
          {active === 4 ? t('assetImport:steps.done') : t('assetImport:steps.current', { step: active + 1, total: 4 })}
        </Text>
      </Paper>
      {!id ? (
        <>
          <UploadStep onUploaded={(v) => setParams({ id: v.id })} />
          <OwnWords />
        </>
      ) : view.isPending ? (
        <LoadingState />
      ) : view.error ? (
        isApiError(view.error, 'not_found') || isApiError(view.error, 'validation_failed') ? (
          <Paper withBorder p="lg" radius="md">
            <Text mb="sm">{t('assetImport:notFound')}</Text>
            <Anchor component="button" onClick={restart}>
              {t('assetImport:restart')}
            </Anchor>
          </Paper>
        ) : (
          <ErrorState error={view.error} onRetry={() => void view.refetch()} />
        )
      ) : view.data.status === 'applying' ? (
        <ImportProgress view={view.data} />
      ) : view.data.status === 'applied' || view.data.status === 'failed' || view.data.status === 'undone' ? (
        <ImportResult view={view.data} onRestart={restart} />
      ) : (
        <MappingStep key={view.data.id} view={view.data} />
      )}
    </>
  );
}
