import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ClassificationModelDefinition, ClassificationVersionView } from '../../api';
import { AppModal } from '../../components/AppModal';
import { DateField } from '../../components/DateField';
import { FormAlert } from '../../components/FormAlert';
import { useAccess, useSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { useApproveClassification, useReturnClassification, useWithdrawClassification } from './api';
import { CheckPanel } from './CheckPanel';

/** The version's state in words, and what the signed-in person may do about it (approve, return, withdraw). */
export function DecisionPanel({ version, model }: { version: ClassificationVersionView; model: ClassificationModelDefinition }) {
  const { t } = useTranslation(['classification', 'common']);
  const session = useSession();
  const access = useAccess();
  const withdraw = useWithdrawClassification();
  const [dialog, setDialog] = useState<'approve' | 'return' | null>(null);
  const isContributor =
    version.contributors.some((c) => c.id === session.user.id) ||
    version.author?.id === session.user.id ||
    version.submittedBy?.id === session.user.id;
  const ownerName = version.informationOwner?.name ?? '';

  if (version.status === 'returned') {
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconArrowBackUp aria-hidden />}
        title={t('classification:decision.returnedTitle')}
        data-testid="returned-comment"
      >
        <Text size="sm">
          {t('classification:decision.returnedBy', { name: version.decidedBy?.name ?? '', date: formatDateTime(version.decidedAt) })}
        </Text>
        {version.decisionComment && (
          <Text size="sm" mt="xs" fw={600} style={{ whiteSpace: 'pre-wrap' }}>
            {version.decisionComment}
          </Text>
        )}
      </Alert>
    );
  }
  if (version.status === 'approved') {
    return (
      <Alert
        color={version.superseded ? 'gray' : 'green'}
        variant="light"
        icon={<IconCheck aria-hidden />}
        title={version.superseded ? t('classification:decision.supersededTitle') : t('classification:decision.approvedTitle')}
        data-testid="approved-info"
      >
        <Text size="sm">
          {t('classification:decision.approvedBy', { name: version.decidedBy?.name ?? '', date: formatDateTime(version.decidedAt) })}
        </Text>
        {version.reviewDueAt && <Text size="sm">{t('classification:decision.validUntil', { date: formatDate(version.reviewDueAt) })}</Text>}
        {version.decisionComment && (
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {t('classification:decision.comment', { comment: version.decisionComment })}
          </Text>
        )}
      </Alert>
    );
  }
  if (version.status !== 'submitted') return null;

  return (
    <Alert
      color="tillit"
      variant="light"
      icon={<IconInfoCircle aria-hidden />}
      title={t('classification:decision.submittedTitle')}
      data-testid="decision-panel"
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('classification:decision.submittedBy', { name: version.submittedBy?.name ?? '', date: formatDateTime(version.submittedAt) })}
        </Text>
        {version.canDecide ? (
          <>
            <Text size="sm">{t('classification:decision.youDecide')}</Text>
            <Group gap="sm">
              <Button
                color="green"
                leftSection={<IconCheck size={16} aria-hidden />}
                onClick={() => setDialog('approve')}
                data-testid="approve-classification"
              >
                {t('classification:decision.approve')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={() => setDialog('return')}
                data-testid="return-classification"
              >
                {t('classification:decision.return')}
              </Button>
            </Group>
          </>
        ) : version.decisionBlock === 'prepared_alone' ? (
          <Text size="sm" fw={600} data-testid="four-eyes-explanation">
            {t('classification:decision.fourEyes')}
          </Text>
        ) : version.decisionBlock === 'no_owner' ? (
          <Text size="sm" fw={600} data-testid="no-owner-explanation">
            {t('classification:decision.noOwner')}
          </Text>
        ) : (
          <Text size="sm" data-testid="decision-waiting">
            {t('classification:decision.waiting', { name: ownerName })}
          </Text>
        )}
        {version.decisionDelegate && (
          <Text size="sm">{t('classification:decision.delegate', { name: version.decisionDelegate.name })}</Text>
        )}
        <CheckPanel version={version} />
        {isContributor && access.can('classification.write') && (
          <div>
            <Button
              variant="default"
              size="xs"
              onClick={() => withdraw.mutate(version.id)}
              loading={withdraw.isPending}
              data-testid="withdraw-classification"
            >
              {t('classification:decision.withdraw')}
            </Button>
            <FormAlert message={withdraw.error instanceof Error ? withdraw.error.message : null} />
          </div>
        )}
      </Stack>
      <AppModal
        opened={dialog === 'approve'}
        onClose={() => setDialog(null)}
        title={t('classification:decision.approveTitle', { name: version.assetName })}
      >
        {dialog === 'approve' && <ApproveForm version={version} model={model} onClose={() => setDialog(null)} />}
      </AppModal>
      <AppModal
        opened={dialog === 'return'}
        onClose={() => setDialog(null)}
        title={t('classification:decision.returnTitle', { name: version.assetName })}
      >
        {dialog === 'return' && <ReturnForm version={version} onClose={() => setDialog(null)} />}
      </AppModal>
    </Alert>
  );
}

function ApproveForm({
  version,
  model,
  onClose,
}: {
  version: ClassificationVersionView;
  model: ClassificationModelDefinition;
  onClose: () => void;
}) {
  const { t } = useTranslation(['classification', 'common']);
  const approve = useApproveClassification();
  const [comment, setComment] = useState('');
  const [reviewDueAt, setReviewDueAt] = useState<string | null>(dayjs().add(model.reviewMonths, 'month').format('YYYY-MM-DD'));
  function submit(e: FormEvent) {
    e.preventDefault();
    approve.mutate(
      { id: version.id, body: { comment: comment.trim() || null, reviewDueAt: reviewDueAt ?? undefined } },
      { onSuccess: onClose },
    );
  }
  return (
    <form onSubmit={submit} noValidate data-testid="approve-form">
      <Stack gap="md">
        <FormAlert message={approve.error instanceof Error ? approve.error.message : null} />
        <Text>{t('classification:decision.approveText', { profile: version.profileLabel })}</Text>
        <Textarea
          label={t('classification:decision.commentOptional')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
          data-autofocus
          data-testid="approve-comment"
        />
        <div>
          <DateField
            label={t('classification:decision.reviewDueAt')}
            value={reviewDueAt}
            onChange={setReviewDueAt}
            minDate={dayjs().add(1, 'day').format('YYYY-MM-DD')}
            testId="approve-review-date"
          />
          <Text size="sm" c="dimmed" mt={4}>
            {t('classification:decision.reviewDueHint', { months: model.reviewMonths })}
          </Text>
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" color="green" loading={approve.isPending} data-testid="approve-submit">
            {t('classification:decision.approve')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReturnForm({ version, onClose }: { version: ClassificationVersionView; onClose: () => void }) {
  const { t } = useTranslation(['classification', 'common']);
  const ret = useReturnClassification();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!comment.trim()) {
      setError(t('classification:decision.commentRequired'));
      return;
    }
    ret.mutate({ id: version.id, comment: comment.trim() }, { onSuccess: onClose });
  }
  return (
    <form onSubmit={submit} noValidate data-testid="return-form">
      <Stack gap="md">
        <FormAlert message={ret.error instanceof Error ? ret.error.message : null} />
        <Textarea
          label={t('classification:decision.returnComment')}
          description={t('classification:decision.returnCommentHint')}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          required
          autosize
          minRows={3}
          maxLength={4000}
          data-autofocus
          data-testid="return-comment"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={ret.isPending} data-testid="return-submit">
            {t('classification:decision.return')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
