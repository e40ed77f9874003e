import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError, type AssetImportView } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { formatNumber } from '../../lib/format';
import { useUndoImport } from './api';

/**
 * Undo the import as a whole (issue 9 item 9): asked once more, then one request. When the server
 * refuses because assets changed since, the assets are listed with links, to change by hand.
 */
export function UndoImport({ view }: { view: AssetImportView }) {
  const { t } = useTranslation('assetImport');
  const undo = useUndoImport();
  const [asking, setAsking] = useState(false);
  if (!view.undoable) return null;
  const changed = isApiError(undo.error, 'import_changed_since')
    ? (undo.error.details as { count: number; assets: { id: string; name: string | null; removed: boolean }[] })
    : null;

  return (
    <Stack gap="sm" align="flex-start" data-testid="import-undo">
      {!asking ? (
        <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setAsking(true)}>
          {t('undo.button')}
        </Button>
      ) : (
        <Alert color="orange" variant="light" title={t('undo.confirmTitle')} role="alertdialog" aria-live="polite">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('undo.confirmText')}</Text>
            <Group gap="sm">
              <Button color="orange" loading={undo.isPending} onClick={() => undo.mutate(view.id)} data-testid="import-undo-confirm">
                {t('undo.confirm')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setAsking(false);
                  undo.reset();
                }}
              >
                {t('undo.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {changed ? (
        <Alert color="red" variant="light" role="alert" title={t('undo.changedTitle')} data-testid="import-undo-refused">
          <Text size="sm" mb="xs">
            {undo.error instanceof Error ? undo.error.message : null}
          </Text>
          <List size="sm">
            {changed.assets.map((a) => (
              <List.Item key={a.id}>
                {a.removed ? (
                  t('undo.removed', { name: a.name ?? '' })
                ) : (
                  <Anchor component={Link} to={`/assets/${a.id}`}>
                    {a.name}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
          {changed.count > changed.assets.length && (
            <Text size="sm" mt="xs">
              {t('undo.more', { count: changed.count - changed.assets.length, n: formatNumber(changed.count - changed.assets.length) })}
            </Text>
          )}
        </Alert>
      ) : (
        <FormAlert message={undo.error instanceof Error ? undo.error.message : null} />
      )}
    </Stack>
  );
}
