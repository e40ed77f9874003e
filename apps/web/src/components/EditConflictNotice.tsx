import { useEffect, useState } from 'react';
import { Affix, Alert, Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { onEditConflict } from '../api/client';

/**
 * The one place that answers a 412 `edit_conflict` (see `onEditConflict` in the API client):
 * it says someone else saved in between and offers to reload. Reloading refetches what is on the
 * screen, so the next save starts from the latest version; the form keeps what the person typed.
 * Mounted once in the signed-in shell, above dialogs, so every page and modal gets it.
 */
export function EditConflictNotice() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => onEditConflict((e) => setMessage(e.message)), []);
  if (!message) return null;
  const reload = () => {
    void queryClient.invalidateQueries();
    setMessage(null);
  };
  return (
    <Affix
      position={{ top: 16, left: '50%' }}
      style={{ transform: 'translateX(-50%)', maxWidth: 560, width: 'calc(100% - 32px)' }}
      zIndex={1000}
    >
      <Alert
        color="orange"
        variant="filled"
        role="alert"
        title={t('editConflict.title')}
        data-testid="edit-conflict"
        withCloseButton
        closeButtonLabel={t('editConflict.dismiss')}
        onClose={() => setMessage(null)}
      >
        <Text size="sm">{message}</Text>
        <Text size="sm" mt={4}>
          {t('editConflict.hint')}
        </Text>
        <Group mt="sm">
          <Button
            size="xs"
            color="dark"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={reload}
            data-testid="edit-conflict-reload"
          >
            {t('editConflict.reload')}
          </Button>
        </Group>
      </Alert>
    </Affix>
  );
}
