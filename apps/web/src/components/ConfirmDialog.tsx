import type { ReactNode } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal';
import { FormAlert } from './FormAlert';

interface Props {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
  danger?: boolean;
  error?: string | null;
}

/** Asks before a change that is hard to undo; shows the server's refusal (for example a 409) in place. */
export function ConfirmDialog({ opened, title, message, confirmLabel, onConfirm, onClose, loading, danger, error }: Props) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size="md">
      <Stack gap="md">
        {typeof message === 'string' ? <Text>{message}</Text> : message}
        <FormAlert message={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={loading} data-testid="confirm-button">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
