import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClassificationVersionView } from '../../api';
import { AppModal } from '../../components/AppModal';
import { FormAlert } from '../../components/FormAlert';
import { formatDateTime } from '../../lib/format';
import { useCheckClassification } from './api';

/**
 * The quality check (granskad) of a submitted version: who checked it and what they said, and for
 * the coordinator the button to record it. Advice to the owner, not a decision.
 */
export function CheckPanel({ version }: { version: ClassificationVersionView }) {
  const { t } = useTranslation(['classification', 'common']);
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={4} data-testid="check-panel">
      {version.checkedBy && (
        <Text size="sm" data-testid="checked-by">
          {t('classification:decision.checkedBy', { name: version.checkedBy.name, date: formatDateTime(version.checkedAt) })}
          {version.checkComment && ` ${t('classification:decision.comment', { comment: version.checkComment })}`}
        </Text>
      )}
      {version.canCheck && (
        <div>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChecklist size={16} aria-hidden />}
            onClick={() => setOpen(true)}
            data-testid="check-classification"
          >
            {t('classification:decision.check')}
          </Button>
        </div>
      )}
      <AppModal opened={open} onClose={() => setOpen(false)} title={t('classification:decision.checkTitle', { name: version.assetName })}>
        {open && <CheckForm version={version} onClose={() => setOpen(false)} />}
      </AppModal>
    </Stack>
  );
}

function CheckForm({ version, onClose }: { version: ClassificationVersionView; onClose: () => void }) {
  const { t } = useTranslation(['classification', 'common']);
  const check = useCheckClassification();
  const [comment, setComment] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    check.mutate({ id: version.id, comment: comment.trim() || null }, { onSuccess: onClose });
  }
  return (
    <form onSubmit={submit} noValidate data-testid="check-form">
      <Stack gap="md">
        <FormAlert message={check.error instanceof Error ? check.error.message : null} />
        <Text>{t('classification:decision.checkText')}</Text>
        <Textarea
          label={t('classification:decision.checkComment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
          data-autofocus
          data-testid="check-comment"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={check.isPending} data-testid="check-submit">
            {t('classification:decision.check')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
