import { Anchor, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { useAsset } from '../assets/api';
import { useClassification, useModel } from './api';
import { ClassificationEditor } from './ClassificationEditor';
import { ClassificationReadOnly } from './ClassificationReadOnly';
import { DecisionPanel } from './DecisionPanel';
import { VersionStatusBadge } from './StatusBadges';
import './classification.css';

export function ClassificationPage() {
  const { t } = useTranslation(['classification', 'common', 'assets']);
  const { id = '' } = useParams();
  const access = useAccess();
  const version = useClassification(id);
  const model = useModel(version.data?.modelId);
  const asset = useAsset(access.can('asset.read') ? (version.data?.assetId ?? '') : '');

  const back = (
    <Anchor
      component={Link}
      to={version.data ? `/assets/${version.data.assetId}` : '/classifications'}
      size="sm"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      mb="xs"
    >
      <IconArrowLeft size={16} aria-hidden />
      {version.data ? t('classification:page.backToAsset', { name: version.data.assetName }) : t('classification:page.backToList')}
    </Anchor>
  );

  if (version.isPending || (version.data && model.isPending)) {
    return (
      <>
        {back}
        <PageHeader title={t('classification:page.title')} />
        <LoadingState />
      </>
    );
  }
  if (version.error || model.error) {
    const error = version.error ?? model.error;
    const missing = isApiError(error, 'not_found') || isApiError(error, 'validation_failed');
    return (
      <>
        {back}
        <PageHeader title={missing ? t('classification:page.notFound') : t('classification:page.title')} />
        {missing ? (
          <Text>{t('classification:page.notFoundText')}</Text>
        ) : (
          <ErrorState error={error} onRetry={() => void (version.error ? version.refetch() : model.refetch())} />
        )}
      </>
    );
  }

  const v = version.data;
  const definition = model.data!.definition;
  return (
    <>
      {back}
      <PageHeader
        title={t('classification:page.heading', { name: v.assetName })}
        description={
          <Text component="span" style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <VersionStatusBadge status={v.status} superseded={v.superseded} />
            {t('classification:page.subtitle', { version: v.versionNo, model: v.modelVersion, kind: t(`assets:kinds.${v.assetKind}`) })}
          </Text>
        }
      />
      <Stack gap="lg" data-testid="classification-page" data-status={v.status} data-version-id={v.id}>
        <DecisionPanel version={v} model={definition} />
        {v.canEdit ? (
          // A new key after submit/return/withdraw starts the editor from the server's state.
          <ClassificationEditor key={`${v.id}-${v.status}`} version={v} model={definition} asset={asset.data} />
        ) : (
          <ClassificationReadOnly version={v} model={definition} asset={asset.data} />
        )}
      </Stack>
    </>
  );
}
