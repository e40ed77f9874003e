import { useState } from 'react';
import { Alert, Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { useAccess } from '../../../app/session';
import { useCurrentModel, useModel } from '../api';
import { ModelEditor } from './ModelEditor';
import { ModelHistory } from './ModelHistory';
import { ModelView } from './ModelView';

/** The organisation's classification model: view any version, and edit into a new one. */
export function ModelPage() {
  const { t } = useTranslation(['classification', 'common']);
  const access = useAccess();
  const canManage = access.can('classification_model.manage');
  const [params, setParams] = useSearchParams();
  const current = useCurrentModel();
  const requested = params.get('version');
  const older = useModel(requested && requested !== current.data?.id ? requested : null);
  const [editing, setEditing] = useState(false);
  const shown = requested && requested !== current.data?.id ? older : current;

  if (editing && current.data) {
    return (
      <>
        <PageHeader
          title={t('classification:model.editTitle')}
          description={t('classification:model.editIntro', { version: current.data.version })}
        />
        <ModelEditor
          base={current.data}
          onCancel={() => setEditing(false)}
          onSaved={(model) => {
            setEditing(false);
            setParams({}, { replace: true });
            window.scrollTo({ top: 0 });
            notifications.show({ color: 'green', message: t('classification:model.saved', { version: model.version }) });
          }}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('classification:model.title')}
        description={t('classification:model.intro')}
        actions={
          canManage &&
          current.data && (
            <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="edit-model">
              {t('classification:model.edit')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <Alert color="tillit" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('classification:model.versionsKept')}
        </Alert>
        {shown.isPending ? (
          <LoadingState />
        ) : shown.error ? (
          <ErrorState error={shown.error} onRetry={() => void shown.refetch()} />
        ) : (
          <>
            {!shown.data.isCurrent && (
              <Alert color="orange" variant="light" title={t('classification:model.olderTitle', { version: shown.data.version })}>
                {t('classification:model.olderText')}
              </Alert>
            )}
            <ModelView model={shown.data} />
          </>
        )}
        <ModelHistory
          shownId={shown.data?.id ?? null}
          onShow={(id) => setParams(id === current.data?.id ? {} : { version: id }, { replace: true })}
        />
      </Stack>
    </>
  );
}
